/**
 * Checks wishlist items from a request body against the contract's item shape, nothing else
 * kept. Where the widgets clean what they are given, the server refuses it, naming the field.
 */
import {
  CONTROL,
  MAX_NAME,
  MAX_URL,
  MAX_WISHLIST_ITEMS,
  PRODUCT_ID,
  httpUrl,
  isCurrency,
  isPrice,
  isProductId,
  type WishlistItem,
} from '../src/contract/index.js';
import { badRequest, tooLarge } from './http.js';

function name(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_NAME || CONTROL.test(value)) {
    throw badRequest(`${where} must be 1 to ${MAX_NAME} characters, none of them a control.`);
  }
  return value;
}

function absoluteUrl(value: unknown, where: string): string {
  const url = httpUrl(value);
  if (url === undefined) {
    throw badRequest(`${where} must be an absolute http(s) URL of at most ${MAX_URL} characters.`);
  }
  return url;
}

function item(raw: unknown, where: string): WishlistItem {
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
  if (record.name !== undefined) clean.name = name(record.name, `${where}.name`);
  if (record.price !== undefined) {
    if (!isPrice(record.price)) throw badRequest(`${where}.price must be a number of 0 or more.`);
    clean.price = record.price;
  }
  if (record.currency !== undefined) {
    if (!isCurrency(record.currency)) {
      throw badRequest(`${where}.currency must be an ISO 4217 code like "EUR".`);
    }
    clean.currency = record.currency;
  }
  if (record.image !== undefined) clean.image = absoluteUrl(record.image, `${where}.image`);
  if (record.url !== undefined) clean.url = absoluteUrl(record.url, `${where}.url`);
  return clean;
}

/** The items of a body `{ "items": [...] }`; a product listed twice is kept once (the first). */
export function parseItems(body: unknown): WishlistItem[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (typeof body !== 'object' || Array.isArray(body) || !Array.isArray(items)) {
    throw badRequest('The body must be {"items": [...]}.');
  }
  if (items.length > MAX_WISHLIST_ITEMS) {
    throw tooLarge(`A wishlist holds at most ${MAX_WISHLIST_ITEMS} items.`);
  }
  const byProduct = new Map<string, WishlistItem>();
  items.forEach((raw, index) => {
    const clean = item(raw, `items[${index}]`);
    if (!byProduct.has(clean.productId)) byProduct.set(clean.productId, clean);
  });
  return [...byProduct.values()];
}
