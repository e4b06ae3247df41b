import { css } from 'lit';

export const styles = css`
  /* A point on the picture: x from the left whatever the direction, as pictures do not mirror. */
  :host {
    position: absolute !important;
    left: calc(var(--_x, 0) * 100%) !important;
    top: calc(var(--_y, 0) * 100%) !important;
    z-index: 1 !important;
    width: 0 !important;
    height: 0 !important;
    --_size: var(--vitrine-hotspot-size, 2rem);
  }
  :host([data-hidden]) {
    display: none !important;
  }
  [part~='tag'] {
    position: absolute;
    top: 0;
    left: 0;
    translate: -50% -50%;
    display: grid;
    place-items: center;
    width: calc(var(--_size) + 0.75rem);
    height: calc(var(--_size) + 0.75rem);
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
  }
  /* Two tones, white inside black: one of them stands out on any picture (WCAG 1.4.11). */
  [part~='tag']:focus-visible {
    outline: 2px solid #ffffff;
    outline-offset: 0;
    box-shadow: 0 0 0 4px #1c1a17;
  }
  @media (forced-colors: active) {
    [part~='tag']:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
    .dot {
      border-color: CanvasText;
    }
  }
  .dot {
    width: var(--_size);
    height: var(--_size);
    border: 2px solid #ffffff;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.35);
    box-shadow: 0 0 0 4px rgb(255 255 255 / 0.25);
  }
  [part~='tag'][aria-expanded='true'] .dot {
    background: rgb(0 0 0 / 0.7);
  }
  /* In the top layer (popover) where supported: above the carousel's buttons and never
     clipped by the carousel, even in full screen. */
  [part~='card'] {
    position: fixed;
    inset: auto;
    top: 0;
    left: 0;
    z-index: var(--vitrine-hotspot-z-index, 1000);
    display: none;
    grid-template-columns: 1fr auto;
    gap: 0.75rem;
    box-sizing: border-box;
    width: max-content;
    max-width: min(20rem, calc(100vw - 16px));
    margin: 0;
    padding: 0.75rem;
    overflow: visible;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    text-align: start;
  }
  [part~='card']:not([hidden]) {
    display: grid;
  }
  [part~='card'][data-with-image] {
    grid-template-columns: auto 1fr auto;
  }
  [part~='card']:focus {
    outline: none;
  }
  [part~='card']:focus-visible {
    outline: 2px solid var(--_focus);
  }
  [part='image'] {
    width: 4.5rem;
    height: 6rem;
    object-fit: cover;
  }
  .details {
    display: grid;
    align-content: start;
    gap: 0.35rem;
  }
  .details p {
    margin: 0;
  }
  [part='price'],
  [part='variant'],
  [part='unavailable'] {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  [part='unavailable'] {
    font-style: italic;
  }
  [part='name'] {
    font-weight: 500;
  }
  [part='price'] {
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  /* The heart as a pill beside Vote: one height, one outline, one row. */
  .actions vitrine-wishlist-button::part(button) {
    box-sizing: border-box;
    min-height: 2.5rem;
    padding: 0 1rem;
    border: 1px solid var(--_border);
    font-size: 1rem;
  }
  [part='shop'] {
    font-size: 0.9rem;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  [part='close'] {
    align-self: start;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: none;
    font-size: 1.25rem;
    line-height: 1;
  }
`;
