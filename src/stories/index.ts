/**
 * `vitrine/stories`: registers `<vitrine-stories>`, `<vitrine-story>` and `<vitrine-hotspot>`
 * (and the wishlist heart their cards hold, and `<vitrine-config>`); the vote button loads
 * with the first card of a story that names a campaign.
 */
import { defineElement } from '../core/define.js';
import { VitrineConfigElement } from '../core/config-element.js';
import { completeLoginCallback } from '../stores/sign-in/complete-callback.js';
import { VitrineWishlistButton } from '../wishlist/wishlist-button.js';
import { VitrineHotspot } from './hotspot.js';
import { VitrineStories } from './stories.js';
import { VitrineStory } from './story.js';

defineElement('vitrine-config', VitrineConfigElement);
defineElement('vitrine-wishlist-button', VitrineWishlistButton);
defineElement('vitrine-stories', VitrineStories);
defineElement('vitrine-story', VitrineStory);
defineElement('vitrine-hotspot', VitrineHotspot);
completeLoginCallback();

export { VitrineStories, VitrineStory, VitrineHotspot };
export type { Feed, FeedSlide, FeedHotspot } from './feed.js';
export * from '../core/events.js';
