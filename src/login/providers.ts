import { svg, unsafeCSS, type CSSResult, type SVGTemplateResult } from 'lit';
import type { Provider } from '../core/config.js';

/**
 * Each provider's button as its brand guidelines ask: the brand's own wording (localized in
 * the catalogs as `login.with.<provider>`), colours and mark. Marks are drawn from the
 * brands' published logos, simplified to one path where the guidelines allow it.
 */
export interface ProviderStyle {
  background: string;
  color: string;
  border: string;
  /** The mark's colour when it is not the text's. */
  mark?: string;
  icon: SVGTemplateResult;
}

const mark = (viewBox: string, body: SVGTemplateResult) =>
  svg`<svg part="icon" class="icon" viewBox=${viewBox} aria-hidden="true" focusable="false">${body}</svg>`;

export const PROVIDER_STYLES: Record<Provider, ProviderStyle> = {
  google: {
    background: '#ffffff',
    color: '#1f1f1f',
    border: '#747775',
    icon: mark(
      '0 0 48 48',
      svg`<path fill="#EA4335" d="M24 9.5c3.54 0 6.71 1.22 9.21 3.6l6.85-6.85C35.9 2.38 30.47 0 24 0 14.62 0 6.51 5.38 2.56 13.22l7.98 6.19C12.43 13.72 17.74 9.5 24 9.5z"/><path fill="#4285F4" d="M46.98 24.55c0-1.57-.15-3.09-.38-4.55H24v9.02h12.94c-.58 2.96-2.26 5.48-4.78 7.18l7.73 6c4.51-4.18 7.09-10.36 7.09-17.65z"/><path fill="#FBBC05" d="M10.53 28.59c-.48-1.45-.76-2.99-.76-4.59s.27-3.14.76-4.59l-7.98-6.19C.92 16.46 0 20.12 0 24c0 3.88.92 7.54 2.56 10.78l7.97-6.19z"/><path fill="#34A853" d="M24 48c6.48 0 11.93-2.13 15.89-5.81l-7.73-6c-2.15 1.45-4.92 2.3-8.16 2.3-6.26 0-11.57-4.22-13.47-9.91l-7.98 6.19C6.51 42.62 14.62 48 24 48z"/>`,
    ),
  },
  facebook: {
    // Facebook's 2023 blue: white text on it passes WCAG AA (4.8:1); the older #1877f2 did not.
    background: '#0866ff',
    color: '#ffffff',
    border: '#0866ff',
    icon: mark(
      '0 0 24 24',
      svg`<path fill="currentColor" d="M9.1 23.7v-8H6.6V12h2.5v-1.6c0-4.1 1.8-6 5.9-6 .8 0 2 .1 2.6.3v3.3h-1.4c-1.7 0-2.4.7-2.4 2.4V12h3.8l-.7 3.7h-3.1v8.2C19.4 23.2 24 18.2 24 12c0-6.6-5.4-12-12-12S0 5.4 0 12c0 5.6 3.9 10.4 9.1 11.7z"/>`,
    ),
  },
  apple: {
    background: '#000000',
    color: '#ffffff',
    border: '#000000',
    icon: mark(
      '0 0 24 24',
      svg`<path fill="currentColor" d="M12.15 6.9c-.95 0-2.42-1.08-3.96-1.04-2.04.03-3.91 1.18-4.96 3.01-2.12 3.68-.55 9.1 1.52 12.09 1.01 1.45 2.2 3.09 3.79 3.04 1.52-.07 2.09-.99 3.94-.99 1.83 0 2.35.99 3.96.95 1.64-.03 2.68-1.48 3.68-2.95 1.16-1.69 1.64-3.33 1.66-3.42-.04-.01-3.18-1.22-3.22-4.86-.03-3.04 2.48-4.49 2.6-4.56-1.43-2.09-3.62-2.32-4.39-2.38-2-.16-3.68 1.09-4.61 1.09zm3.38-3.07c.84-1.01 1.4-2.43 1.25-3.83-1.21.05-2.66.8-3.53 1.82-.78.9-1.46 2.34-1.27 3.71 1.34.1 2.72-.69 3.56-1.7z"/>`,
    ),
  },
  x: {
    background: '#000000',
    color: '#ffffff',
    border: '#000000',
    icon: mark(
      '0 0 24 24',
      svg`<path fill="currentColor" d="M18.9 1.15h3.68l-8.04 9.19L24 22.85h-7.41l-5.8-7.58-6.64 7.58H.47l8.6-9.83L0 1.15h7.59l5.24 6.93zm-1.29 19.49h2.04L6.49 3.24H4.3z"/>`,
    ),
  },
  pinterest: {
    background: '#e60023',
    color: '#ffffff',
    border: '#e60023',
    icon: mark(
      '0 0 24 24',
      svg`<path fill="currentColor" d="M12 0C5.4 0 0 5.4 0 12c0 5.1 3.2 9.4 7.6 11.2-.1-.9-.2-2.4 0-3.4l1.4-6s-.4-.7-.4-1.8c0-1.7 1-2.9 2.2-2.9 1 0 1.5.8 1.5 1.7 0 1-.7 2.6-1 4-.3 1.2.6 2.2 1.8 2.2 2.1 0 3.8-2.2 3.8-5.5 0-2.9-2.1-4.9-5-4.9-3.4 0-5.4 2.6-5.4 5.2 0 1 .4 2.1.9 2.7.1.1.1.2.1.3l-.3 1.4c-.1.2-.2.3-.4.2-1.5-.7-2.4-2.9-2.4-4.6 0-3.8 2.7-7.3 7.9-7.3 4.2 0 7.4 3 7.4 6.9 0 4.1-2.6 7.5-6.2 7.5-1.2 0-2.4-.6-2.8-1.4l-.7 2.9c-.3 1-1 2.4-1.5 3.1 1.1.4 2.3.5 3.5.5 6.6 0 12-5.4 12-12S18.6 0 12 0z"/>`,
    ),
  },
  wechat: {
    // White text on the brand green is unreadable (2.3:1): a light button, the mark in green.
    background: '#ffffff',
    color: '#1f1f1f',
    border: '#747775',
    mark: '#07c160',
    icon: mark(
      '0 0 24 24',
      svg`<path fill="currentColor" fill-rule="evenodd" d="M8.7 2.2C4.1 2.2.4 5.3.4 9.1c0 2.2 1.2 4.1 3.1 5.4l-.8 2.4 2.8-1.4c1 .3 2.1.5 3.2.5h.6a6.3 6.3 0 0 1-.3-1.9c0-3.6 3.5-6.5 7.8-6.5h.6C16.7 4.5 13 2.2 8.7 2.2zM5.9 5.8a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm5.6 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm5.3 3.1c-3.7 0-6.7 2.5-6.7 5.6s3 5.6 6.7 5.6c.8 0 1.6-.1 2.3-.4l2.3 1.2-.6-2c1.6-1 2.7-2.6 2.7-4.4 0-3.1-3-5.6-6.7-5.6zm-2.3 2.8a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8zm4.6 0a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8z"/>`,
    ),
  },
  line: {
    // White text on the brand green is unreadable (2.3:1): a light button, the mark in green.
    background: '#ffffff',
    color: '#1f1f1f',
    border: '#747775',
    mark: '#06c755',
    icon: mark(
      '0 0 24 24',
      svg`<path fill="currentColor" fill-rule="evenodd" d="M12 1.5C5.6 1.5.5 5.7.5 10.8c0 4.6 4.1 8.5 9.6 9.2.4.1.9.3 1 .6.1.3.1.8 0 1.1l-.2 1c0 .3-.2 1.2 1 .6 1.3-.5 6.9-4 9.4-7 1.7-1.9 2.5-3.8 2.5-5.5 0-5.1-5.2-9.3-11.8-9.3zM4.9 13.6V8.4h1.3v4h2.4v1.2zm4.6 0V8.4h1.3v5.2zm2.6 0V8.4h1.2l2.2 3v-3h1.3v5.2h-1.2l-2.3-3v3zm5.5 0V8.4h3.6v1.2h-2.3v.8h2.3v1.2h-2.3v.8h2.3v1.2z"/>`,
    ),
  },
};

/**
 * Each button's colours as a rule of the shadow stylesheet (no inline `style` attribute, so
 * a page whose CSP forbids inline styles shows them too). The values are the constants above.
 */
export const providerColours: CSSResult = unsafeCSS(
  Object.entries(PROVIDER_STYLES)
    .map(
      ([name, { background, color, border, mark }]) =>
        `[part~='provider-${name}']{--_bg:${background};--_fg:${color};--_bd:${border}` +
        `${mark ? `;--_mark:${mark}` : ''}}`,
    )
    .join(''),
);
