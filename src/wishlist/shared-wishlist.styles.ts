import { css } from 'lit';

export const styles = css`
  [part='item'] {
    grid-template-columns: var(--vitrine-wishlist-image-size, 4.5rem) 1fr;
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
  [part='message'][data-error] {
    color: var(--_danger);
  }
`;
