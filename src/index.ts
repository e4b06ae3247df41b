/**
 * `vitrine`: registers every Vitrine element (this is also the CDN entry) and re-exports
 * the stores, actions and types.
 */
import { defineElement } from './core/define.js';
import { VitrineStoryTray } from './stories/tray.js';

export * from './wishlist/index.js';
export * from './login/index.js';
export * from './votes/index.js';
export * from './stories/index.js';
export * from './stores/index.js';
export { VitrineStoryTray };
export { safeUrl } from './core/safe-url.js';
export { defineElement, VERSION } from './core/define.js';
export { VitrineElement } from './core/vitrine-element.js';
export { StoreController, StoreKeyController } from './core/store-controller.js';
export { FloatingController } from './core/floating-controller.js';

// A tray loads with its first group in `vitrine/stories`; here every element is registered.
defineElement('vitrine-story-tray', VitrineStoryTray);
