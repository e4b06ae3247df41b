/**
 * The back-end side of campaigns and votes, fetched when a page first shows a campaign or
 * casts a vote: a campaign's request and event stream (`followCampaign`, started by
 * `campaignStore`), and a vote's request (`sendVote`, for `castVote`).
 */
import { ApiError, Retry, apiRequest, apiUrl } from '../core/api.js';
import { $config } from '../core/config.js';
import { warn } from '../core/warn.js';
import { readLocalizedText } from '../contract/index.js';
import {
  $campaigns,
  openCampaign,
  setCampaign,
  type Campaign,
  type CampaignProduct,
} from './campaign-state.js';
import { isProductId } from './products.js';
import { $session, getIdToken, logout } from './session.js';
import {
  $votes,
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

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Reads the server's campaign into `$campaigns` and `$votes`; what does not fit the contract
 * is dropped, never thrown. Rejects (with the campaign `unavailable`) when the server cannot
 * be reached.
 */
export async function loadCampaign(id: string): Promise<void> {
  const request = nextRequest();
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
    const name = readLocalizedText(entry.name);
    products.push(
      name === undefined ? { productId: entry.productId } : { productId: entry.productId, name },
    );
    confirmVotes(
      voteKey(id, entry.productId),
      { count: entry.count, voted: entry.voted === true },
      request,
    );
  }
  const closesAt = typeof data.closesAt === 'string' ? Date.parse(data.closesAt) : NaN;
  const patch: Partial<Campaign> = {
    products,
    closed: data.closed === true || closesAt <= Date.now(),
    title: readLocalizedText(data.title, 500),
    goal: isCount(data.goal) && data.goal > 0 ? data.goal : undefined,
    closesAt: Number.isFinite(closesAt) ? closesAt : undefined,
  };
  const current = $campaigns.get()[id];
  if (!current || current.status === 'loading' || current.status === 'unavailable') {
    patch.status = feeds.get(id)?.streaming ? 'live' : 'loading';
  }
  setCampaign(id, patch);
  feeds.get(id)?.scheduleClosing(patch.closesAt);
}

function parse(event: MessageEvent): unknown {
  try {
    return JSON.parse(String(event.data));
  } catch {
    return undefined;
  }
}

/** The live side of one campaign while something on the page shows it. */
class CampaignFeed {
  private source: EventSource | undefined;
  private lastEventId: string | undefined;
  private closing: ReturnType<typeof setTimeout> | undefined;
  private readonly retry = new Retry(() => this.recover());
  private readonly stops: Array<() => void> = [];
  /** Grows when the feed stops or starts over: answers to older requests are dropped. */
  private generation = 0;

  constructor(private readonly id: string) {}

  get streaming(): boolean {
    return this.source?.readyState === 1;
  }

  /** `openedWith`: the `api` the campaign was opened with (`openCampaign`). */
  start(openedWith: string | undefined): void {
    // A page that sets `api` after the widgets appeared (or changes it) starts over.
    let api = $config.get().api;
    this.stops.push(
      $config.listen(({ api: next }) => {
        if (next === api) return;
        api = next;
        this.halt();
        this.begin();
      }),
    );
    // The fan's own votes follow the session: fetched again at sign-in.
    let status = $session.get().status;
    this.stops.push(
      $session.listen((session) => {
        if (session.status === status) return;
        status = session.status;
        if (status === 'authenticated') void loadCampaign(this.id).catch(() => {});
      }),
    );
    if (api !== openedWith) this.begin();
    else if (api !== undefined) this.loadThenConnect();
  }

