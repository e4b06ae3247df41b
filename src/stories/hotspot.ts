import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../core/define.js';
import { emit } from '../core/events.js';
import { FloatingController, loadFloatingUi } from '../core/floating-controller.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { warn } from '../core/warn.js';
import {
  isCampaignId,
  productFromAttributes,
  registerProduct,
  type ProductInfo,
} from '../stores/products.js';
import { includeMessages } from '../core/i18n/index.js';
import { storiesMessages } from './messages/index.js';
import { styles } from './hotspot.styles.js';

includeMessages(storiesMessages);

let cards = 0;
/** One card open at a time, across every story of the page. */
const openCards = new Set<VitrineHotspot>();

/** The vote button arrives with the first card of a story that names a campaign. */
const loadVote = () =>
  import('../votes/vote.js').then(({ VitrineVote }) => defineElement('vitrine-vote', VitrineVote));

/**
 * @tag vitrine-hotspot
 * @summary A shoppable tag on a story slide, at normalized coordinates: it opens a product
 * card with the wishlist heart, a vote button when the story names a `campaign`, and a link
 * to the product page. Opening a card pauses the story.
 *
 * @fires vitrine-hotspot-open - A fan opened the product card. Detail `{productId}`.
 * @fires vitrine-hotspot-close - The card closed. Detail `{productId}`.
 *
 * @csspart tag - The round button on the picture.
 * @csspart card - The product card.
 * @csspart image - The product picture in the card.
 * @csspart name - The product name.
 * @csspart price - The price.
 * @csspart shop - The link to the product page.
 * @csspart close - The card's close button.
 *
 * @cssprop --vitrine-hotspot-size - Diameter of the tag (default 2rem).
 * @cssprop --vitrine-hotspot-z-index - Stacking order of the card (default 1000).
 */
export class VitrineHotspot extends VitrineElement {
  static override styles = [VitrineElement.styles, styles];

  /** The product's id in the brand's catalogue. Required. */
  @property({ attribute: 'product-id', reflect: true }) productId = '';
  /** Horizontal position on the slide, 0 (start) to 1 (end). */
  @property() x = '';
  /** Vertical position on the slide, 0 (top) to 1 (bottom). */
  @property() y = '';
  /** Product name (the tag's accessible name and the card's title). */
  @property() name = '';
  /** Price as a plain number. */
  @property() price = '';
  /** ISO 4217 currency of the price; defaults to the page's `currency`. */
  @property() currency = '';
  /** Product picture (http/https). */
  @property() image = '';
  /** Product page (http/https). */
  @property() url = '';

  @state() private open = false;

  private get tag(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('[part~="tag"]');
  }

  private get card(): HTMLElement | null {
    return this.renderRoot.querySelector('[part~="card"]');
  }

  private product: ProductInfo | undefined;
  private point: { x: number; y: number } | undefined;
  private readonly floating = new FloatingController(this, 'top');
  private readonly cardId = `vitrine-hotspot-card-${++cards}`;

  private get campaign(): string | undefined {
    const campaign = this.closest('vitrine-stories')?.getAttribute('campaign') ?? '';
    return isCampaignId(campaign) ? campaign : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const keys = ['productId', 'name', 'price', 'currency', 'image', 'url'] as const;
    if (keys.some((key) => changed.has(key))) {
      this.product = productFromAttributes('vitrine-hotspot', this);
      if (this.product) registerProduct(this.product);
    }
    if (changed.has('x') || changed.has('y')) this.point = this.readPoint();
  }

  /** The tag's place on the slide; without a valid one it is not shown. */
  private readPoint(): { x: number; y: number } | undefined {
    const x = Number(this.x);
    const y = Number(this.y);
    const inside = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;
    if (this.x !== '' && this.y !== '' && inside(x) && inside(y)) return { x, y };
    warn(
      `<vitrine-hotspot> "${this.productId}" needs x and y from 0 to 1 (got x="${this.x}", y="${this.y}"); it is hidden.`,
    );
    return undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Custom properties through the CSSOM: no inline style attribute for a strict CSP to refuse.
    this.style.setProperty('--_x', String(this.point?.x ?? 0));
    this.style.setProperty('--_y', String(this.point?.y ?? 0));
    this.toggleAttribute('data-hidden', !this.point || !this.product);
    if (changed.has('open')) {
      const card = this.card as HTMLElement & {
        showPopover?: () => void;
        hidePopover?: () => void;
      };
      if (this.open) {
        card.showPopover?.();
        this.floating.open(this.tag!, card, { boundary: this.closest('vitrine-story') });
        // No scrolling: the carousel must not shift to bring the card into view.
        card.focus({ preventScroll: true });
      } else {
        this.floating.close();
        if (card.matches(':popover-open')) card.hidePopover?.();
      }
    }
  }

  private show(): void {
    if (this.open || !this.product) return;
    for (const other of openCards) if (other !== this) other.close(false);
    openCards.add(this);
    this.open = true;
    if (this.campaign) void loadVote();
    document.addEventListener('pointerdown', this.onDocumentPointer, true);
    emit(this, 'vitrine-hotspot-open', { productId: this.product.productId });
  }

  /** Closes the card; `refocus` puts focus back on the tag (Escape, the close button). */
  close(refocus = true): void {
    if (!this.open) return;
    this.open = false;
    openCards.delete(this);
    document.removeEventListener('pointerdown', this.onDocumentPointer, true);
    if (refocus) this.tag?.focus();
    emit(this, 'vitrine-hotspot-close', { productId: this.product?.productId ?? this.productId });
  }

  private readonly onDocumentPointer = (event: Event): void => {
    if (!event.composedPath().includes(this)) this.close(false);
  };

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      event.preventDefault();
      this.close();
    }
  }

  private renderCard(product: ProductInfo) {
    const name = product.name ?? this.t('hotspot.unnamed');
    const campaign = this.campaign;
    return html`
      ${
        product.image
          ? html`<img part="image" src=${product.image} alt="" width="96" height="128" />`
          : nothing
      }
      <div class="details">
        <p part="name" id="${this.cardId}-name">${name}</p>
        ${
          product.price !== undefined
            ? html`<p part="price">${this.priceText(product.price, product.currency)}</p>`
            : nothing
        }
        <div class="actions">
          <vitrine-wishlist-button
            product-id=${product.productId}
            name=${product.name ?? ''}
            price=${product.price ?? ''}
            currency=${product.currency ?? ''}
            image=${product.image ?? ''}
            url=${product.url ?? ''}
            show-label
          ></vitrine-wishlist-button>
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
    const product = this.product;
    const name = product?.name ?? this.t('hotspot.unnamed');
    return html`<div @keydown=${this.onKeydown}>
      <button
        part="tag"
        type="button"
        aria-label=${this.t('hotspot.open', { name })}
        aria-expanded=${String(this.open)}
        aria-controls=${this.cardId}
        ?disabled=${!product || !this.point}
        @click=${() => (this.open ? this.close() : this.show())}
        @pointerenter=${loadFloatingUi}
        @focus=${loadFloatingUi}
      >
        <span class="dot"></span>
      </button>
      <div
        part="card"
        id=${this.cardId}
        role="dialog"
        aria-labelledby="${this.cardId}-name"
        tabindex="-1"
        popover="manual"
        ?data-with-image=${product?.image !== undefined}
        ?hidden=${!this.open}
      >
        ${this.open && product ? this.renderCard(product) : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-hotspot': VitrineHotspot;
  }
}
