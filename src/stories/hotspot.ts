import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { defineDependency } from '../core/define.js';
import { emit } from '../core/events.js';
import { loadFloatingUi } from '../core/floating-controller.js';
import { includeMessages } from '../core/i18n/index.js';
import { PopoverController } from '../core/popover-controller.js';
import { StoriesElement } from './stories-element.js';
import { localize } from '../core/i18n/index.js';
import { warn } from '../core/warn.js';
import { textAttribute, warnAttribute, reflectedText } from '../core/attributes.js';
import {
  isCampaignId,
  productFromAttributes,
  registerProduct,
  sanitizeProduct,
  type ProductInfo,
} from '../stores/products.js';
import { requestCampaign } from './campaign-context.js';
import { storiesMessages } from './messages/index.js';
import { styles } from './hotspot.styles.js';

includeMessages(storiesMessages);

/**
 * @tag vitrine-hotspot
 * @summary A shoppable tag on a story slide, at normalized coordinates: it opens a product
 * card with the wishlist heart, a vote button when the story names a `campaign`, and a link
 * to the product page. Opening a card pauses the story.
 *
 * @fires vitrine-hotspot-open - A fan opened the product card. Detail `{productId, variantId?}`.
 * @fires vitrine-add-to-bag - With `bag`: the shopper asked for the piece; cancelable. Detail `{items, source: 'hotspot', done(ok)}`.
 * @fires vitrine-hotspot-close - The card closed. Detail `{productId, variantId?}`.
 *
 * @csspart tag - The round button on the picture.
 * @csspart card - The product card.
 * @csspart image - The product picture in the card.
 * @csspart name - The product name.
 * @csspart price - The price.
 * @csspart variant - The variant ("Taille 38 · Noir"), when the hotspot names one.
 * @csspart unavailable - "Currently unavailable", with `available="false"`.
 * @csspart add-to-bag - The card's `<vitrine-add-to-bag>`, with `bag` on `<vitrine-config>` (its button: `add-to-bag-button`).
 * @csspart shop - The link to the product page.
 * @csspart close - The card's close button.
 *
 * @cssprop --vitrine-hotspot-size - Diameter of the tag (default 2rem).
 * @cssprop --vitrine-hotspot-z-index - Stacking order of the card (default 1000).
 */
export class VitrineHotspot extends StoriesElement {
  static override styles = [StoriesElement.styles, styles];

  static override properties: PropertyDeclarations = {
    productId: { attribute: 'product-id', reflect: true, converter: reflectedText },
    variantId: { attribute: 'variant-id', reflect: true, converter: reflectedText },
    variantName: { attribute: 'variant-name' },
    available: {},
    x: {},
    y: {},
    name: {},
    price: {},
    currency: {},
    image: {},
    url: {},
    product: { attribute: false },
    campaign: {},
    storiesCampaign: { state: true, attribute: false },
  };

  /**
   * The elements a card shows, loaded when a shopper is about to open one (pointer over or
   * focus on a tag) or opens one: a story page pays for none of them until then. The vote
   * button loads only for a card with a campaign.
   */
  static override dependencies = {
    'vitrine-wishlist-button': () =>
      import('../wishlist/card-actions.js').then((module) => module.VitrineWishlistButton),
    'vitrine-add-to-bag': () =>
      import('../wishlist/card-actions.js').then((module) => module.VitrineAddToBag),
    'vitrine-vote': () => import('../votes/vote.js').then((module) => module.VitrineVote),
  };

