import { html, nothing, type PropertyDeclarations } from 'lit';
import { emit } from '../core/events.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { localize } from '../core/i18n/index.js';
import { booleanAttribute, textAttribute, reflectedText } from '../core/attributes.js';
import { visuallyHidden } from '../core/tokens.styles.js';
import { warn } from '../core/warn.js';
import { StoreKeyController } from '../core/store-controller.js';
import {
  itemKey,
  productFromAttributes,
  registerProduct,
  sanitizeProduct,
  type ProductInfo,
} from '../stores/products.js';
import { $wishlist, $wishlistCount, toggleWishlist } from '../stores/wishlist.js';
import { heart } from './heart.js';
import { pieceName } from './piece.js';
import { styles } from './wishlist-button.styles.js';
import { includeMessages } from '../core/i18n/index.js';
import { wishlistMessages } from './messages/index.js';

includeMessages(wishlistMessages);

/**
 * @tag vitrine-wishlist-button
 * @summary A heart that saves a product to the shopper's wishlist, and shows whether it is saved.
 *
 * @fires vitrine-wishlist-change - The shopper saved or unsaved the product. Detail `{productId, variantId?, saved, count}`.
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
  static override styles = [VitrineElement.styles, visuallyHidden, styles];

  static override properties: PropertyDeclarations = {
    productId: { attribute: 'product-id', reflect: true, converter: reflectedText },
    variantId: { attribute: 'variant-id', reflect: true, converter: reflectedText },
    variantName: { attribute: 'variant-name' },
    available: {},
    name: {},
    price: {},
    currency: {},
    image: {},
    url: {},
    product: { attribute: false },
    showLabel: {
      type: Boolean,
      attribute: 'show-label',
      converter: booleanAttribute('vitrine-wishlist-button', 'show-label'),
    },
  };

  /** The product's id in the brand's catalogue. Required, unless `product` is set. Allowed: letters, digits and . _ : / @ + - (up to 128). */
  productId = '';
  /** The variant (size, leather, colour) in the brand's catalogue: the same product in two sizes is two items. Allowed: letters, digits and . _ : / @ + - (up to 128). Default: the product itself. */
  variantId = '';
  /** How the variant is shown in the lists and the card ("Taille 38 · Noir"); needs `variant-id`. Allowed: any text. Default: none shown. */
  variantName = '';
  /** Whether the piece can be bought now; "false" marks it unavailable (saved, it says so and offers no add to bag). Allowed: true, false. Default: true. */
  available: string | null = null;
  /** Product name, used in the accessible name and the wishlist panel. Allowed: any text, or JSON of language tags to texts (`{"en": "Moon Bag", "fr": "Sac Lune"}`), read in the page's language. Default: "this item", localized. */
  name = '';
  /** Price, shown in the wishlist panel. Allowed: a plain number from 0, a dot before the cents (`1250`, `1250.50`). Default: no price shown. */
  price = '';
  /** Currency of the price. Allowed: an ISO 4217 code (`EUR`, `CNY`). Default: the page's `currency`. */
  currency = '';
  /** Product image. Allowed: an http(s) or relative URL. Default: no picture. */
  image = '';
  /** Product page. Allowed: an http(s) or relative URL. Default: no link. */
  url = '';
  /** The whole product at once, in JavaScript (a hotspot's card); wins over the attributes. */
  product: ProductInfo | undefined;
  /** Shows a visible "Save" label next to the heart (the heart shows the state). */
  showLabel = false;

  /** The validated product, from `product` or the attributes, before each render. */
  private shown: ProductInfo | undefined;
  /** The language the product's name was read in. */
  private namedIn: string | undefined;

  /** The `product` property; one without a name takes the `name` attribute's. */
  private fromProperty(product: ProductInfo): ProductInfo | undefined {
    if (product.name !== undefined || this.name === '') return sanitizeProduct(product);
    const name = localize(textAttribute('vitrine-wishlist-button', 'name', this.name), this.locale);
    return sanitizeProduct({ ...product, name });
  }

  private readonly saved = new StoreKeyController(this, $wishlist, () =>
    this.shown ? itemKey(this.shown) : undefined,
  );

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const keys = [
      'product',
      'productId',
      'variantId',
      'variantName',
      'available',
      'name',
      'price',
      'currency',
      'image',
      'url',
    ];
    // A name given in several languages follows the page's language.
    if (keys.some((key) => changed.has(key)) || this.locale !== this.namedIn) {
      this.namedIn = this.locale;
      this.shown = this.product
        ? this.fromProperty(this.product)
        : productFromAttributes('vitrine-wishlist-button', this, this.locale);
      // Reflected, so that page CSS (and tests) find the element by its product either way.
      if (this.product && this.shown) {
        this.productId = this.shown.productId;
        this.variantId = this.shown.variantId ?? '';
      }
      if (this.product && !this.shown) {
        warn('<vitrine-wishlist-button> product has no valid productId; it is disabled.');
      }
    }
    if (this.shown && this.isConnected) registerProduct(this.shown);
  }

  private toggle(): void {
    if (!this.shown) return;
    const saved = toggleWishlist(this.shown);
    emit(this, 'vitrine-wishlist-change', {
      productId: this.shown.productId,
      ...(this.shown.variantId !== undefined && { variantId: this.shown.variantId }),
      saved,
      count: $wishlistCount.get(),
    });
  }

  override render() {
    const saved = this.saved.value !== undefined;
    const name = pieceName(this.locale, this.shown, this.shown?.name ?? this.t('wishlist.unnamed'));
    // With a visible label, the name is that label (label in name, WCAG 2.5.3) and the piece.
    const label = this.showLabel
      ? html`<span part="label" class="label"
            >${this.t(saved ? 'wishlist.saved' : 'wishlist.save')}</span
          ><span class="visually-hidden"> ${name}</span>`
      : nothing;
    return html`
      <button
        part="button"
        type="button"
        aria-pressed=${saved ? 'true' : 'false'}
        aria-label=${this.showLabel ? nothing : this.t('wishlist.add', { name })}
        ?disabled=${!this.shown}
        @click=${this.toggle}
      >
        <span part="icon">${heart(saved)}</span>${label}
      </button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-wishlist-button': VitrineWishlistButton;
  }
}
