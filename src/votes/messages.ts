import { includeEnglish, includeTranslations } from '../core/i18n/index.js';
import { enVotes } from '../core/i18n/en-votes.js';

let included = false;

/**
 * Adds the votes family's messages: English with the code, the other locales when they load.
 * Each element calls it when its module loads (a bare import would be tree-shaken away).
 */
export function includeVoteMessages(): void {
  if (included) return;
  included = true;
  includeEnglish(enVotes);
  includeTranslations({
    fr: () => import('../core/i18n/fr-votes.js').then((module) => module.frVotes),
    'zh-Hans': () => import('../core/i18n/zh-Hans-votes.js').then((module) => module.zhHansVotes),
  });
}
