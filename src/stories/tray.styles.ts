import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    /* Its own surface under its names: readable on any page, in either theme. */
    background: var(--_surface);
    --_size: var(--vitrine-story-tray-size, 4.5rem);
    --_ring: var(--vitrine-story-tray-ring, var(--_accent));
    --_seen: var(--vitrine-story-tray-seen, var(--_border));
  }
  [part='list'] {
    display: flex;
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: var(--_space);
    list-style: none;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x proximity;
    scrollbar-width: thin;
  }
  li {
    flex: none;
    scroll-snap-align: start;
  }
  [part~='cover'] {
    display: grid;
    justify-items: center;
    gap: calc(var(--_space) / 2);
    width: calc(var(--_size) + 1rem);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_text);
  }
  [part='ring'] {
    /* A block, so the picture's 100 % is the ring's own height, whatever the picture's shape. */
    display: block;
    width: var(--_size);
    height: var(--_size);
    padding: 3px;
    border-radius: 50%;
    /* A thin seen ring and a thick unseen one: told apart without colour too (WCAG 1.4.1). */
    box-shadow: inset 0 0 0 1px var(--_seen);
    box-sizing: border-box;
  }
  [part~='cover-unseen'] [part='ring'] {
    box-shadow: inset 0 0 0 3px var(--_ring);
  }
  [part='image'] {
    display: grid;
    place-items: center;
    width: 100%;
    height: 100%;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_border);
    color: var(--_text);
    font-size: 1.25rem;
  }
  [part='name'] {
    max-width: 100%;
    overflow: hidden;
    font-size: 0.8125rem;
    line-height: 1.3;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='cover']:focus-visible {
    outline: none;
  }
  [part~='cover']:focus-visible [part='ring'] {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  dialog {
    width: 100vw;
    max-width: 100vw;
    height: 100dvh;
    max-height: 100dvh;
    margin: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    overscroll-behavior: contain;
    background: #000000;
    color: #ffffff;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: #000000;
  }
  [part='header'] {
    display: flex;
    flex-direction: row-reverse;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    min-height: 3rem;
    padding-inline: var(--_space);
  }
  [part='header'] button {
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: rgb(255 255 255 / 0.12);
  }
  [part='header'] button:focus-visible {
    outline: 2px solid #ffffff;
    outline-offset: 0;
    box-shadow: 0 0 0 4px #1c1a17;
  }
  [part='header'] svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  [part='status'] {
    flex: 1;
    margin: 0;
    font-size: 0.875rem;
    text-align: center;
  }
  ::slotted(vitrine-stories) {
    width: 100%;
    --vitrine-stories-max-height: calc(100dvh - 3rem);
  }
  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: rise var(--_duration) ease-out;
    }
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(2rem);
    }
  }
  @media (forced-colors: active) {
    [part~='cover-unseen'] [part='ring'] {
      box-shadow: inset 0 0 0 3px Highlight;
    }
    [part='ring'] {
      box-shadow: inset 0 0 0 1px CanvasText;
    }
  }
`;
