/**
 * The wishlist's state, and how a list from outside (the device, another tab, the account, a
 * link) is read into it. Kept apart from the actions and the device storage (wishlist.ts) so
 * that the account sync, loaded on first sign-in, imports this and nothing that loads it.
 */
import { atom, computed, map } from 'nanostores';
import { MAX_WISHLIST_ITEMS, type WishlistItem } from '../contract/index.js';
import { $products, rememberProducts, sanitizeProduct } from './products.js';

export { MAX_WISHLIST_ITEMS, type WishlistItem };

/** A saved product: which one, and when. Its details are in `$products`, the one copy. */
export interface SavedItem {
  productId: string;
  /** When the shopper saved it, in ms since the epoch; the list shows newest first. */
  addedAt: number;
}

/** The shopper's saved products, by product id. Use the actions below to change it. */
export const $wishlist = map<Record<string, SavedItem | undefined>>({});

/** Saved items with what the page knows of them, newest first. */
export const $wishlistItems = computed([$wishlist, $products], (saved, products) =>
  Object.values(saved)
    .filter((item): item is SavedItem => item !== undefined)
    .map((item): WishlistItem => ({ ...products[item.productId], ...item }))
    .sort((a, b) => b.addedAt - a.addedAt),
);

export const $wishlistCount = computed($wishlist, (saved) =>
  Object.values(saved).reduce((count, item) => (item ? count + 1 : count), 0),
);

/**
 * Where a signed-in fan's list stands on the back end: `off` (signed out, or no `api`),
 * `syncing`, `synced` (the account holds every change), `offline` (changes wait, and go out
 * when the back end answers again).
 */
export type WishlistSyncStatus = 'off' | 'syncing' | 'synced' | 'offline';
export const $wishlistSync = atom<WishlistSyncStatus>('off');

let lastStamp = 0;

/** A save time that is never equal to the previous one, so the newest-first order is stable. */
export function stamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

export function isSaved(productId: string): boolean {
  return $wishlist.get()[productId] !== undefined;
}

/** Reads a list written by any version, tab or device; what is not valid is dropped. */
export function sanitizeItems(raw: unknown, now = Date.now()): WishlistItem[] {
  const list = Array.isArray(raw) ? raw : [];
  const items = new Map<string, WishlistItem>();
  for (const entry of list.slice(0, MAX_WISHLIST_ITEMS)) {
    const product = sanitizeProduct(entry);
    if (!product || items.has(product.productId)) continue;
    const addedAt = (entry as { addedAt?: unknown }).addedAt;
    items.set(product.productId, {
      ...product,
      addedAt: typeof addedAt === 'number' && Number.isFinite(addedAt) ? addedAt : now,
    });
  }
  return [...items.values()];
}

/** The saved entries of `items`; their details join `$products`, under what the page says. */
export function adopt(items: readonly WishlistItem[]): Record<string, SavedItem> {
  rememberProducts(items.map(({ addedAt: _addedAt, ...product }) => sanitizeProduct(product)!));
  const saved: Record<string, SavedItem> = {};
  for (const { productId, addedAt } of items) {
    lastStamp = Math.max(lastStamp, addedAt);
    saved[productId] = { productId, addedAt };
  }
  return saved;
}

/** Replaces the whole list (the signed-in fan's server copy); what is not valid is dropped. */
export function replaceWishlist(items: readonly WishlistItem[]): void {
  $wishlist.set(adopt(sanitizeItems(items)));
}
