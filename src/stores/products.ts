import { map } from 'nanostores';
import { CONTROL, safeUrl } from '../core/safe-url.js';
import { isCurrency } from '../core/i18n/index.js';

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

/** Records what a widget knows about a product, so other widgets (the wishlist panel) can show it. */
export function registerProduct(product: ProductInfo): void {
  const known = $products.get()[product.productId];
  const merged = { ...known, ...product };
  if (JSON.stringify(known) !== JSON.stringify(merged)) $products.setKey(product.productId, merged);
}
