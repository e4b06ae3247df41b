/**
 * A signed-in fan's wishlist on the back end (`api`), loaded at the first sign-in; pages
 * without `api` never load it.
 *
 * At sign-in the guest list merges into the account's copy (no duplicates, nothing lost),
 * then every change is sent, and the page follows the account's copy. Changes made offline
 * wait, and are sent with back-off when the back end answers again. Two devices meet on the
 * server's version: on a conflict, the changes not yet confirmed are applied again on the
 * newer copy. Each signed-in fan gets a sync of their own, and signing out ends it: an answer
 * meant for one account never lands in another's list.
 */
import { ApiError, Retry, apiRequest } from '../core/api.js';
import { $config } from '../core/config.js';
import { warn } from '../core/warn.js';
import { MAX_WISHLIST_ITEMS, itemKey, type WishlistItem } from '../contract/index.js';
import { $products } from './products.js';
import { $session, getIdToken } from './session.js';
import {
  $wishlist,
  $wishlistSync,
  replaceWishlist,
  sanitizeItems,
  type SavedItem,
} from './wishlist-store.js';

interface AccountCopy {
  items: WishlistItem[];
  version: number;
}

function readCopy(data: unknown): AccountCopy | undefined {
  const record = data as { items?: unknown; version?: unknown } | null;
  if (!Array.isArray(record?.items) || !Number.isSafeInteger(record.version)) return undefined;
  return { items: sanitizeItems(record.items), version: record.version as number };
}

/** What the page says of availability is the page's to say, not the account's to keep. */
function withoutAvailability({ available: _available, ...item }: WishlistItem): WishlistItem {
  return item;
}

const badReply = () => new ApiError(200, 'bad_response', 'no items or version in the reply.');

/** The list of one signed-in fan, on this page, from sign-in to sign-out. */
class AccountSync {
  /** The last copy the server confirmed. */
  private account: AccountCopy = { items: [], version: 0 };
  /** The fan's changes the server has not confirmed: saved, or `null` for removed. */
  private readonly pending = new Map<string, SavedItem | null>();
  private merged = false;
  /** Conflicts in a row: the first few are answered at once, then with back-off. */
  private conflicts = 0;
  private inFlight = false;
  /** Set while the page shows the account's copy, so that showing it is not a change. */
  private applying = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private readonly retry = new Retry(() => void (this.merged ? this.push() : this.merge()));

