/** Registers `<vitrine-vote>` when the CDN file finds one on the page. */
import { defineElement } from '../../core/define.js';
import { VitrineVote } from '../../votes/vote.js';

defineElement('vitrine-vote', VitrineVote);
