import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block !important;
    --_size: var(--vitrine-wishlist-button-size, 2.5rem);
    --_color: var(--vitrine-wishlist-button-color, var(--_text));
    --_color-saved: var(--vitrine-wishlist-button-color-saved, var(--_saved));
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-width: var(--_size);
    min-height: var(--_size);
    padding: 0 calc(var(--_size) / 4);
    border: 0;
    border-radius: 999px;
    background: var(--vitrine-wishlist-button-background, var(--_surface));
    color: var(--_color);
    font-size: calc(var(--_size) / 2.2);
  }
  button[aria-pressed='true'] {
    color: var(--_color-saved);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  /* A box of its own, so the heart sits on the button's centre, not on the text baseline. */
  [part='icon'] {
    display: inline-flex;
  }
  svg {
    width: 1.2em;
    height: 1.2em;
    transition: transform var(--_duration) ease-out;
  }
  button[aria-pressed='true'] svg {
    transform: scale(1.12);
  }
  .label {
    font-size: 0.8rem;
    letter-spacing: 0.04em;
  }
`;
