import type { Messages } from '../../core/i18n/index.js';
import { enBag } from './en-bag.js';
import { translations } from './index.js';

/** The "add to bag" buttons, loaded with them (not with the hearts). */
export const bagMessages: Messages = { en: enBag, translations };
