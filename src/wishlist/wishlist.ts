import { html, nothing, type PropertyDeclarations } from 'lit';
import { emit } from '../core/events.js';
import { StoreController } from '../core/store-controller.js';
import { headingLevel } from '../core/attributes.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { visuallyHidden } from '../core/tokens.styles.js';
import {
  $wishlistCount,
  $wishlistItems,
  removeFromWishlist,
  type WishlistItem,
} from '../stores/wishlist.js';
import { styles } from './wishlist.styles.js';
import { pieceName } from './piece.js';
import { renderPiece } from './piece-row.js';
import { VitrineAddToBag } from './add-to-bag.js';
import { includeMessages } from '../core/i18n/index.js';
import { wishlistMessages } from './messages/index.js';

includeMessages(wishlistMessages);

/**
 * @tag vitrine-wishlist
 * @summary The shopper's saved items (image, name, price, link, remove), an empty state and
 * a share button.
 *
 * @slot heading - Replaces the heading text.
 * @slot empty - Replaces the empty-state message.
 *
 * @fires vitrine-add-to-bag - With `bag`: the shopper asked for one piece or all of them; cancelable. Detail `{items, source: 'wishlist', done(ok)}`.
 * @fires vitrine-wishlist-change - The shopper removed an item. Detail `{productId, variantId?, saved: false, count}`.
 *
 * @csspart header - The row with the heading and the share button.
 * @csspart heading - The heading.
 * @csspart list - The list of items.
 * @csspart item - One saved item.
 * @csspart image - An item's image.
 * @csspart name - An item's name (a link when the item has a URL).
 * @csspart price - An item's price.
 * @csspart variant - An item's variant ("Taille 38 · Noir"), when it has one.
 * @csspart unavailable - "Currently unavailable", on a piece the page marked `available="false"`.
 * @csspart remove - An item's remove button.
 * @csspart add-to-bag - An item's `<vitrine-add-to-bag>`, with `bag` on `<vitrine-config>` (its button: `add-to-bag-button`).
 * @csspart add-all - The "Add all to bag" `<vitrine-add-to-bag>`, with `bag` (its button: `add-all-button`).
 * @csspart empty - The empty-state message.
 * @csspart share - The `<vitrine-share>` button.
 *
 * @cssprop --vitrine-wishlist-image-size - Width of item images (default 4.5rem).
 * @cssprop --vitrine-wishlist-heading-size - Heading font size (default 1.25rem).
 */
export class VitrineWishlist extends VitrineElement {
  static override styles = [VitrineElement.styles, visuallyHidden, styles];
  static override dependencies = { 'vitrine-add-to-bag': VitrineAddToBag };

  static override properties: PropertyDeclarations = {
    shareUrl: { attribute: 'share-url' },
    shareTargets: { attribute: 'share-targets' },
    headingLevel: { attribute: 'heading-level' },
    announcement: { state: true, attribute: false },
  };

  /** The page that opens shared wishlists (holding `<vitrine-shared-wishlist>`). Allowed: an http(s) or relative URL. Default: this page. */
  shareUrl = '';
  /** Share choices for the share menu, in order; `none` hides sharing. Allowed: as `<vitrine-share targets>`, or none. Default: native copy pinterest facebook x whatsapp email wechat. */
  shareTargets = '';
  /** Heading level of the title, to fit the page's outline. Allowed: 1 to 6. Default: 2. */
  headingLevel = '';

  private announcement = '';

  private readonly items = new StoreController(this, $wishlistItems);

  private async removeItem(item: WishlistItem, index: number): Promise<void> {
    removeFromWishlist(item.productId, item.variantId);
    const name = pieceName(this.locale, item, item.name ?? this.t('wishlist.unnamed'));
    this.announcement = this.t('wishlist.removed', { name });
    emit(this, 'vitrine-wishlist-change', {
      productId: item.productId,
      ...(item.variantId !== undefined && { variantId: item.variantId }),
      saved: false,
      count: $wishlistCount.get(),
    });
    // Keep keyboard users in the list: focus the next item's remove button, else the heading.
    await this.updateComplete;
    const buttons = this.renderRoot.querySelectorAll<HTMLElement>('[part="remove"]');
    (
      buttons[index] ??
      buttons[index - 1] ??
      this.renderRoot.querySelector<HTMLElement>('[part="heading"]')
    )?.focus();
  }

  private renderItem(item: WishlistItem, index: number) {
    const name = item.name ?? item.productId;
    const label = pieceName(this.locale, item, name);
    return html`<li part="item">
      ${renderPiece(item, {
        price: item.price !== undefined ? this.priceText(item.price, item.currency) : undefined,
        unavailable: this.t('wishlist.unavailable'),
        bag: this.config.bag,
        source: 'wishlist',
      })}
      <button
        part="remove"
        type="button"
        aria-label=${this.t('wishlist.remove', { name: label })}
        @click=${() => void this.removeItem(item, index)}
      >
        ${this.t('wishlist.removeItem')}
      </button>
    </li>`;
  }

  private renderHeading() {
    const level = headingLevel('vitrine-wishlist', this.headingLevel);
    return html`<div
      part="heading"
      class="heading"
      role="heading"
      aria-level=${level}
      tabindex="-1"
    >
      <slot name="heading">${this.t('wishlist.title')}</slot>
    </div>`;
  }

  override render() {
    const items = this.items.value;
    const sharing = this.shareTargets.trim() !== 'none';
    return html`
      <div part="header">
        ${this.renderHeading()}
        ${
          sharing && items.length > 0
            ? html`<vitrine-share
                part="share"
                exportparts="trigger: share-trigger, panel: share-panel"
                url=${this.shareUrl}
                targets=${this.shareTargets || nothing}
              ></vitrine-share>`
            : nothing
        }
      </div>
      ${
        items.length === 0
          ? html`<p part="empty"><slot name="empty">${this.t('wishlist.empty')}</slot></p>`
          : html`<ul part="list">
                ${items.map((item, index) => this.renderItem(item, index))}
              </ul>
              ${
                this.config.bag && items.some((item) => item.available !== false)
                  ? html`<vitrine-add-to-bag
                      part="add-all"
                      exportparts="button: add-all-button"
                      all
                      source="wishlist"
                      .items=${items}
                    ></vitrine-add-to-bag>`
                  : nothing
              }`
      }
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-wishlist': VitrineWishlist;
  }
}