  /** The product's id in the brand's catalogue. Required, unless `product` is set. Allowed: letters, digits and . _ : / @ + - (up to 128). */
  productId = '';
  /** The variant (size, leather, colour) in the brand's catalogue: the same product in two sizes is two items. Allowed: letters, digits and . _ : / @ + - (up to 128). Default: the product itself. */
  variantId = '';
  /** How the variant is shown in the lists and the card ("Taille 38 · Noir"); needs `variant-id`. Allowed: any text. Default: none shown. */
  variantName = '';
  /** Whether the piece can be bought now; "false" marks it unavailable (saved, it says so and offers no add to bag). Allowed: true, false. Default: true. */
  available: string | null = null;
  /** Horizontal position on the slide, from the left. Allowed: 0 to 1. Required. */
  x = '';
  /** Vertical position on the slide, from the top. Allowed: 0 to 1. Required. */
  y = '';
  /** Product name (the tag's accessible name and the card's title). Allowed: any text, or JSON of language tags to texts (`{"en": "Moon Bag", "fr": "Sac Lune"}`), read in the page's language. */
  name = '';
  /** Price in the card. Allowed: a plain number from 0, a dot before the cents (`1250.00`). Default: no price shown. */
  price = '';
  /** Currency of the price. Allowed: an ISO 4217 code. Default: the page's `currency`. */
  currency = '';
  /** Product picture in the card. Allowed: an http(s) or relative URL. Default: no picture. */
  image = '';
  /** Product page, the card's shop link. Allowed: an http(s) or relative URL. Default: no link. */
  url = '';
  /** The whole product at once, in JavaScript (a feed's hotspots); wins over the attributes. */
  product: ProductInfo | undefined;
  /** A fan-vote campaign for the card's vote button. Allowed: a campaign id. Default: the stories' `campaign`. */
  campaign = '';
  /** The `campaign` of the `<vitrine-stories>` around the hotspot (set by it). */
  storiesCampaign = '';

  /** The validated product, from `product` or the attributes, before each render. */
  private shown: ProductInfo | undefined;
  /** The language the product's name was read in. */
  private namedIn: string | undefined;

  /** The `product` property; one without a name takes the `name` attribute's. */
  private fromProperty(product: ProductInfo): ProductInfo | undefined {
    if (product.name !== undefined || this.name === '') return sanitizeProduct(product);
    const name = localize(textAttribute('vitrine-hotspot', 'name', this.name), this.locale);
    return sanitizeProduct({ ...product, name });
  }
  private point: { x: number; y: number } | undefined;

  private readonly card = new PopoverController(this, {
    placement: 'top',
    group: 'vitrine-hotspot',
    trigger: () => this.renderRoot.querySelector('[part~="tag"]'),
    panel: () => this.renderRoot.querySelector('[part~="card"]'),
    boundary: () => this.closest('vitrine-story'),
    onToggle: (open) => {
      const productId = this.shown?.productId ?? this.productId;
      const variantId = this.shown?.variantId;
      if (open) this.prepareCard();
      emit(this, open ? 'vitrine-hotspot-open' : 'vitrine-hotspot-close', {
        productId,
        ...(variantId !== undefined && { variantId }),
      });
    },
  });

  private get voteCampaign(): string | undefined {
    const campaign = this.campaign || this.storiesCampaign;
    return isCampaignId(campaign) ? campaign : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    requestCampaign(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
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
    ] as const;
    // A name given in several languages follows the page's language.
    if (keys.some((key) => changed.has(key)) || this.locale !== this.namedIn) {
      this.namedIn = this.locale;
      this.shown = this.product
        ? this.fromProperty(this.product)
        : productFromAttributes('vitrine-hotspot', this, this.locale);
      // Reflected, so that page CSS (and tests) find the element by its product either way.
      if (this.product && this.shown) {
        this.productId = this.shown.productId;
        this.variantId = this.shown.variantId ?? '';
      }
      if (this.product && !this.shown) {
        warn('<vitrine-hotspot> product has no valid productId; it is hidden.');
      }
      if (this.shown) registerProduct(this.shown);
    }
    if (changed.has('x') || changed.has('y')) this.point = this.readPoint();
    if (changed.has('campaign') && this.campaign !== '' && !isCampaignId(this.campaign)) {
      warnAttribute('vitrine-hotspot', 'campaign', this.campaign, {
        expected: 'a campaign id (letters, digits and . _ : -)',
        instead: 'the card shows no vote button',
        example: 'campaign="next-icon"',
      });
    }
  }

