/** Registers `<vitrine-share>` when the CDN file finds one on the page. */
import { defineElement } from '../../core/define.js';
import { VitrineShare } from '../../wishlist/share.js';

defineElement('vitrine-share', VitrineShare);
