/** Registers `<vitrine-wishlist-count>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineWishlistCount } from '../../wishlist/wishlist-count.js';

register(() => {
  defineElement('vitrine-wishlist-count', VitrineWishlistCount);
});
