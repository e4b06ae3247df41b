/**
 * `vitrine/stories`: registers `<vitrine-stories>`, `<vitrine-story>` and `<vitrine-hotspot>`
 * (with what a hotspot's card shows, see `VitrineHotspot.dependencies`, and
 * `<vitrine-config>`), and completes a sign-in when this page is the callback.
 * `<vitrine-story-tray>` loads with its first group (see `VitrineStories.dependencies`).
 */
import { VitrineConfigElement } from '../core/config-element.js';
import { defineElement } from '../core/define.js';
import { completeLoginCallback } from '../stores/sign-in/complete-callback.js';
import { VitrineHotspot } from './hotspot.js';
import { VitrineStories } from './stories.js';
import { VitrineStory } from './story.js';

defineElement('vitrine-config', VitrineConfigElement);
defineElement('vitrine-stories', VitrineStories);
defineElement('vitrine-story', VitrineStory);
defineElement('vitrine-hotspot', VitrineHotspot);
completeLoginCallback();

export { VitrineStories, VitrineStory, VitrineHotspot };
export type { Feed, FeedSlide, FeedHotspot } from './feed.js';
export type { VitrineStoryTray } from './tray.js';
export * from '../core/events.js';
