// The wishlist family's elements another family's product card shows (a story hotspot's),
// in one module that card loads on first use: one request, and one split point in a bundle.
export { VitrineWishlistButton } from './wishlist-button.js';
export { VitrineAddToBag } from './add-to-bag.js';
