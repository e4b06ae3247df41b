import { computed, map } from 'nanostores';
import { createStorage, type SafeStorage } from '../core/storage.js';
import { warn } from '../core/warn.js';
import { $config } from '../core/config.js';
import { sanitizeProduct, type ProductInfo } from './products.js';

export interface WishlistItem extends ProductInfo {
  /** When the shopper saved it, in ms since the epoch; the list shows newest first. */
  addedAt: number;
}

/** The most items one wishlist holds (the back end's limit too). */
export const MAX_WISHLIST_ITEMS = 500;
export const STORAGE_KEY = 'vitrine:wishlist';
const FORMAT_VERSION = 1;

/** The shopper's saved products, by product id. Use the actions below to change it. */
export const $wishlist = map<Record<string, WishlistItem | undefined>>({});

/** Saved items, newest first. */
export const $wishlistItems = computed($wishlist, (saved) =>
  Object.values(saved)
    .filter((item): item is WishlistItem => item !== undefined)
    .sort((a, b) => b.addedAt - a.addedAt),
);

export const $wishlistCount = computed($wishlistItems, (items) => items.length);

let lastStamp = 0;

/** A save time that is never equal to the previous one, so the newest-first order is stable. */
function stamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

export function isSaved(productId: string): boolean {
  return $wishlist.get()[productId] !== undefined;
}

/** Reads a list written by any version or tab; what is not valid is dropped, the rest kept. */
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

function toRecord(items: WishlistItem[]): Record<string, WishlistItem> {
  for (const item of items) lastStamp = Math.max(lastStamp, item.addedAt);
  return Object.fromEntries(items.map((item) => [item.productId, item]));
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
  const current = $wishlist.get()[clean.productId];
  if (current) {
    $wishlist.setKey(clean.productId, { ...current, ...clean });
    return true;
  }
  if ($wishlistCount.get() >= MAX_WISHLIST_ITEMS) {
    warn(`the wishlist is full (${MAX_WISHLIST_ITEMS} items); "${clean.productId}" was not added.`);
    return false;
  }
  $wishlist.setKey(clean.productId, { ...clean, addedAt: stamp() });
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
  const next = { ...current };
  // Stamp from the last to the first, so the list shows them in the order they came.
  for (const item of added.reverse()) next[item.productId] = { ...item, addedAt: stamp() };
  $wishlist.set(next);
  return added.length;
}

export function clearWishlist(): void {
  $wishlist.set({});
}

/** Replaces the whole list (the signed-in fan's server copy); what is not valid is dropped. */
export function replaceWishlist(items: readonly WishlistItem[]): void {
  $wishlist.set(toRecord(sanitizeItems(items)));
}

// Persistence: the storage follows `$config.storage`; another tab's writes flow in.
let storage: SafeStorage | undefined;
let stopWatching = (): void => {};
let applyingExternal = false;

function save(): void {
  if (applyingExternal || !storage) return;
  storage.write(STORAGE_KEY, { v: FORMAT_VERSION, items: $wishlistItems.get() });
}

function useStorage(kind: SafeStorage['kind']): void {
  if (storage?.kind === kind) return;
  stopWatching();
  const previous = $wishlistItems.get();
  storage = createStorage(kind);
  const stored = fromStorage(storage.read(STORAGE_KEY)) ?? [];
  // Switching storage keeps both lists: nothing saved in either is lost.
  const merged = toRecord([...previous, ...stored].reverse());
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
    $wishlist.set(toRecord(items));
    applyingExternal = false;
  });
}

if (typeof window !== 'undefined') {
  useStorage($config.get().storage);
  $config.listen((config) => useStorage(config.storage));
  $wishlist.listen(save);
}
