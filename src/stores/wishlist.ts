import { $config } from '../core/config.js';
import { createStorage, type SafeStorage } from '../core/storage.js';
import { warn } from '../core/warn.js';
import {
  describeProduct,
  rememberProducts,
  sanitizeProduct,
  type ProductInfo,
} from './products.js';
import {
  $wishlist,
  $wishlistCount,
  $wishlistItems,
  MAX_WISHLIST_ITEMS,
  adopt,
  isSaved,
  sanitizeItems,
  stamp,
  type WishlistItem,
} from './wishlist-store.js';

export {
  $wishlist,
  $wishlistCount,
  $wishlistItems,
  $wishlistSync,
  MAX_WISHLIST_ITEMS,
  isSaved,
  replaceWishlist,
  sanitizeItems,
  type SavedItem,
  type WishlistItem,
  type WishlistSyncStatus,
} from './wishlist-store.js';

export const STORAGE_KEY = 'vitrine:wishlist';
const FORMAT_VERSION = 1;

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

if (typeof window !== 'undefined') {
  useStorage($config.get().storage);
  $config.listen((config) => useStorage(config.storage));
  $wishlist.listen(save);
}
