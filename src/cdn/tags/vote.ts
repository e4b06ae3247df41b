/** Registers `<vitrine-vote>` when the CDN file finds one on the page. */
import { defineElement, register } from '../../core/define.js';
import { VitrineVote } from '../../votes/vote.js';

register(() => {
  defineElement('vitrine-vote', VitrineVote);
});
