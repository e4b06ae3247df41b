import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block !important;
    min-width: 1.25rem !important;
  }
  [part='badge'] {
    display: inline-block;
    min-width: 1.25rem;
    padding: 0 0.35rem;
    box-sizing: border-box;
    border-radius: 999px;
    background: var(--vitrine-wishlist-count-background, var(--_accent));
    color: var(--vitrine-wishlist-count-color, var(--_on-accent));
    font-size: 0.75rem;
    line-height: 1.25rem;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  /* Gone, not an empty slot: the label beside it stays centred (first saves follow a tap). */
  :host([hide-empty][data-empty]) {
    display: none !important;
  }
`;
