/**
 * Checks wishlist items from a request body against the contract's item shape, nothing else
 * kept. Where the widgets clean what they are given, the server refuses it, naming the field.
 *
 * A list is shown on the brand's own pages (a shared one to anyone who opens its link), so
 * what it links to and what it shows are the brand's: an item's `url` must be on one of the
 * brand's origins, its `image` on one of those or of the image origins (a CDN).
 */
import {
  CONTROL,
  MAX_NAME,
  MAX_URL,
  MAX_WISHLIST_ITEMS,
  PRODUCT_ID,
  httpUrl,
  isCurrency,
  isOnOrigins,
  isPrice,
  isProductId,
  isVariantId,
  itemKey,
  MAX_PRICE,
  VARIANT_ID,
  type WishlistItem,
} from '../src/contract/index.js';
import { badRequest, tooLarge } from './http.js';

/** Where an item's links and pictures may point. */
export interface ItemOrigins {
  /** The brand's origins: product pages. */
  links: ReadonlySet<string>;
  /** The brand's origins and its image origins: product pictures. */
  images: ReadonlySet<string>;
}

function name(value: unknown, where: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '' || text.length > MAX_NAME || CONTROL.test(text)) {
    throw badRequest(
      `${where} must be 1 to ${MAX_NAME} characters, none of them a control, line separator or bidi override.`,
    );
  }
  return text;
}

function brandUrl(value: unknown, where: string, origins: ReadonlySet<string>): string {
  const url = httpUrl(value);
  if (url === undefined) {
    throw badRequest(
      `${where} must be an absolute http(s) URL of at most ${MAX_URL} characters, without user or password.`,
    );
  }
  if (!isOnOrigins(url, origins)) {
    throw badRequest(
      origins.size === 0
        ? `${where} must be on one of the brand's origins, and the server lists none (--origin).`
        : `${where} must be on one of ${[...origins].join(', ')}.`,
    );
  }
  return url;
}

function item(raw: unknown, where: string, origins: ItemOrigins): WishlistItem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badRequest(`${where} must be an object.`);
  }
  const record = raw as Record<string, unknown>;
  if (!isProductId(record.productId)) {
    throw badRequest(`${where}.productId must match ${PRODUCT_ID}.`);
  }
  const addedAt = record.addedAt;
  if (typeof addedAt !== 'number' || !Number.isFinite(addedAt) || addedAt < 0) {
    throw badRequest(`${where}.addedAt must be a time in ms since the epoch.`);
  }
  const clean: WishlistItem = { productId: record.productId, addedAt };
  if (record.variantId !== undefined) {
    if (!isVariantId(record.variantId)) {
      throw badRequest(`${where}.variantId must match ${VARIANT_ID}.`);
    }
    clean.variantId = record.variantId;
    if (record.variantName !== undefined) {
      clean.variantName = name(record.variantName, `${where}.variantName`);
    }
  } else if (record.variantName !== undefined) {
    throw badRequest(`${where}.variantName needs a variantId beside it.`);
  }
  if (record.name !== undefined) clean.name = name(record.name, `${where}.name`);
  if (record.price !== undefined) {
    if (!isPrice(record.price)) {
      throw badRequest(`${where}.price must be a number from 0 to ${MAX_PRICE}.`);
    }
    clean.price = record.price;
  }
  if (record.currency !== undefined) {
    if (!isCurrency(record.currency)) {
      throw badRequest(`${where}.currency must be a known ISO 4217 code like "EUR".`);
    }
    clean.currency = record.currency;
  }
  if (record.image !== undefined) {
    clean.image = brandUrl(record.image, `${where}.image`, origins.images);
  }
  if (record.url !== undefined) clean.url = brandUrl(record.url, `${where}.url`, origins.links);
  return clean;
}

/**
 * The items of a body `{ "items": [...] }`, at most `max`; an item (a product, or one variant
 * of it) listed twice is kept once (the first). Two variants of a product are two items.
 */
export function parseItems(
  body: unknown,
  origins: ItemOrigins,
  max = MAX_WISHLIST_ITEMS,
): WishlistItem[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (typeof body !== 'object' || Array.isArray(body) || !Array.isArray(items)) {
    throw badRequest('The body must be {"items": [...]}.');
  }
  if (items.length > max) throw tooLarge(`This list holds at most ${max} items.`);
  const byItem = new Map<string, WishlistItem>();
  items.forEach((raw, index) => {
    const clean = item(raw, `items[${index}]`, origins);
    if (!byItem.has(itemKey(clean))) byItem.set(itemKey(clean), clean);
  });
  return [...byItem.values()];
}

/**
 * Items read back, held to today's rule: a list stored before it (or by another writer of
 * the same database) loses the links and pictures it may no longer show.
 */
export function keepToOrigins(items: WishlistItem[], origins: ItemOrigins): WishlistItem[] {
  return items.map((stored) => {
    const { url, image, ...rest } = stored;
    const kept: WishlistItem = rest;
    if (url !== undefined && isOnOrigins(url, origins.links)) kept.url = url;
    if (image !== undefined && isOnOrigins(image, origins.images)) kept.image = image;
    return kept;
  });
}
