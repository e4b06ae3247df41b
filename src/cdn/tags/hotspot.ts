/** Registers `<vitrine-hotspot>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineHotspot } from '../../stories/hotspot.js';

register(() => {
  defineElement('vitrine-hotspot', VitrineHotspot);
});
