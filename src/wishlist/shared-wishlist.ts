import { html, nothing, type PropertyDeclarations } from 'lit';
import { onBrandOrigins as keptToBrand } from '../core/brand-origins.js';
import { emit } from '../core/events.js';
import { warn } from '../core/warn.js';
import { headingLevel } from '../core/attributes.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { translatePlural } from '../core/i18n/plural.js';
import { includeMessages } from '../core/i18n/index.js';
import { wishlistMessages } from './messages/index.js';
import { sharingMessages } from './messages/sharing.js';
import type { MessageKey } from '../core/i18n/index.js';
import { itemKey, type ProductInfo } from '../stores/products.js';
import { renderPiece } from './piece-row.js';
import { readSharedWishlist, type SharedWishlist } from '../stores/share-link.js';
import { $wishlist, $wishlistCount, mergeIntoWishlist } from '../stores/wishlist.js';
import { StoreController } from '../core/store-controller.js';
import { VitrineWishlistButton } from './wishlist-button.js';
import { VitrineAddToBag } from './add-to-bag.js';
import { styles } from './shared-wishlist.styles.js';
import { styles as listStyles } from './wishlist.styles.js';

const MESSAGES: Record<Exclude<SharedWishlist['status'], 'ok'> | 'loading', MessageKey> = {
  none: 'shared.none',
  invalid: 'shared.invalid',
  'too-large': 'shared.tooLarge',
  version: 'shared.version',
  expired: 'shared.expired',
  unavailable: 'shared.unavailable',
  loading: 'shared.loading',
};

