/**
 * Fan votes: `castVote` and the stores it moves. A campaign's counts stay live while a widget
 * shows it (`campaignStore`, campaigns.ts); the counts a fan sees are in `$votes`
 * (vote-counts.ts).
 */
import { ApiError, apiUrl } from '../core/api-base.js';
import { $campaigns, warnNoApi } from './campaign-state.js';
import { $session, getIdToken, requestLogin } from './session.js';
import {
  $votes,
  beginVote,
  endVote,
  isVoting,
  forgetVoteError,
  voteKey,
  type ProductVotes,
  type VoteErrorCode,
} from './vote-counts.js';

export { $votes, voteKey, type ProductVotes, type VoteErrorCode };
export {
  $campaigns,
  campaignStore,
  isCampaignId,
  watchCampaign,
  type Campaign,
  type CampaignProduct,
  type CampaignStatus,
} from './campaigns.js';

/** Options of `castVote()`. */
export interface VoteOptions {
  /** Shown above the providers when the fan must sign in first (e.g. "Sign in to vote"). */
  reason?: string;
}

/**
 * Votes for a product (`voted` true) or takes the vote back. An anonymous fan is asked to
 * sign in first, and the vote goes through once they have. The count moves at once and
 * rolls back, with `error` set, if the server refuses. Resolves with the confirmed state;
 * rejects with an `ApiError` (or the sign-in's rejection when the fan cancels it).
 */
export async function castVote(
  campaign: string,
  productId: string,
  voted: boolean,
  { reason }: VoteOptions = {},
): Promise<ProductVotes> {
  const key = voteKey(campaign, productId);
  if (apiUrl('') === undefined) {
    warnNoApi();
    throw new ApiError(0, 'no_api', '<vitrine-config> has no api.');
  }
  if ($campaigns.get()[campaign]?.closed) {
    endVote(key, 'closed');
    throw new ApiError(409, 'campaign_closed', `campaign "${campaign}" is closed.`);
  }
  if (isVoting(key)) return $votes.get()[key]!;
  if ($session.get().status !== 'authenticated' || !getIdToken()) {
    await requestLogin(reason ? { reason } : {});
  }
  beginVote(key, voted);
  // The request's code is fetched with the first vote; the count has moved already.
  let live: typeof import('./campaign-live.js');
  try {
    live = await import('./campaign-live.js');
  } catch (error) {
    endVote(key, 'network');
    throw new ApiError(0, 'network', `the vote could not be sent: ${String(error)}`);
  }
  return live.sendVote(campaign, productId, voted);
}

/** Forgets the last failure of a product's vote (the widget hides its message). */
export function clearVoteError(campaign: string, productId: string): void {
  forgetVoteError(voteKey(campaign, productId));
}
