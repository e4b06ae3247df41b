/** Registers `<vitrine-hotspot>` when the CDN file finds one on the page. */
import { defineElement } from '../../core/define.js';
import { VitrineHotspot } from '../../stories/hotspot.js';

defineElement('vitrine-hotspot', VitrineHotspot);
