/**
 * What a widget's product attributes got wrong, in words: loaded only when one of its values
 * was dropped (see `productFromAttributes`). It imports nothing, so that the words alone load.
 */
import type { AttributeAdvice } from '../core/attributes.js';

/** A product as HTML attributes give it: every value a string, any of them wrong. */
export interface ProductAttributes {
  productId: string;
  variantId?: string;
  variantName?: string;
  /** As written, `null` when absent (available). */
  available?: string | null;
  name: string;
  price: string;
  currency: string;
  image: string;
  url: string;
}

/** What was dropped of a product's attributes, and why a price was. */
export interface Dropped {
  variantId: boolean;
  variantName: boolean;
  price: 'negative' | 'too-large' | 'not-a-number' | undefined;
  currency: boolean;
  image: boolean;
  url: boolean;
}

/** A warning to give: in words, or about one attribute (see `warnAttribute`). */
export type Advice = string | { name: string; value: string; advice: AttributeAdvice };

/**
 * The warnings for what was dropped of `attributes` on a widget named `onProduct`
 * (`vitrine-wishlist-button product-id="sac-lune"`), in the order of the attributes.
 */
export function productAdvice(
  onProduct: string,
  attributes: ProductAttributes,
  dropped: Dropped,
  maxPrice: number,
): Advice[] {
  const said: Advice[] = [];
  if (dropped.variantId) {
    said.push({
      name: 'variant-id',
      value: attributes.variantId ?? '',
      advice: {
        expected: 'a variant id of letters, digits and . _ : / @ + - (up to 128)',
        instead: 'the product itself is saved, without a variant',
        example: 'variant-id="38-noir"',
      },
    });
  }
  if (dropped.variantName) {
    said.push(`<${onProduct}> variant-name needs a variant-id beside it; it is not shown.`);
  }
  if (dropped.price) {
    const expected = {
      negative: 'a price of zero or more',
      'too-large': `a price up to ${maxPrice}`,
      'not-a-number': 'a plain number (digits, and a dot before the cents)',
    }[dropped.price];
    said.push({
      name: 'price',
      value: attributes.price,
      advice: { expected, instead: 'no price is shown', example: 'price="1250.00"' },
    });
  }
  if (dropped.currency) {
    said.push({
      name: 'currency',
      value: attributes.currency,
      advice: {
        expected: 'an ISO 4217 currency code',
        instead: "the page's currency is used",
        example: 'currency="EUR"',
      },
    });
  }
  for (const key of ['image', 'url'] as const) {
    if (!dropped[key]) continue;
    said.push({
      name: key,
      value: attributes[key],
      advice: {
        expected: 'an http(s) address',
        instead: key === 'image' ? 'no picture is shown' : 'no link is shown',
        example: `${key}="https://example.com/${key === 'image' ? 'sac-lune.jpg' : 'sac-lune'}"`,
      },
    });
  }
  return said;
}

/** What to say of a widget without a usable product-id (`got`, as written). */
export const noProductId = (tag: string, got: string): string =>
  `<${tag}> needs a product-id of letters, digits and . _ : / @ + - (got ${JSON.stringify(got)}); it is disabled. Write product-id="sac-lune", for example.`;
