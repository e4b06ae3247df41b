/**
 * The counts a fan sees, per campaign and product: what the server last confirmed, the fan's
 * own vote while it is on its way, and why the last one failed. `$votes` is derived from the
 * three; the campaign feeds (campaigns.ts) and `castVote` (votes.ts) write through here.
 */
import { onDevice } from '../core/device.js';
import { map } from 'nanostores';
import { $session } from './session.js';

/** Why a vote did not go through; the widget shows a localized message for each. */
export type VoteErrorCode =
  'network' | 'closed' | 'rate_limited' | 'unauthorized' | 'not_found' | 'failed';

/** One product's standing in a campaign, as the fan sees it. */
export interface ProductVotes {
  /** The count shown: the server's, plus the fan's own vote while it is on its way. */
  count: number;
  /** Whether this fan has voted for it (what the toggle shows). */
  voted: boolean;
  /** The fan's vote is on its way to the server. */
  pending: boolean;
  /** The last vote failed and was rolled back. */
  error?: VoteErrorCode;
}

/** Every product's votes, by `voteKey(campaign, productId)`. Subscribe per key. */
export const $votes = map<Record<string, ProductVotes | undefined>>({});
// Live counts arrive in the browser: a server draws the button, the count still loading.
onDevice($votes, {});

export function voteKey(campaign: string, productId: string): string {
  return `${campaign}/${productId}`;
}

const confirmed = new Map<string, { count: number; voted: boolean }>();
/** A vote on its way: what the fan asked for, and the count when they did. */
const intents = new Map<string, { voted: boolean; from: number }>();
const errors = new Map<string, VoteErrorCode>();
// A reply from a request older than the last one applied to a product is stale: dropped.
let requestSeq = 0;
const appliedSeq = new Map<string, number>();

/** A number for a request about to be sent: its reply is applied only if no newer one was. */
export const nextRequest = (): number => ++requestSeq;

/**
 * The count shown while a vote is on its way. A live count that arrives meanwhile may already
 * hold the fan's vote (the stream does not say whose votes it counts): the fan's own vote is
 * added to the count they saw, never on top of a newer one, so it never shows twice.
 */
function pendingCount(
  base: { count: number; voted: boolean },
  intent: { voted: boolean; from: number },
): number {
  if (intent.voted === base.voted) return base.count;
  return intent.voted
    ? Math.max(base.count, intent.from + 1)
    : Math.max(0, Math.min(base.count, intent.from - 1));
}

function show(key: string): void {
  const base = confirmed.get(key) ?? { count: 0, voted: false };
  const intent = intents.get(key);
  const error = errors.get(key);
  const next: ProductVotes =
    intent === undefined
      ? { count: base.count, voted: base.voted, pending: false }
      : { count: pendingCount(base, intent), voted: intent.voted, pending: true };
  if (error) next.error = error;
  const current = $votes.get()[key];
  if (
    current?.count !== next.count ||
    current.voted !== next.voted ||
    current.pending !== next.pending ||
    current.error !== next.error
  ) {
    $votes.setKey(key, next);
  }
}

/** What the server says of a product (a reply, a snapshot, a live count). */
export function confirmVotes(
  key: string,
  value: { count?: number; voted?: boolean },
  request?: number,
): void {
  if (request !== undefined) {
    if ((appliedSeq.get(key) ?? -1) > request) return;
    appliedSeq.set(key, request);
  }
  const base = confirmed.get(key) ?? { count: 0, voted: false };
  confirmed.set(key, { count: value.count ?? base.count, voted: value.voted ?? base.voted });
  show(key);
}

/** What the server last confirmed of a product. */
export const confirmedVotes = (key: string) => confirmed.get(key);

export const isVoting = (key: string): boolean => intents.has(key);

/** The fan asked for `voted`: shown at once, until the server answers. */
export function beginVote(key: string, voted: boolean): void {
  intents.set(key, { voted, from: confirmed.get(key)?.count ?? 0 });
  errors.delete(key);
  show(key);
}

/** The vote's answer arrived (or failed, with `error`): the intent gives way to it. */
export function endVote(key: string, error?: VoteErrorCode): void {
  intents.delete(key);
  if (error) errors.set(key, error);
  show(key);
}

/** Forgets the last failure of a product's vote; false when there was none. */
export function forgetVoteError(key: string): boolean {
  if (!errors.delete(key)) return false;
  show(key);
  return true;
}

// Signed out, the fan's own votes are no longer shown as theirs.
if (typeof window !== 'undefined') {
  $session.listen(({ status }) => {
    if (status !== 'anonymous') return;
    for (const [key, value] of confirmed) if (value.voted) confirmVotes(key, { voted: false });
  });
}
