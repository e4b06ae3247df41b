/**
 * The wishlist's state, and how a list from outside (the device, another tab, the account, a
 * link) is read into it. Kept apart from the actions and the device storage (wishlist.ts) so
 * that the account sync, loaded on first sign-in, imports this and nothing that loads it.
 */
import { onDevice } from '../core/device.js';
import { atom, computed, map } from 'nanostores';
import { MAX_WISHLIST_ITEMS, itemKey, type WishlistItem } from '../contract/index.js';
import { $products, rememberProducts, sanitizeProduct } from './products.js';

export { MAX_WISHLIST_ITEMS, type WishlistItem };

/**
 * A saved product or variant: which one, and when. Its details are in `$products` (under
 * the same key), the one copy.
 */
export interface SavedItem {
  productId: string;
  /** Absent: the product itself. */
  variantId?: string;
  /** When the shopper saved it, in ms since the epoch; the list shows newest first. */
  addedAt: number;
}

/**
 * The shopper's saved items, by `itemKey` (`sac-lune`, `sac-lune#38-noir`): the same product
 * in two sizes is two items. Use the actions below to change it.
 */
export const $wishlist = map<Record<string, SavedItem | undefined>>({});

/** Saved items with what the page knows of them, newest first. */
export const $wishlistItems = computed([$wishlist, $products], (saved, products) =>
  Object.values(saved)
    .filter((item): item is SavedItem => item !== undefined)
    .map((item): WishlistItem => ({ ...products[itemKey(item)], ...item }))
    .sort((a, b) => b.addedAt - a.addedAt),
);

export const $wishlistCount = computed($wishlist, (saved) =>
  Object.values(saved).reduce((count, item) => (item ? count + 1 : count), 0),
);

// Kept on the shopper's device: a server draws an empty list.
onDevice($wishlist, {});
onDevice($wishlistItems, []);
onDevice($wishlistCount, 0);

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

/** Whether the product (or, with `variantId`, that variant of it) is saved. */
export function isSaved(productId: string, variantId?: string): boolean {
  return $wishlist.get()[itemKey({ productId, variantId })] !== undefined;
}

/** Reads a list written by any version, tab or device; what is not valid is dropped. */
export function sanitizeItems(raw: unknown, now = Date.now()): WishlistItem[] {
  const list = Array.isArray(raw) ? raw : [];
  const items = new Map<string, WishlistItem>();
  for (const entry of list.slice(0, MAX_WISHLIST_ITEMS)) {
    const product = sanitizeProduct(entry);
    if (!product || items.has(itemKey(product))) continue;
    const addedAt = (entry as { addedAt?: unknown }).addedAt;
    items.set(itemKey(product), {
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
  for (const { productId, variantId, addedAt } of items) {
    lastStamp = Math.max(lastStamp, addedAt);
    saved[itemKey({ productId, variantId })] = savedItem(productId, variantId, addedAt);
  }
  return saved;
}

/** A saved entry, with `variantId` only when there is one (stored lists stay as they were). */
export const savedItem = (productId: string, variantId: string | undefined, addedAt: number) =>
  variantId === undefined ? { productId, addedAt } : { productId, variantId, addedAt };

/** Replaces the whole list (the signed-in fan's server copy); what is not valid is dropped. */
export function replaceWishlist(items: readonly WishlistItem[]): void {
  $wishlist.set(adopt(sanitizeItems(items)));
}
