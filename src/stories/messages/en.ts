import type { enTray } from './en-tray.js';

/** English messages of `<vitrine-stories>` and `<vitrine-hotspot>` (the tray's: `en-tray.ts`). */
export const en = {
  'stories.label': 'Stories',
  'stories.carousel': 'carousel',
  'stories.slide': 'slide',
  'stories.position': '{n} of {total}',
  'stories.play': 'Start automatic slide show',
  'stories.pause': 'Stop automatic slide show',
  'stories.previous': 'Previous slide',
  'stories.next': 'Next slide',
  'stories.fullscreen': 'Full screen',
  'stories.exitFullscreen': 'Exit full screen',
  'stories.loading': 'Loading stories…',
  'stories.empty': 'These stories cannot be shown right now.',
  'stories.soundOn': 'Turn the sound on',
  'stories.soundOff': 'Turn the sound off',
  'hotspot.open': 'See {name}',
  'hotspot.unnamed': 'this piece',
  'hotspot.shop': 'Discover',
  'hotspot.close': 'Close',
  'hotspot.variant': '{name}, {variant}',
  'hotspot.unavailable': 'Currently unavailable',
} as const;

/** Every message of the stories family, in one locale. */
export type StoriesCatalog = Record<keyof typeof en | keyof typeof enTray, string>;

declare module '../../core/i18n/index.js' {
  interface VitrineMessages extends StoriesCatalog {}
}