/** The fragment of a short link from the back end (see stores/short-links.ts). */
const SHORT_LINK = /(?:^#|&)vitrine-shared=/;

/**
 * Anyone can make a share link: its items keep only links to this page's origin and
 * pictures from it or the configured image origins, so a stranger's list cannot put a
 * look-alike shop or a tracking pixel on the brand's page.
 */
function onBrandOrigins(shared: SharedWishlist): SharedWishlist {
  if (shared.status !== 'ok') return shared;
  const items = shared.items.map(keptToBrand);
  const stripped = items.filter((item, index) => item !== shared.items[index]).length;
  if (stripped > 0) {
    warn(
      `shared wishlist: ${stripped} of ${items.length} items link to or show pictures from other sites; left out (see image-origins).`,
    );
  }
  return { status: 'ok', items };
}

includeMessages(wishlistMessages);
includeMessages(sharingMessages);

/**
 * @tag vitrine-shared-wishlist
 * @summary Shows a wishlist received in a share link (read-only) with "save all to my
 * wishlist". A damaged, truncated or hostile link shows a clear message and changes nothing.
 *
 * @slot heading - Replaces the heading text.
 *
 * @fires vitrine-add-to-bag - With `bag`: the shopper asked for one piece or all of them; cancelable. Detail `{items, source: 'shared-wishlist', done(ok)}`.
 * @fires vitrine-shared-wishlist-save - The shopper saved the shared items. Detail `{added, count}`.
 *
 * @csspart heading - The heading.
 * @csspart list - The list of items.
 * @csspart item - One item.
 * @csspart image - An item's image.
 * @csspart name - An item's name (a link when it has a URL).
 * @csspart price - An item's price.
 * @csspart variant - An item's variant ("Taille 38 · Noir"), when it has one.
 * @csspart unavailable - "Currently unavailable", on a piece the page marked `available="false"`.
 * @csspart heart - An item's own heart, to keep the pieces one likes.
 * @csspart add-to-bag - An item's `<vitrine-add-to-bag>`, with `bag` on `<vitrine-config>` (its button: `add-to-bag-button`).
 * @csspart add-all - The "Add all to bag" `<vitrine-add-to-bag>`, with `bag` (its button: `add-all-button`).
 * @csspart save-all - The "save all to my wishlist" button ("all in your wishlist" once they are).
 * @csspart message - The status or error message.
 */
export class VitrineSharedWishlist extends VitrineElement {
  static override styles = [VitrineElement.styles, listStyles, styles];
  static override dependencies = {
    'vitrine-wishlist-button': VitrineWishlistButton,
    'vitrine-add-to-bag': VitrineAddToBag,
  };

  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level' },
    shared: { state: true, attribute: false },
    saved: { state: true, attribute: false },
  };

  /** Heading level of the title, to fit the page's outline. Allowed: 1 to 6. Default: 2. */
  headingLevel = '';

  private shared: SharedWishlist | { status: 'loading' } = { status: 'none' };
  private saved: number | undefined;

  private readonly onHashChange = (): void => this.read();
  /** What the shopper has saved already: hearts and "save all" follow it. */
  private readonly wishlist = new StoreController(this, $wishlist);

  override connectedCallback(): void {
    super.connectedCallback();
    this.read();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private read(): void {
    this.saved = undefined;
    const hash = location.hash;
    if (!SHORT_LINK.test(hash)) {
      this.shared = onBrandOrigins(readSharedWishlist(hash));
      return;
    }
    if (!this.config.api) {
      warn('a short wishlist link needs the back end: set api on <vitrine-config>.');
      this.shared = { status: 'unavailable' };
      return;
    }
    this.shared = { status: 'loading' };
    void import('../stores/short-links.js').then(async (remote) => {
      const id = remote.readShortLinkId(hash);
      const shared = id ? await remote.fetchSharedWishlist(id) : { status: 'invalid' as const };
      // Only if the page still shows that link.
      if (location.hash === hash) this.shared = onBrandOrigins(shared);
    });
  }

  private saveAll(items: ProductInfo[]): void {
    if (this.allSaved(items)) return;
    const added = mergeIntoWishlist(items);
    this.saved = added;
    emit(this, 'vitrine-shared-wishlist-save', { added, count: $wishlistCount.get() });
  }

  private allSaved(items: ProductInfo[]): boolean {
    const saved = this.wishlist.value;
    return items.every((item) => saved[itemKey(item)] !== undefined);
  }

  private renderItem(item: ProductInfo) {
    return html`<li part="item">
      ${renderPiece(item, {
        price: item.price !== undefined ? this.priceText(item.price, item.currency) : undefined,
        unavailable: this.t('wishlist.unavailable'),
        bag: this.config.bag,
        source: 'shared-wishlist',
      })}
      <vitrine-wishlist-button part="heart" .product=${item}></vitrine-wishlist-button>
    </li>`;
  }

  override render() {
    const level = headingLevel('vitrine-shared-wishlist', this.headingLevel);
    const heading = html`<div part="heading" class="heading" role="heading" aria-level=${level}>
      <slot name="heading">${this.t('shared.title')}</slot>
    </div>`;
    // The link is the browser's: a server (and the render adopting its markup) shows it loading.
    const shared = this.serverDrawn ? ({ status: 'loading' } as const) : this.shared;
    if (shared.status !== 'ok') {
      const isError = shared.status !== 'none' && shared.status !== 'loading';
      return html`${heading}
        <p part="message" role=${isError ? 'alert' : nothing} ?data-error=${isError}>
          ${this.t(MESSAGES[shared.status])}
        </p>`;
    }
    const { items } = shared;
    const allSaved = this.allSaved(items);
    return html`
      ${heading}
      <ul part="list">
        ${items.map((item) => this.renderItem(item))}
      </ul>
      <button
        part="save-all"
        type="button"
        aria-disabled=${allSaved ? 'true' : nothing}
        @click=${() => this.saveAll(items)}
      >
        ${this.t(allSaved ? 'shared.allSaved' : 'shared.saveAll')}
      </button>
      ${
        this.config.bag && items.some((item) => item.available !== false)
          ? html`<vitrine-add-to-bag
              part="add-all"
              exportparts="button: add-all-button"
              all
              source="shared-wishlist"
              .items=${items}
            ></vitrine-add-to-bag>`
          : nothing
      }
      <p part="message" role="status">
        ${this.saved === undefined ? nothing : translatePlural(this.locale, 'shared.savedAll', { count: this.saved })}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-shared-wishlist': VitrineSharedWishlist;
  }
}
