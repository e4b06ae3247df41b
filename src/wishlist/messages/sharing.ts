import type { Messages } from '../../core/i18n/index.js';
import { enSharing } from './en-sharing.js';
import { translations } from './index.js';

/** The share menu and the shared-wishlist page, loaded with them (not with the hearts). */
export const sharingMessages: Messages = { en: enSharing, translations };
