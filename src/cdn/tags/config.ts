/** Registers `<vitrine-config>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineConfigElement } from '../../core/config-element.js';

register(() => {
  defineElement('vitrine-config', VitrineConfigElement);
});
