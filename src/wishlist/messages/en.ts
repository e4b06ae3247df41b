/**
 * English messages of the wishlist elements: the reference every other locale matches key
 * for key. `en-sharing.ts` holds those of the share menu and the shared-wishlist page, which
 * a page with hearts only does not load.
 */
import type { enBag } from './en-bag.js';
import type { enSharing } from './en-sharing.js';

export const en = {
  'wishlist.add': 'Save {name} to wishlist',
  'wishlist.remove': 'Remove {name} from wishlist',
  'wishlist.save': 'Save',
  'wishlist.saved': 'Saved',
  'wishlist.unnamed': 'this item',
  'wishlist.title': 'Wishlist',
  'wishlist.count': '{count, plural, =0 {No saved items} one {# saved item} other {# saved items}}',
  'wishlist.empty': 'Your wishlist is empty. Tap the heart on a piece you love to keep it here.',
  'wishlist.removeItem': 'Remove',
  'wishlist.removed': '{name} removed from your wishlist.',
  'wishlist.view': 'View {name}',
  'wishlist.invalidProduct': 'Unavailable',
  'wishlist.variant': '{name}, {variant}',
  'wishlist.unavailable': 'Currently unavailable',
} as const;

/** Every message of the wishlist family, in one locale. */
export type WishlistCatalog = Record<
  keyof typeof en | keyof typeof enSharing | keyof typeof enBag,
  string
>;

declare module '../../core/i18n/index.js' {
  interface VitrineMessages extends WishlistCatalog {}
}
