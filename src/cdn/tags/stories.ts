/** Registers `<vitrine-stories>` and its slides, `<vitrine-story>`, found on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineStories } from '../../stories/stories.js';
import { VitrineStory } from '../../stories/story.js';

register(() => {
  defineElement('vitrine-stories', VitrineStories);
  defineElement('vitrine-story', VitrineStory);
});
