import type { Messages } from '../../core/i18n/index.js';
import { en } from './en.js';

/** The family's other locales: each holds the messages of every part (see sharing.ts, bag.ts). */
export const translations: Messages['translations'] = {
  fr: () => import('./fr.js').then((module) => module.fr),
  'zh-Hans': () => import('./zh-Hans.js').then((module) => module.zhHans),
  'zh-Hant': () => import('./zh-Hant.js').then((module) => module.zhHant),
  ja: () => import('./ja.js').then((module) => module.ja),
  ko: () => import('./ko.js').then((module) => module.ko),
  ar: () => import('./ar.js').then((module) => module.ar),
};

/** The hearts, the count and the list. */
export const wishlistMessages: Messages = { en, translations };
