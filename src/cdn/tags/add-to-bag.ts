/** Registers `<vitrine-add-to-bag>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineAddToBag } from '../../wishlist/add-to-bag.js';

register(() => {
  defineElement('vitrine-add-to-bag', VitrineAddToBag);
});
