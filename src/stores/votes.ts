/**
 * Fan votes: `castVote` and the stores it moves. A campaign's counts stay live while a widget
 * shows it (`campaignStore`, campaigns.ts); the counts a fan sees are in `$votes`
 * (vote-counts.ts).
 */
import { ApiError, apiRequest, apiUrl } from '../core/api.js';
import { warn } from '../core/warn.js';
import { $campaigns, loadCampaign, setCampaign } from './campaigns.js';
import { getIdToken, logout, $session, requestLogin } from './session.js';
import {
  $votes,
  beginVote,
  confirmVotes,
  confirmedVotes,
  endVote,
  forgetVoteError,
  isVoting,
  nextRequest,
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

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

function errorCode(error: unknown): VoteErrorCode {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 0) return 'network';
  if (error.status === 409) return 'closed';
  if (error.status === 429) return 'rate_limited';
  if (error.status === 401) return 'unauthorized';
  if (error.status === 404) return 'not_found';
  return 'failed';
}

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
    warn('votes need the back end: set api on <vitrine-config>.', 'votes-no-api');
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
  const request = nextRequest();
  try {
    const { data } = await apiRequest<Record<string, unknown>>(
      path('campaigns', campaign, 'votes', productId),
      { method: voted ? 'PUT' : 'DELETE', token: getIdToken() },
    );
    if (
      !(typeof data.count === 'number' && Number.isSafeInteger(data.count) && data.count >= 0) ||
      typeof data.voted !== 'boolean'
    ) {
      throw new ApiError(200, 'bad_response', 'the vote reply lacks count or voted.');
    }
    endVote(key);
    confirmVotes(key, { count: data.count, voted: data.voted }, request);
    return $votes.get()[key]!;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'closed') setCampaign(campaign, { closed: true });
    // The server refused the token (expired, revoked): the fan signs in again next time.
    if (code === 'unauthorized') logout();
    endVote(key, code);
    // Not reached, or no reply: the vote may have been counted all the same. The server's
    // copy says, and a vote that did land is no failure.
    if (code === 'network') void reconcile(campaign, key, voted);
    throw error;
  }
}

async function reconcile(campaign: string, key: string, voted: boolean): Promise<void> {
  try {
    await loadCampaign(campaign);
  } catch {
    return; // Still unreachable: the failure stands.
  }
  if (!isVoting(key) && confirmedVotes(key)?.voted === voted) forgetVoteError(key);
}

/** Forgets the last failure of a product's vote (the widget hides its message). */
export function clearVoteError(campaign: string, productId: string): void {
  forgetVoteError(voteKey(campaign, productId));
}
