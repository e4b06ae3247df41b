import { atom, computed, map } from 'nanostores';
import { $config } from '../core/config.js';
import { createStorage, type SafeStorage } from '../core/storage.js';
import { warn } from '../core/warn.js';
import { MAX_WISHLIST_ITEMS, type WishlistItem } from '../contract/index.js';
import {
  $products,
  describeProduct,
  rememberProducts,
  sanitizeProduct,
  type ProductInfo,
} from './products.js';
import { $session } from './session.js';

export { MAX_WISHLIST_ITEMS, type WishlistItem };

/** A saved product: which one, and when. Its details are in `$products`, the one copy. */
export interface SavedItem {
  productId: string;
  /** When the shopper saved it, in ms since the epoch; the list shows newest first. */
  addedAt: number;
}

export const STORAGE_KEY = 'vitrine:wishlist';
const FORMAT_VERSION = 1;

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
function stamp(): number {
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
function adopt(items: readonly WishlistItem[]): Record<string, SavedItem> {
  rememberProducts(items.map(({ addedAt: _addedAt, ...product }) => sanitizeProduct(product)!));
  const saved: Record<string, SavedItem> = {};
  for (const { productId, addedAt } of items) {
    lastStamp = Math.max(lastStamp, addedAt);
    saved[productId] = { productId, addedAt };
  }
  return saved;
}

/** Adds a product; returns false when the list is full (the shopper is told by the widget). */
export function addToWishlist(product: ProductInfo): boolean {
  const clean = sanitizeProduct(product);
  if (!clean) {
    warn(
      `cannot save a product without a valid product-id (${JSON.stringify(product?.productId)}).`,
    );
    return false;
  }
  const saved = isSaved(clean.productId);
  if (!saved && $wishlistCount.get() >= MAX_WISHLIST_ITEMS) {
    warn(`the wishlist is full (${MAX_WISHLIST_ITEMS} items); "${clean.productId}" was not added.`);
    return false;
  }
  describeProduct(clean);
  if (!saved) $wishlist.setKey(clean.productId, { productId: clean.productId, addedAt: stamp() });
  return true;
}

export function removeFromWishlist(productId: string): void {
  $wishlist.setKey(productId, undefined);
}

/** Saves or unsaves a product; returns whether it is saved afterwards. */
export function toggleWishlist(product: ProductInfo): boolean {
  if (isSaved(product.productId)) {
    removeFromWishlist(product.productId);
    return false;
  }
  return addToWishlist(product);
}

/** Adds every item not already saved (no duplicates); returns how many were added. */
export function mergeIntoWishlist(items: readonly ProductInfo[]): number {
  const current = $wishlist.get();
  const fresh = new Map<string, ProductInfo>();
  for (const item of items) {
    const clean = sanitizeProduct(item);
    if (clean && !current[clean.productId] && !fresh.has(clean.productId)) {
      fresh.set(clean.productId, clean);
    }
  }
  const room = MAX_WISHLIST_ITEMS - $wishlistCount.get();
  if (fresh.size > room) {
    warn(
      `the wishlist is full (${MAX_WISHLIST_ITEMS} items); ${fresh.size - room} shared items were not added.`,
    );
  }
  const added = [...fresh.values()].slice(0, Math.max(0, room));
  if (added.length === 0) return 0;
  rememberProducts(added);
  const next = { ...current };
  // Stamp from the last to the first, so the list shows them in the order they came.
  for (const { productId } of added.reverse()) next[productId] = { productId, addedAt: stamp() };
  $wishlist.set(next);
  return added.length;
}

export function clearWishlist(): void {
  $wishlist.set({});
}

/** Replaces the whole list (the signed-in fan's server copy); what is not valid is dropped. */
export function replaceWishlist(items: readonly WishlistItem[]): void {
  $wishlist.set(adopt(sanitizeItems(items)));
}

// Persistence: the storage follows `$config.storage`; another tab's writes flow in.
let storage: SafeStorage | undefined;
let stopWatching = (): void => {};
let applyingExternal = false;

function save(): void {
  if (applyingExternal || !storage) return;
  storage.write(STORAGE_KEY, { v: FORMAT_VERSION, items: $wishlistItems.get() });
}

/** The items of a stored list, or `undefined` when there is none or it cannot be read. */
function fromStorage(value: unknown): WishlistItem[] | undefined {
  if (value === undefined) return undefined;
  const record = value as { v?: unknown; items?: unknown };
  if (record?.v !== FORMAT_VERSION) {
    warn('the stored wishlist has an unknown format; it is replaced.', 'wishlist-format');
    return undefined;
  }
  return sanitizeItems(record.items);
}

function useStorage(kind: SafeStorage['kind']): void {
  if (storage?.kind === kind) return;
  stopWatching();
  const previous = $wishlistItems.get();
  storage = createStorage(kind);
  const stored = fromStorage(storage.read(STORAGE_KEY)) ?? [];
  // Switching storage keeps both lists: nothing saved in either is lost.
  const merged = adopt([...previous, ...stored].reverse());
  applyingExternal = true;
  $wishlist.set(merged);
  applyingExternal = false;
  if (previous.length > 0) save();
  stopWatching = storage.watch(STORAGE_KEY, (value) => {
    const items = fromStorage(value);
    // Another tab's list flows in. A cleared storage or an unreadable value is not a
    // shopper's choice (a clear list is stored as an empty one): this tab's list stays,
    // and is stored again.
    if (items === undefined) {
      if ($wishlistCount.get() > 0) save();
      return;
    }
    applyingExternal = true;
    $wishlist.set(adopt(items));
    applyingExternal = false;
  });
}

/** A signed-in fan's list lives on the back end too; the code for it loads at first sign-in. */
function syncWhenSignedIn(): void {
  if ($config.get().api && $session.get().status === 'authenticated') {
    void import('./wishlist-sync.js').then(
      (sync) => sync.startWishlistSync(),
      (error: unknown) => warn(`could not load the wishlist sync: ${String(error)}`),
    );
  }
}

if (typeof window !== 'undefined') {
  useStorage($config.get().storage);
  $config.listen((config) => useStorage(config.storage));
  $wishlist.listen(save);
  $session.listen(syncWhenSignedIn);
  $config.listen(syncWhenSignedIn);
  syncWhenSignedIn();
}
