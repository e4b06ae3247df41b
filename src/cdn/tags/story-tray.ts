/** Registers `<vitrine-story-tray>` when the CDN file finds one on the page. */
import { defineElement } from '../../core/define.js';
import { VitrineStoryTray } from '../../stories/tray.js';

defineElement('vitrine-story-tray', VitrineStoryTray);
