/** How the wishlist family names and marks a piece: its variant, and whether it can be bought. */
import { html, nothing } from 'lit';
import { translate, type Locale } from '../core/i18n/index.js';
import type { ProductInfo } from '../stores/products.js';

/** The piece's name with its variant, for accessible names: "Sac Lune, Taille 38 · Noir". */
export function pieceName(locale: Locale, piece: ProductInfo | undefined, name: string): string {
  const variant = piece?.variantName;
  return variant ? translate(locale, 'wishlist.variant', { name, variant }) : name;
}

export const renderVariant = (piece: ProductInfo) =>
  piece.variantName ? html`<span part="variant">${piece.variantName}</span>` : nothing;

export const renderUnavailable = (piece: ProductInfo, text: string) =>
  piece.available === false ? html`<span part="unavailable">${text}</span>` : nothing;
