import { safeUrl } from '../core/safe-url.js';
import { warn } from '../core/warn.js';
import {
  MAX_SHARED_ITEMS,
  SHARE_PARAM,
  fragmentParam,
  type ProductInfo,
} from '../contract/index.js';
import { sanitizeItems } from './wishlist-store.js';

export { MAX_SHARED_ITEMS, SHARE_PARAM };
/** Links carry version 2 (with variants); links of version 1, made before, still open. */
export const SHARE_VERSION = 2;
const FIRST_VERSION = 1;
/** Longest fragment value accepted or produced (messaging apps truncate beyond a few KB). */
export const MAX_SHARE_LENGTH = 8192;

export type SharedWishlist =
  | { status: 'ok'; items: ProductInfo[] }
  | { status: 'none' }
  | { status: 'invalid' | 'too-large' | 'version' }
  /** Short links from the back end: past their expiry, or the back end out of reach. */
  | { status: 'expired' | 'unavailable' };

interface Wire {
  v: number;
  /**
   * id, variant id, variant name, name, price, currency, image, url: short keys keep links
   * short. Version 1 had no variants.
   */
  items: {
    id: string;
    vi?: string;
    vn?: string;
    n?: string;
    p?: number;
    c?: string;
    i?: string;
    u?: string;
  }[];
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): string {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

function toWire(items: readonly ProductInfo[], withMedia: boolean): Wire {
  return {
    v: SHARE_VERSION,
    items: items.map((item) => ({
      id: item.productId,
      vi: item.variantId,
      vn: item.variantName,
      n: item.name,
      p: item.price,
      c: item.currency,
      ...(withMedia ? { i: item.image, u: item.url } : {}),
    })),
  };
}

/**
 * The fragment value for a list. Over the length budget it first drops images and links
 * (the receiver still sees names and prices), then the oldest items, and says so.
 */
export function encodeSharedWishlist(items: readonly ProductInfo[]): string {
  let list = items.slice(0, MAX_SHARED_ITEMS);
  if (items.length > list.length) {
    warn(
      `a shared wishlist carries at most ${MAX_SHARED_ITEMS} items; the rest are left out of the link.`,
    );
  }
  let encoded = toBase64Url(JSON.stringify(toWire(list, true)));
  if (encoded.length <= MAX_SHARE_LENGTH) return encoded;
  while (list.length > 0) {
    encoded = toBase64Url(JSON.stringify(toWire(list, false)));
    if (encoded.length <= MAX_SHARE_LENGTH) break;
    list = list.slice(0, -1);
  }
  warn(
    'the wishlist is too long for a link: images and links (and maybe some items) were left out.',
  );
  return encoded;
}

/** The link that opens `items` on `page` (default: this page), in the URL fragment. */
export function shareUrlFor(items: readonly ProductInfo[], page?: string): string {
  const target = new URL(safeUrl(page ?? '') ?? safeUrl(location.href) ?? location.href);
  target.hash = `${SHARE_PARAM}=${encodeSharedWishlist(items)}`;
  return target.href;
}

/** Reads and validates a shared wishlist from a URL fragment; untrusted by definition. */
export function readSharedWishlist(hash: string): SharedWishlist {
  const value = fragmentParam(hash, SHARE_PARAM);
  if (value === undefined) return { status: 'none' };
  if (value.length > MAX_SHARE_LENGTH) return { status: 'too-large' };
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return { status: 'invalid' };
  let wire: unknown;
  try {
    wire = JSON.parse(fromBase64Url(value));
  } catch {
    return { status: 'invalid' };
  }
  if (typeof wire !== 'object' || wire === null || !Array.isArray((wire as Wire).items)) {
    return { status: 'invalid' };
  }
  const { v, items } = wire as Wire;
  if (v !== SHARE_VERSION && v !== FIRST_VERSION)
    return typeof v === 'number' && v > SHARE_VERSION
      ? { status: 'version' }
      : { status: 'invalid' };
  if (items.length === 0 || items.length > MAX_SHARED_ITEMS) return { status: 'invalid' };
  const clean = sanitizeItems(
    items.map((item) => ({
      productId: item?.id,
      ...(v === SHARE_VERSION && { variantId: item?.vi, variantName: item?.vn }),
      name: item?.n,
      price: item?.p,
      currency: item?.c,
      image: item?.i,
      url: item?.u,
    })),
  ).map(({ addedAt: _addedAt, ...product }) => product);
  // A link whose every entry is unusable was tampered with or cut short.
  return clean.length === 0 ? { status: 'invalid' } : { status: 'ok', items: clean };
}