  /** The tag's place on the slide; without a valid one it is not shown. */
  private readPoint(): { x: number; y: number } | undefined {
    const x = Number(this.x);
    const y = Number(this.y);
    const inside = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;
    if (this.x !== '' && this.y !== '' && inside(x) && inside(y)) return { x, y };
    warn(
      `<vitrine-hotspot> "${this.productId}" needs x and y from 0 to 1 (got x="${this.x}", y="${this.y}"); it is hidden. Write x="0.5" y="0.6" (the middle, a little below), for example.`,
    );
    return undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Custom properties through the CSSOM: no inline style attribute for a strict CSP to refuse.
    this.style.setProperty('--_x', String(this.point?.x ?? 0));
    this.style.setProperty('--_y', String(this.point?.y ?? 0));
    this.toggleAttribute('data-hidden', !this.point || !this.shown);
  }

  /**
   * Starts loading what a card shows: floating-ui and the card's elements. The heart and
   * "Add to bag" are one module, so both are defined: a `bag` turned on while a card is open
   * then finds its button ready.
   */
  private readonly prepareCard = (): void => {
    void loadFloatingUi();
    void defineDependency(VitrineHotspot, 'vitrine-wishlist-button');
    void defineDependency(VitrineHotspot, 'vitrine-add-to-bag');
    if (this.voteCampaign) void defineDependency(VitrineHotspot, 'vitrine-vote');
  };

  /** Opens the product card. */
  show(): void {
    if (this.shown && this.point) this.card.show();
  }

  /** Closes the card; `refocus` puts focus back on the tag (Escape, the close button). */
  close(refocus = true): void {
    this.card.close({ refocus });
  }

  private renderCard(product: ProductInfo) {
    const name = product.name ?? this.t('hotspot.unnamed');
    const campaign = this.voteCampaign;
    return html`
      ${
        product.image
          ? html`<img part="image" src=${product.image} alt="" width="96" height="128" />`
          : nothing
      }
      <div class="details">
        <p part="name" id="${this.card.id}-name">${name}</p>
        ${
          product.price !== undefined
            ? html`<p part="price">${this.priceText(product.price, product.currency)}</p>`
            : nothing
        }
        ${product.variantName ? html`<p part="variant">${product.variantName}</p>` : nothing}
        ${
          product.available === false
            ? html`<p part="unavailable">${this.t('hotspot.unavailable')}</p>`
            : nothing
        }
        <div class="actions">
          <vitrine-wishlist-button .product=${product} show-label></vitrine-wishlist-button>
          ${
            this.config.bag && product.available !== false
              ? html`<vitrine-add-to-bag
                  part="add-to-bag"
                  exportparts="button: add-to-bag-button"
                  source="hotspot"
                  .items=${[product]}
                ></vitrine-add-to-bag>`
              : nothing
          }
          ${
            campaign
              ? html`<vitrine-vote
                  campaign=${campaign}
                  product-id=${product.productId}
                  name=${product.name ?? ''}
                ></vitrine-vote>`
              : nothing
          }
        </div>
        ${
          product.url
            ? html`<a part="shop" href=${product.url}>${this.t('hotspot.shop')}</a>`
            : nothing
        }
      </div>
      <button
        part="close"
        type="button"
        aria-label=${this.t('hotspot.close')}
        @click=${() => this.close()}
      >
        ×
      </button>
    `;
  }

  override render() {
    const product = this.shown;
    const name = product?.name ?? this.t('hotspot.unnamed');
    const label = product?.variantName
      ? this.t('hotspot.variant', { name, variant: product.variantName })
      : name;
    const open = this.card.open;
    return html`<button
        part="tag"
        type="button"
        aria-label=${this.t('hotspot.open', { name: label })}
        aria-expanded=${String(open)}
        aria-controls=${this.card.id}
        ?disabled=${!product || !this.point}
        @click=${() => (open ? this.close() : this.show())}
        @pointerenter=${this.prepareCard}
        @focus=${this.prepareCard}
      >
        <span class="dot"></span>
      </button>
      <div
        part="card"
        id=${this.card.id}
        role="dialog"
        aria-labelledby="${this.card.id}-name"
        tabindex="-1"
        popover="manual"
        ?data-with-image=${product?.image !== undefined}
        ?hidden=${!open}
      >
        ${open && product ? this.renderCard(product) : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-hotspot': VitrineHotspot;
  }
}
