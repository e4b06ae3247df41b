/** Registers `<vitrine-shared-wishlist>` when the CDN file finds one on the page. */
import { defineElement } from '../../core/define.js';
import { VitrineSharedWishlist } from '../../wishlist/shared-wishlist.js';

defineElement('vitrine-shared-wishlist', VitrineSharedWishlist);
