import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    --_ratio: var(--vitrine-stories-aspect-ratio, 9 / 16);
    aspect-ratio: var(--_ratio) !important;
    /* Never taller than the window: the width follows from the height it may have. */
    max-width: calc(var(--vitrine-stories-max-height, 85svh) * var(--_ratio));
    margin-inline: auto;
    --_bar: var(--vitrine-stories-bar, #ffffff);
    --_track: var(--vitrine-stories-track, rgb(28 26 23 / 0.5));
  }
  /* Slides only: anything else put inside is neither shown nor read. */
  ::slotted(:not(vitrine-story)) {
    display: none !important;
  }
  /* Two tones, white inside black: one of them stands out on any picture (WCAG 1.4.11). */
  [part='controls'] button:focus-visible {
    outline: 2px solid #ffffff;
    outline-offset: 0;
    box-shadow: 0 0 0 4px #1c1a17;
  }
  [part='base'] {
    position: relative;
    width: 100%;
    height: 100%;
    /* clip, not hidden: nothing (a focused card, a long text) can scroll the carousel. */
    overflow: clip;
    border-radius: var(--_radius);
    /* A stage, dark in either theme: slides are pictures, and white controls sit on them. */
    background: #1c1a17;
    color: #ffffff;
  }
  [part='viewport'] {
    position: absolute;
    inset: 0;
    /* Vertical gestures still scroll the page; horizontal ones are read as swipes. */
    touch-action: pan-y;
    user-select: none;
    -webkit-user-select: none;
  }
  [part='progress'] {
    position: absolute;
    inset: 0.5rem 0.5rem auto;
    z-index: 2;
    display: flex;
    gap: 4px;
    pointer-events: none;
    /* Readable on light slides too. */
    filter: drop-shadow(0 0 1px rgb(0 0 0 / 0.6));
  }
  [part='bar'] {
    flex: 1;
    height: 3px;
    overflow: hidden;
    border-radius: 2px;
    /* A dark track with a dark edge under a white fill: it reads on cream slides too. */
    background: var(--_track);
    box-shadow: 0 0 0 1px rgb(28 26 23 / 0.6);
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--_bar);
    transform-origin: 0 50%;
    transform: scaleX(0);
  }
  :host(:dir(rtl)) .fill {
    transform-origin: 100% 50%;
  }
  [data-state='done'] .fill,
  [part='progress']:not([data-rotating]) [data-state='current'] .fill {
    transform: scaleX(1);
  }
  [part='controls'] {
    position: absolute;
    inset: 1.1rem 0.5rem auto;
    z-index: 2;
    display: flex;
    justify-content: flex-end;
    gap: 0.25rem;
    /* Between the buttons, taps reach the slide (and its hotspots). */
    pointer-events: none;
  }
  [part='controls'][hidden] {
    display: none;
  }
  [part='controls'] button {
    pointer-events: auto;
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.45);
  }
  /* Still focusable at the ends: a disabled button would drop the keyboard focus. */
  [part='controls'] button[aria-disabled='true'] {
    color: rgb(255 255 255 / 0.4);
    cursor: default;
  }
  [part='controls'] svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  /* One chevron for both: it points back, then forward for next, in either direction. */
  :host(:not(:dir(rtl))) [part='next'] svg,
  :host(:dir(rtl)) [part='previous'] svg {
    transform: scaleX(-1);
  }
  [part='rotation'] {
    margin-inline-end: auto;
  }
  [part='empty'] {
    position: absolute;
    inset: 40% 1.5rem auto;
    margin: 0;
    text-align: center;
  }
  /* Forced colours: system colours the shopper chose, bars and all (a track, a fill). */
  @media (forced-colors: active) {
    [part='progress'] {
      forced-color-adjust: none;
      filter: none;
    }
    [part='bar'] {
      background: Canvas;
      box-shadow: 0 0 0 1px CanvasText;
    }
    .fill {
      background: CanvasText;
    }
    [part='controls'] button {
      border: 1px solid ButtonText;
    }
    [part='controls'] button:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
  dialog {
    width: 100vw;
    max-width: 100vw;
    height: 100dvh;
    max-height: 100dvh;
    margin: 0;
    padding: 0;
    border: 0;
    background: #000000;
  }
  dialog::backdrop {
    background: #000000;
  }
  dialog [part='base'] {
    width: min(100vw, calc(100dvh * 9 / 16));
    height: 100%;
    margin: 0 auto;
    border-radius: 0;
  }
`;
