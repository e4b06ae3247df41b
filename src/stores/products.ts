import { onDevice } from '../core/device.js';
import { map } from 'nanostores';
import { safeUrl } from '../core/safe-url.js';
import { warn } from '../core/warn.js';
import { onUnlessOff, textAttribute, warnAttribute } from '../core/attributes.js';
import { localize, type Locale } from '../core/i18n/index.js';
import type { Advice, Dropped, ProductAttributes } from './product-advice.js';
import {
  MAX_NAME,
  MAX_PRICE,
  cleanText,
  isCampaignId,
  isCurrency,
  isPrice,
  isProductId,
  isVariantId,
  itemKey,
  type ProductInfo,
} from '../contract/index.js';

export { isCampaignId, isProductId, isVariantId, itemKey, MAX_NAME, type ProductInfo };
export type { ProductAttributes };

/** Products `sanitizeProduct` made: checked once, frozen, passed on as they are. */
const checked = new WeakSet<ProductInfo>();

/**
 * The one gate for a product from outside (attributes, feeds, storage, share links, the
 * back end): keeps what is valid and drops the rest, so a bad image URL costs the picture,
 * not the product. Returns `undefined` only without a usable id. What it returns is frozen
 * and passes through it again at no cost, so a product is checked once however many
 * widgets it travels through.
 */
export function sanitizeProduct(raw: unknown): ProductInfo | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  if (checked.has(raw as ProductInfo)) return raw as ProductInfo;
  const record = raw as Record<string, unknown>;
  if (!isProductId(record.productId)) return undefined;
  const product: ProductInfo = { productId: record.productId };
  // A variant id that is not one would make a different item: the product itself is kept.
  if (isVariantId(record.variantId)) {
    product.variantId = record.variantId;
    const variantName = cleanText(record.variantName, MAX_NAME);
    if (variantName) product.variantName = variantName;
  }
  if (typeof record.available === 'boolean') product.available = record.available;
  const name = cleanText(record.name, MAX_NAME);
  if (name) product.name = name;
  if (isPrice(record.price)) product.price = record.price;
  if (isCurrency(record.currency)) product.currency = record.currency;
  const image = safeUrl(record.image);
  if (image) product.image = image;
  const url = safeUrl(record.url);
  if (url) product.url = url;
  checked.add(Object.freeze(product));
  return product;
}

/**
 * Reads a widget's product attributes with the same rules as `sanitizeProduct`, telling the
 * marketer about each value it drops (never throwing). A `name` given in several languages
 * is read in `locale`. Returns `undefined`, after a warning, without a usable id. The words of
 * those warnings load only when a value is dropped (product-advice.ts).
 */
export function productFromAttributes(
  tag: string,
  attributes: ProductAttributes,
  locale: Locale = 'en',
): ProductInfo | undefined {
  const id = attributes.productId.trim();
  if (!isProductId(id)) {
    adviseOn((advice) => [advice.noProductId(tag, attributes.productId)], tag);
    return undefined;
  }
  const price = attributes.price === '' ? undefined : Number(attributes.price);
  // Named with its product, so the marketer finds the one card in a grid of a hundred.
  const onProduct = `${tag} product-id="${id}"`;
  const variantId = (attributes.variantId ?? '').trim();
  const variantName = attributes.variantName ?? '';
  const product = sanitizeProduct({
    productId: id,
    variantId: variantId || undefined,
    variantName,
    available: onUnlessOff(tag, 'available', attributes.available ?? null),
    name: localize(textAttribute(onProduct, 'name', attributes.name), locale),
    price,
    currency: attributes.currency || undefined,
    image: attributes.image || undefined,
    url: attributes.url || undefined,
  })!;
  const dropped: Dropped = {
    variantId: variantId !== '' && !isVariantId(variantId),
    variantName: variantName.trim() !== '' && !isVariantId(variantId),
    price:
      price === undefined || product.price !== undefined
        ? undefined
        : !Number.isFinite(price)
          ? 'not-a-number'
          : price < 0
            ? 'negative'
            : 'too-large',
    currency: attributes.currency !== '' && product.currency === undefined,
    image: attributes.image !== '' && product.image === undefined,
    url: attributes.url !== '' && product.url === undefined,
  };
  if (Object.values(dropped).some(Boolean)) {
    adviseOn(
      (advice) => advice.productAdvice(onProduct, attributes, dropped, MAX_PRICE),
      onProduct,
    );
  }
  return product;
}

/**
 * Gives the warnings `say` words, once the words have loaded (product-advice.ts: only a page
 * with a dropped value fetches them).
 */
function adviseOn(
  say: (advice: typeof import('./product-advice.js')) => Advice[],
  on: string,
): void {
  import('./product-advice.js').then(
    (advice) => {
      for (const said of say(advice)) {
        if (typeof said === 'string') warn(said);
        else warnAttribute(on, said.name, said.value, said.advice);
      }
    },
    () => warn(`<${on}> has product attributes it cannot use; they are left out.`),
  );
}

/**
 * What the page knows of each product and variant, by `itemKey` (`sac-lune`,
 * `sac-lune#38-noir`): what its widgets describe, over what saved lists remember. The one
 * copy of a product's details: the wishlist keeps ids and dates.
 */
export const $products = map<Record<string, ProductInfo | undefined>>({});
// What this page and this device learnt: a server knows only what an element says itself.
onDevice($products, {});

/** What widgets described since the last write to `$products`. */
let described: Map<string, ProductInfo> | undefined;

const same = (a: ProductInfo, b: ProductInfo) =>
  Object.keys(a).length === Object.keys(b).length &&
  (Object.keys(a) as (keyof ProductInfo)[]).every((key) => a[key] === b[key]);

/**
 * Writes products into `$products` as one change: each on top of what was known (`over`), or
 * under it, filling only what was not known. A variant also tells what was not known of its
 * product (its name, for a leaderboard that counts votes per product).
 */
function record(products: Iterable<ProductInfo>, over: boolean): void {
  const current = $products.get();
  let next: typeof current | undefined;
  const write = (key: string, product: ProductInfo, on: boolean) => {
    const known = (next ?? current)[key];
    const merged = known ? (on ? { ...known, ...product } : { ...product, ...known }) : product;
    if (known && same(merged, known)) return;
    next ??= { ...current };
    // Frozen: every widget reads the same copy, and none can change it for the others.
    next[key] = Object.freeze(merged);
  };
  for (const product of products) {
    write(itemKey(product), product, over);
    if (product.variantId !== undefined) {
      const { variantId: _id, variantName: _name, available: _available, ...base } = product;
      write(product.productId, base, false);
    }
  }
  if (next) $products.set(next);
}

/**
 * Records what a widget knows about a product (validated), so other widgets (the wishlist
 * panel) show it. A grid of a thousand cards describes a thousand products in one go: they
 * reach `$products` together at the end of the current task's microtasks, as one change (a
 * key at a time, the store would be copied a thousand times).
 */
export function registerProduct(product: ProductInfo): void {
  if (!described) {
    const batch = (described = new Map());
    queueMicrotask(() => {
      described = undefined;
      record(batch.values(), true);
    });
  }
  const key = itemKey(product);
  const before = described.get(key);
  described.set(key, before ? { ...before, ...product } : product);
}

/** Records a product now (a shopper saved it): the details win over what was known. */
export const describeProduct = (product: ProductInfo): void => record([product], true);

/**
 * Records what a saved list remembers of its products (the device's storage, the account,
 * a share link): it fills in what the page has not said, and never overrides it.
 */
export const rememberProducts = (products: readonly ProductInfo[]): void => record(products, false);