  stop(): void {
    this.halt();
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Closes the campaign on the page at `closesAt`, even if the server stays silent. */
  scheduleClosing(closesAt: number | undefined): void {
    clearTimeout(this.closing);
    const wait = closesAt === undefined ? Infinity : closesAt - Date.now();
    // setTimeout cannot wait more than about 24 days; a page open that long reloads the campaign.
    if (wait > 0 && wait < 2 ** 31 - 1) {
      this.closing = setTimeout(() => setCampaign(this.id, { closed: true }), wait);
    }
  }

  private begin(): void {
    if (openCampaign(this.id)) this.loadThenConnect();
  }

  private halt(): void {
    this.generation += 1;
    this.source?.close();
    this.source = undefined;
    this.retry.cancel();
    this.retry.succeeded();
    clearTimeout(this.closing);
  }

  private loadThenConnect(): void {
    const generation = this.generation;
    loadCampaign(this.id).then(
      () => {
        if (generation !== this.generation) return;
        if ($campaigns.get()[this.id]?.status !== 'not_found') this.connect();
      },
      () => {
        if (generation === this.generation) this.retry.later();
      },
    );
  }

  /** After a failure: the campaign again if it never loaded, else only the stream. */
  private recover(): void {
    const current = $campaigns.get()[this.id];
    if (!current || current.status === 'unavailable' || current.products.length === 0) {
      this.loadThenConnect();
    } else {
      this.connect();
    }
  }

  /** Opens the campaign's event stream, resuming after the last event seen. */
  private connect(): void {
    const base = apiUrl(`${path('campaigns', this.id)}/events`);
    if (base === undefined) return;
    const url = this.lastEventId
      ? `${base}?lastEventId=${encodeURIComponent(this.lastEventId)}`
      : base;
    const source = new EventSource(url);
    this.source = source;
    const remember = (event: MessageEvent) => {
      if (event.lastEventId) this.lastEventId = event.lastEventId;
    };
    source.addEventListener('counts', (event) => {
      remember(event);
      this.applyCounts(parse(event));
    });
    source.addEventListener('closed', (event) => {
      remember(event);
      setCampaign(this.id, { closed: true });
      // The result is final: the server ends the stream, and there is nothing left to follow.
      source.close();
      if (this.source === source) this.source = undefined;
    });
    source.onopen = () => {
      const recovered = this.retry.failures > 0;
      this.retry.succeeded();
      if ($campaigns.get()[this.id]?.status !== 'not_found') {
        setCampaign(this.id, { status: 'live' });
      }
      // Back after an outage: votes may have closed or the fan's votes changed elsewhere.
      if (recovered) void loadCampaign(this.id).catch(() => {});
    };
    source.onerror = () => {
      // The browser would retry on its own at a fixed pace; back off instead, so a thousand
      // pages do not hammer a server that is coming back up.
      source.close();
      if (this.source !== source) return;
      this.source = undefined;
      const current = $campaigns.get()[this.id];
      if (current && current.status !== 'not_found') {
        setCampaign(this.id, { status: 'reconnecting' });
      }
      this.retry.later();
    };
  }

  private applyCounts(payload: unknown): void {
    const list = (payload as { products?: unknown } | null)?.products;
    if (!Array.isArray(list)) return;
    const campaign = $campaigns.get()[this.id];
    const known = new Set(campaign?.products.map((product) => product.productId));
    const added: CampaignProduct[] = [];
    for (const raw of list) {
      const entry = raw as Record<string, unknown>;
      if (!isProductId(entry?.productId) || !isCount(entry.count)) continue;
      confirmVotes(voteKey(this.id, entry.productId), { count: entry.count });
      if (!known.has(entry.productId)) added.push({ productId: entry.productId });
    }
    if (added.length > 0) {
      setCampaign(this.id, { products: [...(campaign?.products ?? []), ...added] });
    }
  }
}

const feeds = new Map<string, CampaignFeed>();

/**
 * Follows campaign `id` (its request, then its event stream) until the returned function is
 * called. `openedWith`: the `api` of the page when `openCampaign` marked it.
 */
export function followCampaign(id: string, openedWith: string | undefined): () => void {
  const feed = new CampaignFeed(id);
  feeds.set(id, feed);
  feed.start(openedWith);
  return () => {
    feed.stop();
    if (feeds.get(id) === feed) feeds.delete(id);
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

/**
 * The request of `castVote`, once the count has moved (`beginVote`): confirms the vote, or
 * rolls it back with the error (see `castVote`).
 */
export async function sendVote(
  campaign: string,
  productId: string,
  voted: boolean,
): Promise<ProductVotes> {
  const key = voteKey(campaign, productId);
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
