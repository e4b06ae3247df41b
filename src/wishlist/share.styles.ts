import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block !important;
    position: relative !important;
  }
  [part='trigger'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.5rem;
    padding: 0 1rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--vitrine-share-trigger-background, var(--_surface));
    color: var(--_text);
    letter-spacing: 0.04em;
  }
  [part='panel'] {
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--vitrine-share-z-index, 1000);
    box-sizing: border-box;
    width: max-content;
    min-width: 14rem;
    max-width: min(20rem, calc(100vw - 16px));
    overflow: auto;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  [part='panel'][hidden] {
    display: none;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='target'] {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    box-sizing: border-box;
    width: 100%;
    min-height: 2.5rem;
    padding: 0 0.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    text-align: start;
    text-decoration: none;
  }
  [part~='target']:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .status,
  .hint,
  .empty {
    margin: 0.5rem 0.75rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .status:empty {
    display: none;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    font-size: 0.8rem;
  }
  [part='qr'] {
    display: block;
    width: 10rem;
    height: 10rem;
    margin: 0.5rem auto;
  }
`;
