import type { Messages } from '../../core/i18n/index.js';
import { enTray } from './en-tray.js';
import { translations } from './translations.js';

/** The tray's messages, included by the tray when it loads (the translations hold both). */
export const trayMessages: Messages = { en: enTray, translations };
