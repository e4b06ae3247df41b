/** Registers `<vitrine-wishlist-button>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineWishlistButton } from '../../wishlist/wishlist-button.js';

register(() => {
  defineElement('vitrine-wishlist-button', VitrineWishlistButton);
});
