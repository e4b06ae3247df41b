import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { emit } from '../core/events.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { StoreKeyController } from '../core/store-controller.js';
import { productFromAttributes, registerProduct, type ProductInfo } from '../stores/products.js';
import { $wishlist, $wishlistCount, toggleWishlist } from '../stores/wishlist.js';
import { heart } from './heart.js';
import { styles } from './wishlist-button.styles.js';
import { includeMessages } from '../core/i18n/index.js';
import { wishlistMessages } from './messages/index.js';

includeMessages(wishlistMessages);

/**
 * @tag vitrine-wishlist-button
 * @summary A heart that saves a product to the shopper's wishlist, and shows whether it is saved.
 *
 * @fires vitrine-wishlist-change - The shopper saved or unsaved the product. Detail `{productId, saved, count}`.
 *
 * @csspart button - The toggle button.
 * @csspart icon - The heart icon.
 * @csspart label - The visible label, with `show-label`.
 *
 * @cssprop --vitrine-wishlist-button-size - Diameter of the button (default 2.5rem).
 * @cssprop --vitrine-wishlist-button-color - Heart colour when not saved.
 * @cssprop --vitrine-wishlist-button-color-saved - Heart colour when saved.
 * @cssprop --vitrine-wishlist-button-background - Button background.
 */
export class VitrineWishlistButton extends VitrineElement {
  static override styles = [VitrineElement.styles, styles];

  /** The product's id in the brand's catalogue. Required. */
  @property({ attribute: 'product-id', reflect: true }) productId = '';
  /** Product name, used in the accessible name and the wishlist panel. */
  @property() name = '';
  /** Price as a plain number (`1250` or `1250.5`), shown in the wishlist panel. */
  @property() price = '';
  /** ISO 4217 currency of the price; defaults to the page's `currency`. */
  @property() currency = '';
  /** Product image (http/https; anything else is ignored). */
  @property() image = '';
  /** Product page (http/https; anything else is ignored). */
  @property() url = '';
  /** Shows a visible "Save" label next to the heart (the heart shows the state). */
  @property({ type: Boolean, attribute: 'show-label' }) showLabel = false;

  /** The validated product, derived from the attributes before each render. */
  private product: ProductInfo | undefined;

  private readonly saved = new StoreKeyController(this, $wishlist, () => this.product?.productId);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const keys = ['productId', 'name', 'price', 'currency', 'image', 'url'];
    if (keys.some((key) => changed.has(key))) {
      this.product = productFromAttributes('vitrine-wishlist-button', this);
    }
    if (this.product && this.isConnected) registerProduct(this.product);
  }

  private toggle(): void {
    if (!this.product) return;
    const saved = toggleWishlist(this.product);
    emit(this, 'vitrine-wishlist-change', {
      productId: this.product.productId,
      saved,
      count: $wishlistCount.get(),
    });
  }

  override render() {
    const saved = this.saved.value !== undefined;
    const name = this.product?.name ?? this.t('wishlist.unnamed');
    return html`
      <button
        part="button"
        type="button"
        aria-pressed=${saved ? 'true' : 'false'}
        aria-label=${this.t('wishlist.add', { name })}
        ?disabled=${!this.product}
        @click=${this.toggle}
      >
        <span part="icon">${heart(saved)}</span>
        ${
          this.showLabel
            ? html`<span part="label" class="label">${this.t('wishlist.save')}</span>`
            : null
        }
      </button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-wishlist-button': VitrineWishlistButton;
  }
}
