import { map } from 'nanostores';
import { CONTROL, safeUrl } from '../core/safe-url.js';
import { isCurrency } from '../core/i18n/index.js';
import { warn } from '../core/warn.js';

/** What a widget knows about a product, all of it from untrusted attributes or feeds. */
export interface ProductInfo {
  productId: string;
  name?: string;
  price?: number;
  currency?: string;
  /** Always an absolute http(s) URL (checked by `safeUrl`). */
  image?: string;
  /** Always an absolute http(s) URL (checked by `safeUrl`). */
  url?: string;
}

export const MAX_PRODUCT_ID = 128;
export const MAX_NAME = 200;

export function isProductId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim() !== '' &&
    value.length <= MAX_PRODUCT_ID &&
    !CONTROL.test(value)
  );
}

/** What a campaign id may look like (the back end's rule too). */
const CAMPAIGN_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function isCampaignId(value: unknown): value is string {
  return typeof value === 'string' && CAMPAIGN_ID.test(value);
}

/**
 * Keeps what is valid of an untrusted product record and drops the rest: a bad image URL
 * costs the picture, not the product. Returns `undefined` only without a usable id.
 */
export function sanitizeProduct(raw: unknown): ProductInfo | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  if (!isProductId(record.productId)) return undefined;
  const product: ProductInfo = { productId: record.productId };
  if (typeof record.name === 'string' && record.name.trim() !== '') {
    product.name = record.name
      .replace(new RegExp(CONTROL.source, 'g'), ' ')
      .trim()
      .slice(0, MAX_NAME);
  }
  if (typeof record.price === 'number' && Number.isFinite(record.price) && record.price >= 0) {
    product.price = record.price;
  }
  if (isCurrency(record.currency)) product.currency = record.currency;
  const image = safeUrl(record.image);
  if (image) product.image = image;
  const url = safeUrl(record.url);
  if (url) product.url = url;
  return product;
}

/** Products the page has described through widget attributes, by id. */
export const $products = map<Record<string, ProductInfo | undefined>>({});

/** What widgets described since the last write to `$products`. */
let described: Map<string, ProductInfo> | undefined;

/** Writes what widgets described, all at once: one copy of the store, one notification. */
function writeDescribed(): void {
  const next = { ...$products.get() };
  let changed = false;
  for (const [id, product] of described!) {
    const merged = { ...next[id], ...product };
    if (JSON.stringify(next[id]) !== JSON.stringify(merged)) {
      next[id] = merged;
      changed = true;
    }
  }
  described = undefined;
  if (changed) $products.set(next);
}

/**
 * Records what a widget knows about a product, so other widgets (the wishlist panel) can show
 * it. A grid of a thousand cards describes a thousand products in one go: they reach
 * `$products` together at the end of the current task's microtasks, as one change (a key at
 * a time, the store would be copied a thousand times).
 */
export function registerProduct(product: ProductInfo): void {
  if (!described) {
    described = new Map();
    queueMicrotask(writeDescribed);
  }
  described.set(product.productId, { ...described.get(product.productId), ...product });
}

/** A product as HTML attributes give it: every value a string, any of them wrong. */
export interface ProductAttributes {
  productId: string;
  name: string;
  price: string;
  currency: string;
  image: string;
  url: string;
}

/**
 * Validates a widget's product attributes: each bad one is dropped with a warning naming
 * the element, never thrown. Returns `undefined` (after a warning) without a usable id.
 */
export function productFromAttributes(
  tag: string,
  attributes: ProductAttributes,
): ProductInfo | undefined {
  const id = attributes.productId.trim();
  if (!isProductId(id)) {
    warn(
      `<${tag}> needs a product-id (got ${JSON.stringify(attributes.productId)}); it is disabled.`,
    );
    return undefined;
  }
  const product: ProductInfo = { productId: id };
  const ignore = (attribute: string, value: string, expected: string) =>
    warn(`${attribute}="${value}" on product "${id}" is not ${expected}; ignored.`);
  const name = attributes.name.trim();
  if (name) product.name = name.replace(new RegExp(CONTROL.source, 'g'), ' ').slice(0, MAX_NAME);
  if (attributes.price !== '') {
    const amount = Number(attributes.price);
    if (Number.isFinite(amount) && amount >= 0) product.price = amount;
    else ignore('price', attributes.price, 'a number');
  }
  if (attributes.currency !== '') {
    if (isCurrency(attributes.currency)) product.currency = attributes.currency;
    else ignore('currency', attributes.currency, 'an ISO 4217 code (the page currency is used)');
  }
  for (const key of ['image', 'url'] as const) {
    if (attributes[key] === '') continue;
    const safe = safeUrl(attributes[key]);
    if (safe) product[key] = safe;
    else ignore(key, attributes[key], 'an http(s) URL');
  }
  return product;
}
