/** Registers `<vitrine-story-tray>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineStoryTray } from '../../stories/tray.js';

register(() => {
  defineElement('vitrine-story-tray', VitrineStoryTray);
});
