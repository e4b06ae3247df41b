/**
 * Short share links from the back end (`api`): `#vitrine-shared=<id>`, read-only, expiring,
 * short enough for a QR code. Loaded when a page first shares or opens one.
 */
import { ApiError, apiRequest } from '../core/api.js';
import { safeUrl } from '../core/safe-url.js';
import {
  MAX_SHARED_ITEMS,
  SHARED_LIST_ID,
  SHORT_SHARE_PARAM,
  fragmentParam,
  type ProductInfo,
} from '../contract/index.js';
import type { SharedWishlist } from './share-link.js';
import { sanitizeItems } from './wishlist-store.js';

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
  if (!url || typeof data.id !== 'string' || !SHARED_LIST_ID.test(data.id)) {
    throw new ApiError(200, 'bad_response', 'the share reply has no usable url.');
  }
  return url;
}

/** The short link id in a URL fragment, when there is a well-formed one. */
export function readShortLinkId(hash: string): string | undefined {
  const id = fragmentParam(hash, SHORT_SHARE_PARAM);
  return id !== undefined && SHARED_LIST_ID.test(id) ? id : undefined;
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
