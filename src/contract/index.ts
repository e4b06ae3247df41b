/**
 * The rules the widgets and the back end share, written once: what an id, a name, a price
 * and a URL may be, what a wishlist item holds, and how share links are spelt. Pure: no DOM,
 * no Node, no dependencies, so the browser build and `vitrine/server` both import it.
 */

/**
 * Characters never kept in an id, a name or a URL: C0 and C1 controls, DEL, the line and
 * paragraph separators (U+2028, U+2029: line breaks in JavaScript and JSON-P), the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: "gpj.exe" shown as
 * "exe.jpg"), and lone surrogates (half a character, which breaks encoders downstream).
 */
export const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\0-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROLS = new RegExp(`(?:${CONTROL.source})+`, 'g');

/** Campaign ids, in the campaigns file, the HTTP paths and the widgets' `campaign`. */
export const CAMPAIGN_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/**
 * Product ids, for a wishlist and a vote alike: a brand's SKUs (`M40712`), slugs
 * (`sac-lune`) and platform ids (`gid://shopify/Product/7982`).
 */
export const PRODUCT_ID = /^[A-Za-z0-9._:/@+-]{1,128}$/;

export const isCampaignId = (value: unknown): value is string =>
  typeof value === 'string' && CAMPAIGN_ID.test(value);

export const isProductId = (value: unknown): value is string =>
  typeof value === 'string' && PRODUCT_ID.test(value);

/**
 * Variant ids (a size, a leather, a colour: `38-noir`, a platform's
 * `gid://shopify/ProductVariant/4471`): the same characters as product ids.
 */
export const VARIANT_ID = PRODUCT_ID;

export const isVariantId = (value: unknown): value is string =>
  typeof value === 'string' && VARIANT_ID.test(value);

/** The longest product name kept. */
export const MAX_NAME = 200;
/** The longest URL kept. */
export const MAX_URL = 2048;
/** The most items one wishlist holds, on the device and on the server. */
export const MAX_WISHLIST_ITEMS = 500;
/** The most items one share link carries. */
export const MAX_SHARED_ITEMS = 100;

/**
 * Plain text as it is shown: every `CONTROL` run becomes a space, then the ends are trimmed;
 * at most `max` characters (never half a surrogate pair).
 */
export function cleanText(value: unknown, max = MAX_NAME): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(CONTROLS, ' ').trim();
  if (text === '') return undefined;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The ISO 4217 codes the runtime knows, where it can list them (`Intl.supportedValuesOf`). */
let currencies: Set<string> | undefined;

/**
 * Whether `code` is an ISO 4217 currency code: three capital letters, and one the runtime
 * knows where it can list them (`XYZ` is refused, not shown as a made-up currency).
 */
export const isCurrency = (code: unknown): code is string =>
  typeof code === 'string' &&
  /^[A-Z]{3}$/.test(code) &&
  (!Intl.supportedValuesOf ||
    (currencies ??= new Set(Intl.supportedValuesOf('currency'))).has(code));

/** The highest price kept: more than any piece costs, far less than `1e308`. */
export const MAX_PRICE = 1e9;

/** A price: an amount from 0 to `MAX_PRICE`. */
export const isPrice = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_PRICE;

/**
 * An absolute `http:` or `https:` URL, a relative one resolved against `base`, or `undefined`
 * for anything else: `javascript:`, `data:`, URLs hidden behind control characters,
 * unparsable input. Browsers strip tabs and newlines anywhere before parsing ("java\tscript:"
 * tricks), so any control character refuses the URL outright. An http(s) URL must spell its
 * `//` (`https:evil.example` is a different page with a base and without one), and may not
 * carry a user name or password (`https://maison.example@evil.example/`). What comes back is
 * the parsed `href`, the one spelling every reader agrees on.
 */
