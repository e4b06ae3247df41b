import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block !important;
    position: relative !important;
    /* Its own surface under its text: readable on any page, in either theme. */
    background: var(--_surface);
    color: var(--_text);
  }
  ul {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Icon-only buttons in a row, for a header; the sign-in dialog always spells names out. */
  ul.compact {
    flex-direction: row;
    flex-wrap: wrap;
  }
  [part~='provider'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    box-sizing: border-box;
    width: 100%;
    min-height: 2.5rem;
    padding: 0 1rem;
    border: 1px solid var(--_bd);
    border-radius: 4px;
    background: var(--_bg);
    color: var(--_fg);
    font-weight: 500;
    letter-spacing: 0.01em;
    transition: filter var(--_duration);
  }
  .compact [part~='provider'] {
    width: 2.5rem;
    padding: 0;
  }
  [part~='provider']:hover:not(:disabled) {
    filter: brightness(0.92);
  }
  [part~='provider']:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .icon {
    color: var(--_mark, currentColor);
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
  }
  [part='account'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.5rem;
    padding: 0 0.5rem 0 0.25rem;
    border: 1px solid transparent;
    border-radius: 999px;
    background: none;
    color: var(--_text);
  }
  [part='account']:hover {
    border-color: var(--_border);
  }
  [part='avatar'] {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    object-fit: cover;
    font-weight: 600;
  }
  [part='name'] {
    max-width: 12rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='menu'] {
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--vitrine-login-z-index, 1000);
    box-sizing: border-box;
    min-width: 12rem;
    max-width: min(20rem, calc(100vw - 16px));
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  [part='menu'][hidden] {
    display: none;
  }
  .who {
    margin: 0.25rem 0.5rem 0.5rem;
    color: var(--_muted);
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
  [part='sign-out'],
  [part='download-data'],
  [part='delete-data'],
  .action {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
    min-height: 2.5rem;
    padding: 0 1rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: none;
    color: var(--_text);
    text-decoration: none;
  }
  [part='sign-out'],
  [part='download-data'],
  [part='delete-data'] {
    width: 100%;
  }
  [part='download-data'],
  [part='delete-data'] {
    margin-bottom: 0.5rem;
  }
  .link {
    min-height: 2.5rem;
    border: 0;
    background: none;
    color: var(--_text);
    text-decoration: underline;
  }
  /* Messages wrap to the buttons' width instead of widening the element. */
  [part='error'],
  [part='setup'],
  .status,
  .hint {
    contain: inline-size;
  }
  /* Present but empty until there is news: a live region must exist before it speaks. */
  .status:empty {
    margin: 0;
  }
  [part='error'] {
    margin: var(--_space) 0 0;
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .status,
  .hint,
  [part='setup'] {
    margin: var(--_space) 0 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  /* In a header, news floats under the buttons instead of pushing the page down. */
  .floating {
    position: absolute;
    inset-block-start: 100%;
    inset-inline-end: 0;
    z-index: var(--vitrine-login-z-index, 1000);
    box-sizing: border-box;
    width: max-content;
    max-width: min(20rem, calc(100vw - 2rem));
    contain: none;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .floating:empty {
    padding: 0;
    border: 0;
    box-shadow: none;
  }
  [part='notice'] p {
    margin: 0 0 var(--_space);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  dialog {
    box-sizing: border-box;
    width: min(24rem, calc(100vw - 2rem));
    padding: 1.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  h2 {
    margin: 0 0 1rem;
    font-size: 1.125rem;
    font-weight: 500;
  }
  .close {
    display: block;
    margin: 1rem auto 0;
  }
`;
