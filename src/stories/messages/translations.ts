import type { Messages } from '../../core/i18n/index.js';

/** The stories family's other locales: each holds the carousel's and the tray's messages. */
export const translations: Messages['translations'] = {
  fr: () => import('./fr.js').then((module) => module.fr),
  'zh-Hans': () => import('./zh-Hans.js').then((module) => module.zhHans),
};
