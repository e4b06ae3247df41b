import { map } from 'nanostores';
import { ApiError, apiRequest, apiUrl, backoffMs } from '../core/api.js';
import { warn } from '../core/warn.js';
import { $config } from '../core/config.js';
import { isCampaignId, isProductId } from './products.js';
import { $session, getIdToken, logout, requestLogin } from './session.js';

export { isCampaignId };

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

/** A product of a campaign; its name and picture come from the page (`$products`). */
export interface CampaignProduct {
  productId: string;
}

/**
 * `loading` before the first answer; `live` while counts stream in; `reconnecting` after the
 * stream dropped (counts shown are the last known); `unavailable` when the server cannot be
 * reached; `not_found` for a campaign the server does not know; `no_api` without `api`.
 */
export type CampaignStatus =
  'loading' | 'live' | 'reconnecting' | 'unavailable' | 'not_found' | 'no_api';

export interface Campaign {
  id: string;
  title?: string;
  goal?: number;
  /** Milliseconds since the epoch. */
  closesAt?: number;
  closed: boolean;
  /** In the order the brand declared them. */
  products: CampaignProduct[];
  status: CampaignStatus;
}

/** Every product's votes, by `voteKey(campaign, productId)`. Subscribe per key. */
export const $votes = map<Record<string, ProductVotes | undefined>>({});

/** The campaigns the page shows, by id. */
export const $campaigns = map<Record<string, Campaign | undefined>>({});

export function voteKey(campaign: string, productId: string): string {
  return `${campaign}/${productId}`;
}

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

// What the server last confirmed, the fan's votes on their way, and the last failures. The
// shown `$votes` entry is derived from the three by `show()`.
const confirmed = new Map<string, { count: number; voted: boolean }>();
/** A vote on its way: what the fan asked for, and the count when they did. */
const intents = new Map<string, { voted: boolean; from: number }>();
const errors = new Map<string, VoteErrorCode>();
// A reply from a request older than the last one applied to a product is stale: dropped.
let requestSeq = 0;
const appliedSeq = new Map<string, number>();

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

