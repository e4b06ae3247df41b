/**
 * The wishlist on the back end (`api`), loaded once a fan signs in or a page asks for a short
 * share link; pages without `api` never load it.
 *
 * Signed in, the fan's list lives on the server: at sign-in the guest list merges into the
 * server copy (no duplicates, nothing lost), then every change is sent, and the page follows
 * the server copy. Changes made offline wait, and are sent with back-off when the network
 * returns. Concurrent edits (two devices) meet on the server's version: on a conflict the
 * changes not yet confirmed are applied again on the newer copy.
 */
import { ApiError, apiRequest, backoffMs } from '../core/api.js';
import { safeUrl } from '../core/safe-url.js';
import { warn } from '../core/warn.js';
import { $config } from '../core/config.js';
import type { ProductInfo } from './products.js';
import { $session, getIdToken } from './session.js';
import { MAX_SHARED_ITEMS, type SharedWishlist } from './share-link.js';
import {
  $wishlist,
  $wishlistItems,
  MAX_WISHLIST_ITEMS,
  replaceWishlist,
  sanitizeItems,
  type WishlistItem,
} from './wishlist.js';

interface ServerCopy {
  items: WishlistItem[];
  version: number;
}

/** The last copy the server confirmed, and the fan's changes it has not confirmed yet. */
let server: ServerCopy = { items: [], version: 0 };
const pending = new Map<string, WishlistItem | null>();
let syncedFor: string | undefined;
let inFlight = false;
let applying = false;
let attempt = 0;
let retry: ReturnType<typeof setTimeout> | undefined;
let started = false;

const signedIn = () => {
  const { status, user } = $session.get();
  return $config.get().api !== undefined && status === 'authenticated' && user !== undefined;
};

function readCopy(data: unknown): ServerCopy | undefined {
  const record = data as { items?: unknown; version?: unknown } | null;
  if (!Array.isArray(record?.items) || !Number.isSafeInteger(record.version)) return undefined;
  return { items: sanitizeItems(record.items), version: record.version as number };
}

function withPending(items: readonly WishlistItem[]): WishlistItem[] {
  const byId = new Map(items.map((item) => [item.productId, item]));
  for (const [id, item] of pending) {
    if (item) byId.set(id, byId.get(id) ?? item);
    else byId.delete(id);
  }
  return [...byId.values()].slice(0, MAX_WISHLIST_ITEMS);
}

/** The page shows the server copy with the changes still on their way. */
function follow(): void {
  applying = true;
  replaceWishlist(withPending(server.items));
  applying = false;
}

function schedule(wait: number): void {
  clearTimeout(retry);
  retry = setTimeout(() => {
    retry = undefined;
    void push();
  }, wait);
}

async function pull(): Promise<boolean> {
  try {
    const { data } = await apiRequest('/wishlists/me', { token: getIdToken() });
    const copy = readCopy(data);
    if (!copy)
      throw new ApiError(200, 'bad_response', 'the wishlist reply lacks items or version.');
    server = copy;
    return true;
  } catch (error) {
    warn(`could not load the wishlist from the back end: ${String(error)}`, 'wishlist-pull');
    return false;
  }
}

/** Sends the changes the server has not confirmed; retries with back-off when it cannot. */
async function push(): Promise<void> {
  if (inFlight || pending.size === 0 || !signedIn()) return;
  inFlight = true;
  const sent = new Map(pending);
  try {
    const { data } = await apiRequest('/wishlists/me', {
      method: 'PUT',
      body: { items: withPending(server.items) },
      token: getIdToken(),
      headers: { 'if-match': `"${server.version}"` },
    });
    const copy = readCopy(data);
    if (!copy)
      throw new ApiError(200, 'bad_response', 'the wishlist reply lacks items or version.');
    server = copy;
    for (const [id, item] of sent) if (pending.get(id) === item) pending.delete(id);
    attempt = 0;
    follow();
  } catch (error) {
    const conflict = error instanceof ApiError && error.status === 412 && readCopy(error.body);
    if (conflict) {
      // Another device wrote first: apply our changes again on its copy, at once.
      server = conflict;
      follow();
      if (attempt++ < 5) schedule(0);
    } else if (error instanceof ApiError && (error.transient || error.status === 401)) {
      // Offline, server trouble, or a token to renew: the changes wait, nothing is lost.
      schedule(backoffMs(attempt++, error.retryAfter));
    } else {
      warn(`the back end refused the wishlist (${String(error)}); it stays on this device.`);
      pending.clear();
    }
  } finally {
    inFlight = false;
    if (pending.size > 0 && !retry) schedule(0);
  }
}

