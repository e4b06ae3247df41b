/** Registers `<vitrine-leaderboard>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineLeaderboard } from '../../votes/leaderboard.js';

register(() => {
  defineElement('vitrine-leaderboard', VitrineLeaderboard);
});
