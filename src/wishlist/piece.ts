/** How the wishlist family names a piece: with its variant, for accessible names. */
import { translate, type Locale } from '../core/i18n/index.js';
import type { ProductInfo } from '../stores/products.js';

/** The piece's name with its variant, for accessible names: "Sac Lune, Taille 38 · Noir". */
export function pieceName(locale: Locale, piece: ProductInfo | undefined, name: string): string {
  const variant = piece?.variantName;
  return variant ? translate(locale, 'wishlist.variant', { name, variant }) : name;
}
