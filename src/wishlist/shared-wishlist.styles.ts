import { css } from 'lit';

export const styles = css`
  [part='item'] {
    grid-template-columns: var(--vitrine-wishlist-image-size, 4.5rem) 1fr auto;
  }
  [part='save-all'] {
    min-height: 2.5rem;
    margin-block-start: 1rem;
    padding: 0 1.25rem;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    letter-spacing: 0.04em;
  }
  /* Done: a quiet outline that still reads (and keeps focus), not a dead grey button. */
  [part='save-all'][aria-disabled='true'] {
    border: 1px solid var(--_accent);
    background: none;
    color: var(--_text);
    cursor: default;
  }
  [part='message'][data-error] {
    color: var(--_danger);
  }
`;
