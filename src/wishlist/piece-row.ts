/** A piece as the lists show it: `<vitrine-wishlist>` and `<vitrine-shared-wishlist>`. */
import { html, nothing } from 'lit';
import type { ProductInfo } from '../stores/products.js';

/** What a list row says of its piece, besides it. */
export interface PieceRow {
  /** The price, formatted in the page's language. */
  price: string | undefined;
  /** The words for a piece that can no longer be bought. */
  unavailable: string;
  /** Whether the row offers the bag (`<vitrine-config bag>`). */
  bag: boolean;
  /** The list the row belongs to, for `vitrine-add-to-bag`'s `source`. */
  source: 'wishlist' | 'shared-wishlist';
}

/**
 * A piece in a list (`<vitrine-wishlist>`, `<vitrine-shared-wishlist>`): its picture, its name
 * (a link to its page when it has one), price, variant, availability and the bag. Each list
 * adds its own control after it.
 */
export function renderPiece(piece: ProductInfo, row: PieceRow) {
  const name = piece.name ?? piece.productId;
  return html`${
      piece.image
        ? html`<img part="image" src=${piece.image} alt="" loading="lazy" decoding="async" />`
        : html`<span part="image"></span>`
    }
    <div>
      ${
        piece.url
          ? html`<a part="name" class="name" href=${piece.url}>${name}</a>`
          : html`<span part="name" class="name">${name}</span>`
      }
      ${row.price !== undefined ? html`<span part="price">${row.price}</span>` : nothing}
      ${piece.variantName ? html`<span part="variant">${piece.variantName}</span>` : nothing}
      ${piece.available === false ? html`<span part="unavailable">${row.unavailable}</span>` : nothing}
      ${
        row.bag && piece.available !== false
          ? html`<vitrine-add-to-bag
              part="add-to-bag"
              exportparts="button: add-to-bag-button"
              source=${row.source}
              .items=${[piece]}
            ></vitrine-add-to-bag>`
          : nothing
      }
    </div>`;
}
