import { css } from 'lit';

/**
 * The design tokens every widget reads. A brand sets the public `--vitrine-*` properties
 * anywhere above the widgets; each falls back to a light/dark pair picked by `theme`.
 */
export const tokens = css`
  :host {
    --_accent: var(--vitrine-color-accent, light-dark(#1c1a17, #f2ece2));
    --_on-accent: var(--vitrine-color-on-accent, light-dark(#ffffff, #1c1a17));
    --_surface: var(--vitrine-color-surface, light-dark(#ffffff, #1f1c19));
    --_text: var(--vitrine-color-text, light-dark(#1c1a17, #f2ece2));
    --_muted: var(--vitrine-color-muted, light-dark(#5f584f, #bdb3a5));
    --_border: var(--vitrine-color-border, light-dark(#cfc8bd, #4a443d));
    --_saved: var(--vitrine-color-saved, light-dark(#a3122a, #ff8097));
    --_danger: var(--vitrine-color-danger, light-dark(#a4262c, #ff9a9e));
    --_focus: var(--vitrine-color-focus, light-dark(#1a5fb4, #8ab4f8));
    --_radius: var(--vitrine-radius, 2px);
    --_space: var(--vitrine-space, 0.5rem);
    --_duration: var(--vitrine-duration, 160ms);
    --_shadow: var(--vitrine-shadow, 0 8px 24px rgb(0 0 0 / 0.16));
    font-family: var(--vitrine-font-family, inherit);
    color-scheme: light;
  }
  :host([data-theme='dark']) {
    color-scheme: dark;
  }
  :host([data-theme='auto']) {
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0s;
    }
  }
  button,
  a {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/** Text for screen readers only (live announcements, the count's full sentence). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
