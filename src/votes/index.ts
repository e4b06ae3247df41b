/**
 * `vitrine/votes`: registers `<vitrine-vote>` and `<vitrine-leaderboard>` (and
 * `<vitrine-config>`), and completes a sign-in when this page is the callback.
 */
import { defineElement } from '../core/define.js';
import { VitrineConfigElement } from '../core/config-element.js';
import { completeLoginCallback } from '../stores/sign-in/complete-callback.js';
import { VitrineLeaderboard } from './leaderboard.js';
import { VitrineVote } from './vote.js';

defineElement('vitrine-config', VitrineConfigElement);
defineElement('vitrine-vote', VitrineVote);
defineElement('vitrine-leaderboard', VitrineLeaderboard);
completeLoginCallback();

export { VitrineVote, VitrineLeaderboard };
export * from '../core/events.js';
