import { isOnOrigins, type ProductInfo } from '../contract/index.js';
import { $config } from './config.js';

/**
 * What a list someone else made (a shared wishlist, a feed's hotspots) may put on the
 * brand's page: links to the page's own origin only, pictures from it or from the
 * `image-origins` of `<vitrine-config>`. Anyone can make a share link, so a link to a
 * look-alike shop or a tracking pixel in it would otherwise show in the house's style.
 */
export function onBrandOrigins(product: ProductInfo): ProductInfo {
  const own = typeof location === 'undefined' ? [] : [location.origin];
  const linkOk = product.url === undefined || isOnOrigins(product.url, own);
  const imageOk =
    product.image === undefined ||
    isOnOrigins(product.image, [...own, ...$config.get().imageOrigins]);
  if (linkOk && imageOk) return product;
  const { url, image, ...rest } = product;
  return {
    ...rest,
    ...(linkOk && url !== undefined && { url }),
    ...(imageOk && image !== undefined && { image }),
  };
}

/** The products, each kept to the brand's origins, and whether any lost a link or picture. */
export function keepToBrandOrigins(products: readonly ProductInfo[]): {
  products: ProductInfo[];
  stripped: number;
} {
  let stripped = 0;
  const kept = products.map((product) => {
    const safe = onBrandOrigins(product);
    if (safe !== product) stripped += 1;
    return safe;
  });
  return { products: kept, stripped };
}
