import { includeFamily } from '../core/i18n/index.js';
import { enVotes } from '../core/i18n/en-votes.js';

/** The votes family's messages (English now, the other locales when they load). */
export const includeVoteMessages = (): void =>
  includeFamily(enVotes, {
    fr: () => import('../core/i18n/fr-votes.js').then((module) => module.frVotes),
    'zh-Hans': () => import('../core/i18n/zh-Hans-votes.js').then((module) => module.zhHansVotes),
  });
