/** Registers `<vitrine-leaderboard>` when the CDN file finds one on the page. */
import { defineElement } from '../../core/define.js';
import { VitrineLeaderboard } from '../../votes/leaderboard.js';

defineElement('vitrine-leaderboard', VitrineLeaderboard);
