import { addToWishlist, type ProductInfo } from 'vitrine/stores';

/** Product pictures bundled with the stories, so nothing is fetched from the network. */
export const images = {
  handbag: new URL('./assets/handbag.svg', import.meta.url).href,
  scarf: new URL('./assets/scarf.svg', import.meta.url).href,
  perfume: new URL('./assets/perfume.svg', import.meta.url).href,
  loafer: new URL('./assets/loafer.svg', import.meta.url).href,
};

const shop = 'https://maison.example/products/';

export const handbag = {
  productId: 'bag-hermine-01',
  name: 'Hermine top-handle bag',
  price: 2450,
  currency: 'EUR',
  image: images.handbag,
  url: `${shop}hermine`,
} satisfies ProductInfo;

export const products = [
  handbag,
  {
    productId: 'scarf-riviera-90',
    name: 'Riviera silk twill scarf 90',
    price: 495,
    currency: 'EUR',
    image: images.scarf,
    url: `${shop}riviera`,
  },
  {
    productId: 'parfum-nuit-50',
    name: 'Nuit d’Ambre eau de parfum 50 ml',
    price: 185,
    currency: 'EUR',
    image: images.perfume,
    url: `${shop}nuit-ambre`,
  },
] satisfies ProductInfo[];

/** A name that no layout expects: it must wrap, never overflow or push the buttons out. */
export const overcoat = {
  productId: 'coat-long-name',
  name: 'Double-breasted cashmere and vicuña overcoat with hand-stitched horn buttons, detachable shearling collar and contrast silk lining — Autumn/Winter capsule collection, numbered edition',
  price: 12900,
  currency: 'EUR',
  image: images.scarf,
  url: `${shop}overcoat`,
} satisfies ProductInfo;

export const longNamedProducts = [
  overcoat,
  {
    productId: 'loafer-long-name',
    name: 'Loafer_in_hand-burnished_calfskin_with_gold-tone_horsebit_and_leather_sole_made_in_Italy',
    price: 890,
    currency: 'EUR',
    image: images.loafer,
  },
] satisfies ProductInfo[];

/** Saves products in the given order, so the first one ends up at the top of the list. */
export function saveAll(list: readonly ProductInfo[]): void {
  for (const product of [...list].reverse()) addToWishlist(product);
}

/** A shoe in two sizes: two items, each shown with its size. */
export const loaferSizes = [
  {
    productId: 'loafer-arles',
    variantId: '39-noir',
    variantName: 'Taille 39 · Noir',
    name: 'Arles horsebit loafer',
    price: 890,
    currency: 'EUR',
    image: images.loafer,
  },
  {
    productId: 'loafer-arles',
    variantId: '41-noir',
    variantName: 'Taille 41 · Noir',
    name: 'Arles horsebit loafer',
    price: 890,
    currency: 'EUR',
    image: images.loafer,
  },
] satisfies ProductInfo[];

/** A piece the page marks unavailable: saved, it says so and offers no bag. */
export const soldOutScarf = {
  productId: 'scarf-riviera-90',
  name: 'Riviera silk twill scarf 90',
  price: 495,
  currency: 'EUR',
  image: images.scarf,
  available: false,
} satisfies ProductInfo;

/**
 * The brand's cart, as a story plays it: answers every `vitrine-add-to-bag` with `done(ok)`,
 * or leaves it waiting (`'wait'`) to show the adding state. Returns the listener's removal.
 */
export function answerBag(answer: boolean | 'wait'): () => void {
  const listener = (event: Event) => {
    const { detail } = event as CustomEvent<{ done: (ok: boolean) => void }>;
    if (answer !== 'wait') detail.done(answer);
  };
  document.addEventListener('vitrine-add-to-bag', listener);
  return () => document.removeEventListener('vitrine-add-to-bag', listener);
}
