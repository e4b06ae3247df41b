/** Registers `<vitrine-wishlist>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineWishlist } from '../../wishlist/wishlist.js';

register(() => {
  defineElement('vitrine-wishlist', VitrineWishlist);
});
