/** Checks wishlist items from a request body: the contract's item shape, nothing else kept. */
import { badRequest, tooLarge } from './http.js';
import type { WishlistItem } from './storage.js';

export const MAX_ITEMS = 500;
const MAX_TEXT = 500;
const MAX_URL = 2048;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;
const CURRENCY = /^[A-Z]{3}$/;

function text(value: unknown, where: string, max = MAX_TEXT): string {
  if (typeof value !== 'string' || value === '' || value.length > max || CONTROL.test(value)) {
    throw badRequest(`${where} must be a string of 1 to ${max} characters.`);
  }
  return value;
}

function httpUrl(value: unknown, where: string): string {
  const candidate = text(value, where, MAX_URL);
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw badRequest(`${where} must be an absolute http(s) URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badRequest(`${where} must be an absolute http(s) URL.`);
  }
  return candidate;
}

function item(raw: unknown, where: string): WishlistItem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badRequest(`${where} must be an object.`);
  }
  const record = raw as Record<string, unknown>;
  const addedAt = record.addedAt;
  if (typeof addedAt !== 'number' || !Number.isFinite(addedAt) || addedAt < 0) {
    throw badRequest(`${where}.addedAt must be a time in ms since the epoch.`);
  }
  const clean: WishlistItem = { productId: text(record.productId, `${where}.productId`), addedAt };
  if (record.name !== undefined) clean.name = text(record.name, `${where}.name`);
  if (record.price !== undefined) {
    const price = record.price;
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) {
      throw badRequest(`${where}.price must be a number of 0 or more.`);
    }
    clean.price = price;
  }
  if (record.currency !== undefined) {
    if (typeof record.currency !== 'string' || !CURRENCY.test(record.currency)) {
      throw badRequest(`${where}.currency must be an ISO 4217 code like "EUR".`);
    }
    clean.currency = record.currency;
  }
  if (record.image !== undefined) clean.image = httpUrl(record.image, `${where}.image`);
  if (record.url !== undefined) clean.url = httpUrl(record.url, `${where}.url`);
  return clean;
}

/** The items of a body `{ "items": [...] }`; a product listed twice is kept once (the first). */
export function parseItems(body: unknown): WishlistItem[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (typeof body !== 'object' || Array.isArray(body) || !Array.isArray(items)) {
    throw badRequest('The body must be {"items": [...]}.');
  }
  if (items.length > MAX_ITEMS) throw tooLarge(`A wishlist holds at most ${MAX_ITEMS} items.`);
  const byProduct = new Map<string, WishlistItem>();
  items.forEach((raw, index) => {
    const clean = item(raw, `items[${index}]`);
    if (!byProduct.has(clean.productId)) byProduct.set(clean.productId, clean);
  });
  return [...byProduct.values()];
}