/** At sign-in: the guest list joins the server copy, and the page follows the result. */
async function mergeAtSignIn(): Promise<void> {
  const sub = $session.get().user?.sub;
  if (!signedIn() || sub === syncedFor) return;
  syncedFor = sub;
  pending.clear();
  if (!(await pull())) {
    // Keep the guest list; try the merge again when the network is back.
    syncedFor = undefined;
    return;
  }
  const onServer = new Set(server.items.map((item) => item.productId));
  for (const item of $wishlistItems.get()) {
    if (!onServer.has(item.productId)) pending.set(item.productId, item);
  }
  follow();
  await push();
}

function record(next: Record<string, WishlistItem | undefined>, previous: typeof next): void {
  if (applying || !signedIn() || syncedFor === undefined) return;
  for (const id of new Set([...Object.keys(next), ...Object.keys(previous)])) {
    if (next[id] !== previous[id]) pending.set(id, next[id] ?? null);
  }
  // A burst of taps (save all, undo) goes out as one request.
  schedule(250);
}

/** Starts following the signed-in fan's list on the back end; safe to call more than once. */
export function startWishlistSync(): void {
  if (started) return;
  started = true;
  let previous = $wishlist.get();
  $wishlist.listen((next) => {
    record(next, previous);
    previous = next;
  });
  $session.listen(({ status }) => {
    if (status === 'authenticated') void mergeAtSignIn();
    else if (status === 'anonymous') {
      syncedFor = undefined;
      pending.clear();
      clearTimeout(retry);
      retry = undefined;
    }
  });
  addEventListener('online', () => void (syncedFor ? push() : mergeAtSignIn()));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || !syncedFor || pending.size > 0) return;
    // Back to this tab: pick up what another device changed meanwhile.
    void pull().then((ok) => ok && pending.size === 0 && follow());
  });
  void mergeAtSignIn();
}

/** The fragment parameter of a short share link: `#vitrine-shared=<id>`. */
export const SHORT_SHARE_PARAM = 'vitrine-shared';
const SHORT_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * A short, read-only, expiring link to `items` from the back end, opening on `landing`.
 * Rejects when the back end cannot make one (the caller falls back to a fragment link).
 */
export async function createShortLink(
  items: readonly ProductInfo[],
  landing: string,
): Promise<string> {
  const { data } = await apiRequest<{ url?: unknown; id?: unknown }>('/wishlists/shared', {
    method: 'POST',
    body: {
      items: items.slice(0, MAX_SHARED_ITEMS).map((item, index) => ({
        addedAt: Date.now() - index,
        ...item,
      })),
      landing,
    },
  });
  const url = safeUrl(data.url);
  if (!url || typeof data.id !== 'string' || !SHORT_ID.test(data.id)) {
    throw new ApiError(200, 'bad_response', 'the share reply has no usable url.');
  }
  return url;
}

/** The short link id in a URL fragment, when there is a well-formed one. */
export function readShortLinkId(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SHORT_SHARE_PARAM}=`;
  const id = fragment
    .split('&')
    .find((piece) => piece.startsWith(prefix))
    ?.slice(prefix.length);
  return id !== undefined && SHORT_ID.test(id) ? id : undefined;
}

/** The wishlist behind a short link; what the server sends is checked like any link. */
export async function fetchSharedWishlist(id: string): Promise<SharedWishlist> {
  try {
    const { data } = await apiRequest<{ items?: unknown }>(
      `/wishlists/shared/${encodeURIComponent(id)}`,
    );
    const items = sanitizeItems(data.items)
      .slice(0, MAX_SHARED_ITEMS)
      .map(({ addedAt: _addedAt, ...product }) => product);
    return items.length > 0 ? { status: 'ok', items } : { status: 'invalid' };
  } catch (error) {
    if (error instanceof ApiError && error.status === 410) return { status: 'expired' };
    if (error instanceof ApiError && error.status === 404) return { status: 'invalid' };
    return { status: 'unavailable' };
  }
}
