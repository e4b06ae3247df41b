/** Registers `<vitrine-share>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineShare } from '../../wishlist/share.js';

register(() => {
  defineElement('vitrine-share', VitrineShare);
});