function confirm(key: string, value: { count?: number; voted?: boolean }, seq?: number): void {
  if (seq !== undefined) {
    if ((appliedSeq.get(key) ?? -1) > seq) return;
    appliedSeq.set(key, seq);
  }
  const base = confirmed.get(key) ?? { count: 0, voted: false };
  confirmed.set(key, { count: value.count ?? base.count, voted: value.voted ?? base.voted });
  show(key);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function text(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;
}

function setCampaign(id: string, patch: Partial<Campaign>): void {
  const current = $campaigns.get()[id] ?? { id, closed: false, products: [], status: 'loading' };
  $campaigns.setKey(id, { ...current, ...patch });
}

// Live campaigns: one request and one event stream per campaign, however many widgets.
interface Live {
  watchers: number;
  source?: EventSource;
  lastEventId?: string;
  attempt: number;
  retry?: ReturnType<typeof setTimeout>;
  closing?: ReturnType<typeof setTimeout>;
}
const live = new Map<string, Live>();

/** Reads the server's campaign; what does not fit the contract is dropped, never thrown. */
async function loadCampaign(id: string): Promise<void> {
  const seq = ++requestSeq;
  const token = $session.get().status === 'authenticated' ? getIdToken() : undefined;
  let data: Record<string, unknown>;
  try {
    ({ data } = await apiRequest<Record<string, unknown>>(path('campaigns', id), { token }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && token) {
      // The server no longer accepts the token: show the campaign as anyone sees it.
      logout();
      return loadCampaign(id);
    }
    if (error instanceof ApiError && error.status === 404) {
      warn(`the back end has no campaign "${id}".`, `campaign-${id}`);
      return setCampaign(id, { status: 'not_found' });
    }
    setCampaign(id, { status: 'unavailable' });
    throw error;
  }
  const products: CampaignProduct[] = [];
  for (const raw of Array.isArray(data.products) ? data.products.slice(0, 1000) : []) {
    const entry = raw as Record<string, unknown>;
    if (!isProductId(entry?.productId) || !isCount(entry.count)) continue;
    products.push({ productId: entry.productId });
    const key = voteKey(id, entry.productId);
    confirm(key, { count: entry.count, voted: entry.voted === true }, seq);
  }
  const closesAt = typeof data.closesAt === 'string' ? Date.parse(data.closesAt) : NaN;
  const patch: Partial<Campaign> = {
    products,
    closed: data.closed === true || closesAt <= Date.now(),
    title: text(data.title),
    goal: isCount(data.goal) && data.goal > 0 ? data.goal : undefined,
    closesAt: Number.isFinite(closesAt) ? closesAt : undefined,
  };
  const current = $campaigns.get()[id];
  if (!current || current.status === 'loading' || current.status === 'unavailable') {
    patch.status = live.get(id)?.source?.readyState === 1 ? 'live' : 'loading';
  }
  setCampaign(id, patch);
  scheduleClosing(id, patch.closesAt);
}

/** Closes the campaign on the page at `closesAt`, even if the server stays silent. */
function scheduleClosing(id: string, closesAt: number | undefined): void {
  const entry = live.get(id);
  if (!entry) return;
  clearTimeout(entry.closing);
  const wait = closesAt === undefined ? Infinity : closesAt - Date.now();
  // setTimeout cannot wait more than about 24 days; a page open that long reloads the campaign.
  if (wait > 0 && wait < 2 ** 31 - 1) {
    entry.closing = setTimeout(() => setCampaign(id, { closed: true }), wait);
  }
}

function applyCounts(id: string, payload: unknown): void {
  const list = (payload as { products?: unknown } | null)?.products;
  if (!Array.isArray(list)) return;
  const campaign = $campaigns.get()[id];
  const known = new Set(campaign?.products.map((product) => product.productId));
  const added: CampaignProduct[] = [];
  for (const raw of list) {
    const entry = raw as Record<string, unknown>;
    if (!isProductId(entry?.productId) || !isCount(entry.count)) continue;
    confirm(voteKey(id, entry.productId), { count: entry.count });
    if (!known.has(entry.productId)) added.push({ productId: entry.productId });
  }
  if (added.length > 0) setCampaign(id, { products: [...(campaign?.products ?? []), ...added] });
}

function parse(event: MessageEvent): unknown {
  try {
    return JSON.parse(String(event.data));
  } catch {
    return undefined;
  }
}

/** Opens the campaign's event stream; after a failure, again with back-off, resuming. */
function connect(id: string, entry: Live): void {
  const base = apiUrl(`${path('campaigns', id)}/events`);
  if (base === undefined) return;
  const url = entry.lastEventId
    ? `${base}?lastEventId=${encodeURIComponent(entry.lastEventId)}`
    : base;
  const source = new EventSource(url);
  entry.source = source;
  const remember = (event: MessageEvent) => {
    if (event.lastEventId) entry.lastEventId = event.lastEventId;
  };
  source.addEventListener('counts', (event) => {
    remember(event);
    applyCounts(id, parse(event));
  });
  source.addEventListener('closed', (event) => {
    remember(event);
    setCampaign(id, { closed: true });
    // The result is final: the server ends the stream, and there is nothing left to follow.
    source.close();
    if (entry.source === source) entry.source = undefined;
  });
  source.onopen = () => {
    const recovered = entry.attempt > 0;
    entry.attempt = 0;
    const current = $campaigns.get()[id];
    if (current?.status !== 'not_found') setCampaign(id, { status: 'live' });
    // Back after an outage: votes may have closed or the fan's votes changed elsewhere.
    if (recovered) void loadCampaign(id).catch(() => {});
  };
  source.onerror = () => {
    // The browser would retry on its own at a fixed pace; back off instead, so a thousand
    // pages do not hammer a server that is coming back up.
    source.close();
    if (entry.source !== source) return;
    entry.source = undefined;
    const current = $campaigns.get()[id];
    if (current && current.status !== 'not_found') setCampaign(id, { status: 'reconnecting' });
    entry.retry = setTimeout(() => reconnect(id, entry), backoffMs(entry.attempt++));
  };
}

function reconnect(id: string, entry: Live): void {
  if (live.get(id) !== entry) return;
  const current = $campaigns.get()[id];
  if (!current || current.status === 'unavailable' || current.products.length === 0) {
    loadCampaign(id).then(
      () => connect(id, entry),
      () => (entry.retry = setTimeout(() => reconnect(id, entry), backoffMs(entry.attempt++))),
    );
  } else {
    connect(id, entry);
  }
}

function start(id: string, entry: Live): void {
  if (apiUrl('') === undefined) {
    warn('votes need the back end: set api on <vitrine-config>.', 'votes-no-api');
    setCampaign(id, { status: 'no_api' });
    return;
  }
  setCampaign(id, { status: 'loading' });
  loadCampaign(id).then(
    () => {
      if (live.get(id) === entry && $campaigns.get()[id]?.status !== 'not_found') {
        connect(id, entry);
      }
    },
    () => {
      if (live.get(id) === entry) {
        entry.retry = setTimeout(() => reconnect(id, entry), backoffMs(entry.attempt++));
      }
    },
  );
}

function stop(entry: Live): void {
  entry.source?.close();
  entry.source = undefined;
  clearTimeout(entry.retry);
  clearTimeout(entry.closing);
}

/**
 * Keeps a campaign's counts live while at least one widget shows it: one request and one
 * event stream per campaign, shared. Returns the function that stops watching.
 */
export function watchCampaign(id: string): () => void {
  let entry = live.get(id);
  if (!entry) {
    entry = { watchers: 0, attempt: 0 };
    live.set(id, entry);
    start(id, entry);
  }
  const watched = entry;
  watched.watchers += 1;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    watched.watchers -= 1;
    if (watched.watchers === 0 && live.get(id) === watched) {
      stop(watched);
      live.delete(id);
    }
  };
}

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
    errors.set(key, 'closed');
    show(key);
    throw new ApiError(409, 'campaign_closed', `campaign "${campaign}" is closed.`);
  }
  if (intents.has(key)) return $votes.get()[key]!;
  if ($session.get().status !== 'authenticated' || !getIdToken()) {
    await requestLogin(reason ? { reason } : {});
  }
  intents.set(key, { voted, from: confirmed.get(key)?.count ?? 0 });
  errors.delete(key);
  show(key);
  const seq = ++requestSeq;
  try {
    const { data } = await apiRequest<Record<string, unknown>>(
      `${path('campaigns', campaign, 'votes', productId)}`,
      { method: voted ? 'PUT' : 'DELETE', token: getIdToken() },
    );
    if (!isCount(data.count) || typeof data.voted !== 'boolean') {
      throw new ApiError(200, 'bad_response', 'the vote reply lacks count or voted.');
    }
    intents.delete(key);
    confirm(key, { count: data.count, voted: data.voted }, seq);
    return $votes.get()[key]!;
  } catch (error) {
    intents.delete(key);
    const code = errorCode(error);
    errors.set(key, code);
    if (code === 'closed') setCampaign(campaign, { closed: true });
    // The server refused the token (expired, revoked): the fan signs in again next time.
    if (code === 'unauthorized') logout();
    show(key);
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
  if (!intents.has(key) && confirmed.get(key)?.voted === voted && errors.delete(key)) show(key);
}

/** Forgets the last failure of a product's vote (the widget hides its message). */
export function clearVoteError(campaign: string, productId: string): void {
  const key = voteKey(campaign, productId);
  if (errors.delete(key)) show(key);
}

// The fan's own votes follow the session: fetched at sign-in, forgotten at sign-out.
if (typeof window !== 'undefined') {
  let status = $session.get().status;
  $session.listen((session) => {
    if (session.status === status) return;
    status = session.status;
    if (status === 'authenticated') {
      for (const id of live.keys()) void loadCampaign(id).catch(() => {});
    } else if (status === 'anonymous') {
      for (const [key, value] of confirmed) {
        if (value.voted) confirm(key, { voted: false });
      }
    }
  });
  // A page that sets `api` after the widgets appeared (or changes it) starts over.
  let api = $config.get().api;
  $config.listen((config) => {
    if (config.api === api) return;
    api = config.api;
    for (const [id, entry] of live) {
      stop(entry);
      entry.attempt = 0;
      start(id, entry);
    }
  });
}
