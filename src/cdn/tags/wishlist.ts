/** Registers `<vitrine-wishlist>` when the CDN file finds one on the page. */
import { defineElement } from '../../core/define.js';
import { VitrineWishlist } from '../../wishlist/wishlist.js';

defineElement('vitrine-wishlist', VitrineWishlist);