  constructor(readonly person: string) {}

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.retry.cancel();
  }

  /** A change on the page: the items (by `itemKey`) whose entry is not what it was. */
  record(next: Record<string, SavedItem | undefined>, previous: typeof next): void {
    if (this.applying || this.stopped) return;
    for (const id of new Set([...Object.keys(next), ...Object.keys(previous)])) {
      if (next[id] !== previous[id]) this.pending.set(id, next[id] ?? null);
    }
    // A burst of taps (save all, undo) goes out as one request.
    if (this.merged) this.retry.now(250);
  }

  /** The back end may answer again (the browser went online): try what waits, now. */
  resume(): void {
    if (!this.stopped && ($wishlistSync.get() === 'offline' || this.pending.size > 0)) {
      this.retry.now();
    }
  }

  /** Back to this tab: pick up what another device changed meanwhile. */
  async refresh(): Promise<void> {
    if (!this.merged || this.inFlight || this.pending.size > 0) return;
    if ((await this.pull()) && this.pending.size === 0) this.follow();
  }

  /** At sign-in: the guest list joins the account's copy, and the page follows the result. */
  async merge(): Promise<void> {
    $wishlistSync.set('syncing');
    if (!(await this.pull())) {
      // The guest list stays as it is; the merge is tried again with back-off.
      if (!this.stopped) this.retry.later();
      return;
    }
    // Keyed by product and variant: the guest's size 38 joins the account's size 40.
    const onAccount = new Set(this.account.items.map(itemKey));
    for (const [key, item] of Object.entries($wishlist.get())) {
      if (item && !onAccount.has(key) && !this.pending.has(key)) this.pending.set(key, item);
    }
    this.merged = true;
    this.follow();
    await this.push();
  }

  private request(init: Parameters<typeof apiRequest>[1] = {}) {
    return apiRequest('/wishlists/me', { ...init, token: getIdToken(), signal: this.abort.signal });
  }

  private async pull(): Promise<boolean> {
    try {
      const copy = readCopy((await this.request()).data);
      if (!copy) throw badReply();
      if (this.stopped) return false;
      this.account = copy;
      return true;
    } catch (error) {
      if (this.stopped) return false;
      $wishlistSync.set('offline');
      warn(`could not load the wishlist from the back end: ${String(error)}`, 'wishlist-pull');
      return false;
    }
  }

  /** The account's copy with the changes still on their way. */
  private withPending(): WishlistItem[] {
    const products = $products.get();
    const byId = new Map(this.account.items.map((item) => [itemKey(item), item]));
    for (const [id, saved] of this.pending) {
      if (!saved) byId.delete(id);
      else if (!byId.has(id)) byId.set(id, withoutAvailability({ ...products[id], ...saved }));
    }
    return [...byId.values()].slice(0, MAX_WISHLIST_ITEMS);
  }

  /** The page shows the account's copy with the changes still on their way. */
  private follow(): void {
    this.applying = true;
    replaceWishlist(this.withPending());
    this.applying = false;
  }

  /** Sends the changes the server has not confirmed; retries with back-off when it cannot. */
  private async push(): Promise<void> {
    if (this.inFlight || this.stopped) return;
    if (this.pending.size === 0) {
      $wishlistSync.set('synced');
      return;
    }
    this.inFlight = true;
    $wishlistSync.set('syncing');
    const sent = new Map(this.pending);
    try {
      const { data } = await this.request({
        method: 'PUT',
        body: { items: this.withPending() },
        headers: { 'if-match': `"${this.account.version}"` },
      });
      const copy = readCopy(data);
      if (!copy) throw badReply();
      if (this.stopped) return;
      this.account = copy;
      for (const [id, item] of sent) if (this.pending.get(id) === item) this.pending.delete(id);
      this.retry.succeeded();
      this.conflicts = 0;
      this.follow();
    } catch (error) {
      if (this.stopped) return;
      const conflict = error instanceof ApiError && error.status === 412 && readCopy(error.body);
      if (conflict) {
        // Another device wrote first: our changes go again on its copy, at once.
        this.account = conflict;
        this.follow();
        if (++this.conflicts < 5) this.retry.now();
        else this.retry.later();
      } else if (error instanceof ApiError && (error.transient || error.status === 401)) {
        // Offline, server trouble, or a token to renew: the changes wait, nothing is lost.
        $wishlistSync.set('offline');
        this.retry.later(error.retryAfter);
      } else {
        warn(`the back end refused the wishlist (${String(error)}); it stays on this device.`);
        this.pending.clear();
      }
    } finally {
      this.inFlight = false;
    }
    if (this.stopped) return;
    if (this.pending.size === 0) $wishlistSync.set('synced');
    else if (!this.retry.pending) this.retry.now();
  }
}

let current: AccountSync | undefined;
let started = false;

/** The fan signed in now (with `api`), or nobody. */
function signedInPerson(): string | undefined {
  const { status, user } = $session.get();
  return $config.get().api !== undefined && status === 'authenticated' ? user?.sub : undefined;
}

/** Starts or ends the account's sync as the session (and `api`) change. */
function followSession(): void {
  const person = signedInPerson();
  if (person === current?.person) return;
  current?.stop();
  current = person === undefined ? undefined : new AccountSync(person);
  if (current) void current.merge();
  else $wishlistSync.set('off');
}

/** Starts following the signed-in fan's list on the back end; safe to call more than once. */
export function startWishlistSync(): void {
  if (started) return;
  started = true;
  let previous = $wishlist.get();
  $wishlist.listen((next) => {
    current?.record(next, previous);
    previous = next;
  });
  $session.listen(followSession);
  $config.listen(followSession);
  addEventListener('online', () => current?.resume());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void current?.refresh();
  });
  followSession();
}
