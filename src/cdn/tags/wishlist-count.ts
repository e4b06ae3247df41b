/** Registers `<vitrine-wishlist-count>` when the CDN file finds one on the page. */
import { defineElement } from '../../core/define.js';
import { VitrineWishlistCount } from '../../wishlist/wishlist-count.js';

defineElement('vitrine-wishlist-count', VitrineWishlistCount);
