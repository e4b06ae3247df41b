import { isOnOrigins, type ProductInfo } from '../contract/index.js';
import { $config } from './config.js';

/**
 * What a list someone else made (a shared wishlist, a feed's hotspots) may put on the
 * brand's page: links to the page's own origin only, pictures from it or from the
 * `image-origins` of `<vitrine-config>`. Anyone can make a share link, so a link to a
 * look-alike shop or a tracking pixel in it would otherwise show in the house's style.
 * Returns `product` itself when it keeps everything, else a copy without what it may not.
 */
export function onBrandOrigins(product: ProductInfo): ProductInfo {
  const own = [location.origin];
  const { url, image } = product;
  const dropUrl = url !== undefined && !isOnOrigins(url, own);
  const dropImage =
    image !== undefined && !isOnOrigins(image, [...own, ...$config.get().imageOrigins]);
  if (!dropUrl && !dropImage) return product;
  const kept = { ...product };
  if (dropUrl) delete kept.url;
  if (dropImage) delete kept.image;
  return kept;
}
