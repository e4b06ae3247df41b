import { includeFamily } from '../core/i18n/index.js';
import { enStories } from '../core/i18n/en-stories.js';

/** The stories family's messages (English now, the other locales when they load). */
export const includeStoryMessages = (): void =>
  includeFamily(enStories, {
    fr: () => import('../core/i18n/fr-stories.js').then((module) => module.frStories),
    'zh-Hans': () =>
      import('../core/i18n/zh-Hans-stories.js').then((module) => module.zhHansStories),
  });