export function httpUrl(input: unknown, base?: string): string | undefined {
  if (typeof input !== 'string' || CONTROL.test(input)) return undefined;
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > MAX_URL) return undefined;
  // An input that names its scheme is an absolute http(s) URL, `//` and host included.
  if (/^[a-z][a-z\d+.-]*:/i.test(trimmed) && !/^https?:\/\/[^/\\]/i.test(trimmed)) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '' || url.href.length > MAX_URL) return undefined;
  return url.href;
}

/** The origin of an http(s) URL (`https://maison.example`), `undefined` for anything else. */
export function originOf(input: unknown): string | undefined {
  const href = httpUrl(input);
  return href === undefined ? undefined : new URL(href).origin;
}

/** Whether the http(s) URL `href` is on one of `origins` (scheme, host and port alike). */
export function isOnOrigins(href: string, origins: Iterable<string>): boolean {
  const origin = originOf(href);
  return origin !== undefined && [...origins].includes(origin);
}

/**
 * What is known of a product, or of one variant of it (a size, a leather): its ids, and what
 * the page or a list says of it. A product without `variantId` is the product itself.
 */
export interface ProductInfo {
  productId: string;
  /** The variant in the brand's catalogue; absent, the product itself. */
  variantId?: string;
  /** How the variant is shown ("Taille 38 · Noir"). */
  variantName?: string;
  /** `false` when the page says the piece cannot be bought now; absent, it can. */
  available?: boolean;
  name?: string;
  price?: number;
  /** ISO 4217; absent, the page's currency. */
  currency?: string;
  /** An absolute http(s) URL. */
  image?: string;
  /** An absolute http(s) URL. */
  url?: string;
}

/**
 * The one key of an item, the pair (product, variant): `sac-lune` for the product itself,
 * `sac-lune#38-noir` for a variant. `#` is in neither id, so two pairs never share a key.
 */
export const itemKey = (item: { productId: string; variantId?: string }): string =>
  item.variantId === undefined ? item.productId : `${item.productId}#${item.variantId}`;

/** A saved product, as the device, the share links and the server keep it. */
export interface WishlistItem extends ProductInfo {
  /** When the fan saved it, in ms since the epoch; lists show the newest first. */
  addedAt: number;
}

/** The fragment parameter of a share link that carries the list: `#vitrine-wishlist=…`. */
export const SHARE_PARAM = 'vitrine-wishlist';
/** The fragment parameter of a short share link from the back end: `#vitrine-shared=<id>`. */
export const SHORT_SHARE_PARAM = 'vitrine-shared';
/** A short link's id: 128 random bits, base64url. */
export const SHARED_LIST_ID = /^[A-Za-z0-9_-]{22}$/;

/** The value of fragment parameter `name` in `hash` (with or without `#`), if present. */
export function fragmentParam(hash: string, name: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${name}=`;
  return fragment
    .split('&')
    .find((piece) => piece.startsWith(prefix))
    ?.slice(prefix.length);
}

/**
 * Text a brand gives in several languages, `{"en": "Moon Bag", "fr": "Sac Lune"}`, or one
 * string for every language.
 */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** The most languages one text is given in. */
export const MAX_LOCALES = 32;
/** A language tag as a brand writes it: `en`, `fr`, `zh-Hans`, `pt-BR`. */
export const LOCALE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;

/**
 * A `LocalizedText` from outside: a string cleaned as `cleanText` does, or an object of
 * language tags to strings (at most `MAX_LOCALES`), each cleaned; what is not is dropped.
 * `undefined` when nothing is left.
 */
export function readLocalizedText(value: unknown, max = MAX_NAME): LocalizedText | undefined {
  if (typeof value === 'string') return cleanText(value, max);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const texts: Record<string, string> = {};
  for (const [tag, text] of Object.entries(value).slice(0, MAX_LOCALES)) {
    const clean = LOCALE_TAG.test(tag) ? cleanText(text, max) : undefined;
    if (clean !== undefined) texts[tag] = clean;
  }
  return Object.keys(texts).length > 0 ? Object.freeze(texts) : undefined;
}
