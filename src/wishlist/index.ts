/**
 * `vitrine/wishlist`: registers the wishlist elements and exports their classes.
 */
import { defineElement } from '../core/define.js';
import { completeLoginCallback } from '../stores/sign-in/complete-callback.js';
import { VitrineConfigElement } from '../core/config-element.js';
import { VitrineAddToBag } from './add-to-bag.js';
import { VitrineShare } from './share.js';
import { VitrineSharedWishlist } from './shared-wishlist.js';
import { VitrineWishlist } from './wishlist.js';
import { VitrineWishlistButton } from './wishlist-button.js';
import { VitrineWishlistCount } from './wishlist-count.js';

defineElement('vitrine-config', VitrineConfigElement);
defineElement('vitrine-wishlist-button', VitrineWishlistButton);
defineElement('vitrine-wishlist-count', VitrineWishlistCount);
defineElement('vitrine-share', VitrineShare);
defineElement('vitrine-wishlist', VitrineWishlist);
defineElement('vitrine-shared-wishlist', VitrineSharedWishlist);
defineElement('vitrine-add-to-bag', VitrineAddToBag);
completeLoginCallback();

export {
  VitrineAddToBag,
  VitrineConfigElement,
  VitrineShare,
  VitrineSharedWishlist,
  VitrineWishlist,
  VitrineWishlistButton,
  VitrineWishlistCount,
};
export { SHARE_TARGETS, shareTargetUrl, type ShareTarget } from './share-targets.js';
export * from '../core/events.js';
