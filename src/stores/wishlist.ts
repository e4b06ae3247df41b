import { $config } from '../core/config.js';
import { createStorage, type SafeStorage } from '../core/storage.js';
import { warn } from '../core/warn.js';
import {
  describeProduct,
  itemKey,
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
  savedItem,
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

/** Adds a product (or one variant of it); returns false when the list is full (the shopper is told by the widget). */
export function addToWishlist(product: ProductInfo): boolean {
  const clean = sanitizeProduct(product);
  if (!clean) {
    warn(
      `cannot save a product without a valid product-id (${JSON.stringify(product?.productId)}).`,
    );
    return false;
  }
  const key = itemKey(clean);
  const saved = isSaved(clean.productId, clean.variantId);
  if (!saved && $wishlistCount.get() >= MAX_WISHLIST_ITEMS) {
    warn(`the wishlist is full (${MAX_WISHLIST_ITEMS} items); "${key}" was not added.`);
    return false;
  }
  describeProduct(clean);
  if (!saved) $wishlist.setKey(key, savedItem(clean.productId, clean.variantId, stamp()));
  return true;
}

/** Removes the product (or, with `variantId`, that variant only: its other sizes stay). */
export function removeFromWishlist(productId: string, variantId?: string): void {
  $wishlist.setKey(itemKey({ productId, variantId }), undefined);
}

/** Saves or unsaves a product or variant; returns whether it is saved afterwards. */
export function toggleWishlist(product: ProductInfo): boolean {
  if (isSaved(product.productId, product.variantId)) {
    removeFromWishlist(product.productId, product.variantId);
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
    const key = clean && itemKey(clean);
    if (clean && key && !current[key] && !fresh.has(key)) fresh.set(key, clean);
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
  for (const { productId, variantId } of added.reverse()) {
    next[itemKey({ productId, variantId })] = savedItem(productId, variantId, stamp());
  }
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
