/** Registers `<vitrine-shared-wishlist>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineSharedWishlist } from '../../wishlist/shared-wishlist.js';

register(() => {
  defineElement('vitrine-shared-wishlist', VitrineSharedWishlist);
});
