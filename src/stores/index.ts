/**
 * `vitrine/stores`: the shared state and its actions, with no elements. Subscribe from any
 * framework: every store is a nanostores store.
 */
export {
  $config,
  configure,
  resetConfig,
  PROVIDERS,
  THEMES,
  STORAGE_KINDS,
} from '../core/config.js';
export type { VitrineConfig, ConfigInput, Provider, Theme } from '../core/config.js';
export { $locale } from '../core/locale.js';
export {
  $products,
  registerProduct,
  sanitizeProduct,
  isProductId,
  isVariantId,
  itemKey,
  type ProductInfo,
} from './products.js';
export {
  $wishlist,
  $wishlistItems,
  $wishlistCount,
  addToWishlist,
  removeFromWishlist,
  toggleWishlist,
  mergeIntoWishlist,
  clearWishlist,
  isSaved,
  $wishlistSync,
  MAX_WISHLIST_ITEMS,
  type SavedItem,
  type WishlistItem,
  type WishlistSyncStatus,
} from './wishlist.js';
export {
  shareUrlFor,
  readSharedWishlist,
  encodeSharedWishlist,
  SHARE_PARAM,
  MAX_SHARE_LENGTH,
  MAX_SHARED_ITEMS,
  type SharedWishlist,
} from './share-link.js';
export {
  $session,
  requestLogin,
  logout,
  getIdToken,
  type Session,
  type SessionStatus,
  type SessionUser,
  type LoginRequest,
} from './session.js';
export {
  $votes,
  $campaigns,
  castVote,
  clearVoteError,
  watchCampaign,
  campaignStore,
  voteKey,
  isCampaignId,
  type ProductVotes,
  type Campaign,
  type CampaignProduct,
  type CampaignStatus,
  type VoteErrorCode,
  type VoteOptions,
} from './votes.js';
export { ApiError } from '../core/api-base.js';
export { listenKey } from '../core/keyed.js';
export { LOCALES, type Locale, type BuiltInLocale } from '../core/i18n/index.js';
export { registerLocale } from '../core/i18n/register.js';
