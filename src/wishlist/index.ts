/**
 * `vitrine/wishlist`: registers the wishlist elements and exports their classes.
 */
import { defineElement } from '../core/define.js';
import { completeLoginCallback } from '../stores/sign-in/complete-callback.js';
import { VitrineConfigElement } from '../core/config-element.js';
import { VitrineShare } from './share.js';
import { VitrineSharedWishlist } from './shared-wishlist.js';
import { VitrineWishlist } from './wishlist.js';
import { VitrineWishlistButton } from './wishlist-button.js';
import { VitrineWishlistCount } from './wishlist-count.js';
import { $config } from '../core/config.js';
import { $session } from '../stores/session.js';

defineElement('vitrine-config', VitrineConfigElement);
defineElement('vitrine-wishlist-button', VitrineWishlistButton);
defineElement('vitrine-wishlist-count', VitrineWishlistCount);
defineElement('vitrine-share', VitrineShare);
defineElement('vitrine-wishlist', VitrineWishlist);
defineElement('vitrine-shared-wishlist', VitrineSharedWishlist);
completeLoginCallback();

// A signed-in fan's wishlist lives on the back end; the code for it loads at the first sign-in.
const syncWhenSignedIn = () => {
  if ($config.get().api && $session.get().status === 'authenticated') {
    void import('../stores/wishlist-remote.js').then((remote) => remote.startWishlistSync());
  }
};
$session.listen(syncWhenSignedIn);
$config.listen(syncWhenSignedIn);
syncWhenSignedIn();

export {
  VitrineConfigElement,
  VitrineShare,
  VitrineSharedWishlist,
  VitrineWishlist,
  VitrineWishlistButton,
  VitrineWishlistCount,
};
export { SHARE_TARGETS, shareTargetUrl, type ShareTarget } from './share-targets.js';
export * from '../core/events.js';
