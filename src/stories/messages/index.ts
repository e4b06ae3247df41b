import type { Messages } from '../../core/i18n/index.js';
import { en } from './en.js';
import { translations } from './translations.js';

/** The carousel's and the hotspots' messages. */
export const storiesMessages: Messages = { en, translations };
