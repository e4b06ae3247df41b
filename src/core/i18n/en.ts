/**
 * English messages: the reference every other locale must match key for key. English is
 * the fallback, so it is always bundled, in parts: these are what every wishlist widget
 * needs; `en-sharing.ts` comes with the share and shared-wishlist elements only.
 */
import type { enLogin } from './en-login.js';
import type { enSharing } from './en-sharing.js';
import type { enStories } from './en-stories.js';
import type { enVotes } from './en-votes.js';

export const en = {
  'wishlist.add': 'Save {name} to wishlist',
  'wishlist.remove': 'Remove {name} from wishlist',
  'wishlist.save': 'Save',
  'wishlist.unnamed': 'this item',
  'wishlist.title': 'Wishlist',
  'wishlist.count': '{count, plural, =0 {No saved items} one {# saved item} other {# saved items}}',
  'wishlist.empty': 'Your wishlist is empty. Tap the heart on a piece you love to keep it here.',
  'wishlist.removeItem': 'Remove',
  'wishlist.removed': '{name} removed from your wishlist.',
  'wishlist.view': 'View {name}',
  'wishlist.invalidProduct': 'Unavailable',
} as const;

/** Messages every locale's main catalog holds. */
export type BaseKey = keyof typeof en | keyof typeof enSharing;
/** Messages of the login family, in catalogs of their own (loaded with `vitrine/login`). */
export type LoginKey = keyof typeof enLogin;
/** Messages of the votes family (loaded with `vitrine/votes`). */
export type VotesKey = keyof typeof enVotes;
/** Messages of the stories family (loaded with `vitrine/stories`). */
export type StoriesKey = keyof typeof enStories;
export type MessageKey = BaseKey | LoginKey | VotesKey | StoriesKey;
export type Catalog = Record<MessageKey, string>;
export type BaseCatalog = Record<BaseKey, string>;
export type LoginCatalog = Record<LoginKey, string>;
export type VotesCatalog = Record<VotesKey, string>;
export type StoriesCatalog = Record<StoriesKey, string>;
