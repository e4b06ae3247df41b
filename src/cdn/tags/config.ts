/** Registers `<vitrine-config>` when the CDN file finds one on the page. */
import { defineElement } from '../../core/define.js';
import { VitrineConfigElement } from '../../core/config-element.js';

defineElement('vitrine-config', VitrineConfigElement);
