import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { BagSource } from '../core/events.js';
import { booleanAttribute } from '../core/attributes.js';
import { includeMessages } from '../core/i18n/index.js';
import { translatePlural } from '../core/i18n/plural.js';
import { visuallyHidden } from '../core/tokens.styles.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { itemKey, type ProductInfo } from '../stores/products.js';
import { BagController, bagLines } from './bag-controller.js';
import { bagMessages } from './messages/bag.js';
import { wishlistMessages } from './messages/index.js';
import { pieceName } from './piece.js';
import { styles } from './add-to-bag.styles.js';

includeMessages(wishlistMessages);
includeMessages(bagMessages);

const SOURCES: readonly BagSource[] = ['wishlist', 'shared-wishlist', 'hotspot'];

/**
 * @tag vitrine-add-to-bag
 * @summary The "Add to bag" button of the wishlist, the shared wishlist and the hotspot card
 * (one piece, or every piece with `all`), shown when `<vitrine-config>` has `bag`. It asks the
 * brand's cart through `vitrine-add-to-bag` and shows, and announces, what the cart answers.
 *
 * @fires vitrine-add-to-bag - The shopper asked for the bag; cancelable. Detail `{items: [{productId, variantId?, quantity}], source, done(ok)}`.
 *
 * @csspart button - The button.
 */
export class VitrineAddToBag extends VitrineElement {
  static override styles = [VitrineElement.styles, visuallyHidden, styles];

  static override properties: PropertyDeclarations = {
    items: { attribute: false },
    source: {},
    all: {
      type: Boolean,
      converter: booleanAttribute('vitrine-add-to-bag', 'all'),
    },
  };

  /** The pieces this button puts in the bag (those marked unavailable are left out). */
  items: readonly ProductInfo[] = [];
  /** Where the button is, as `vitrine-add-to-bag` reports it. Allowed: wishlist, shared-wishlist, hotspot. Default: wishlist. */
  source = '';
  /** Says "Add all to bag" (a list's button for every piece) instead of "Add to bag". */
  all = false;

  private readonly bag = new BagController(this);
  /** The pieces the state is about: other pieces start afresh. */
  private pieces = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('items')) {
      const pieces = this.items.map(itemKey).join(' ');
      if (pieces !== this.pieces) this.bag.forget();
      this.pieces = pieces;
    }
  }

  private get from(): BagSource {
    return SOURCES.includes(this.source as BagSource) ? (this.source as BagSource) : 'wishlist';
  }

  /** The piece's name with its variant, for one piece. */
  private get pieceLabel(): string {
    const piece = this.items[0];
    return pieceName(this.locale, piece, piece?.name ?? this.t('wishlist.unnamed'));
  }

  private announcement(): string {
    const { state, lines } = this.bag;
    if (state === 'added') {
      return this.all
        ? translatePlural(this.locale, 'bag.addedAll', { count: lines })
        : this.t('bag.addedOne', { name: this.pieceLabel });
    }
    if (state === 'failed') {
      return this.all
        ? this.t('bag.failedAll')
        : this.t('bag.failedOne', { name: this.pieceLabel });
    }
    return '';
  }

  override render() {
    if (!this.config.bag || bagLines(this.items).length === 0) return nothing;
    const { state } = this.bag;
    const label =
      state === 'adding'
        ? this.t('bag.adding')
        : state === 'added'
          ? this.t('bag.added')
          : state === 'failed'
            ? this.t('bag.failed')
            : this.t(this.all ? 'bag.addAll' : 'bag.add');
    return html`<button
        part="button"
        type="button"
        data-state=${state}
        aria-disabled=${state === 'adding' ? 'true' : nothing}
        @click=${() => this.bag.add(this.items, this.from)}
      >
        ${label}${this.all ? nothing : html`<span class="visually-hidden"> ${this.pieceLabel}</span>`}
      </button>
      <span class="visually-hidden" role="status">${this.announcement()}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-add-to-bag': VitrineAddToBag;
  }
}
