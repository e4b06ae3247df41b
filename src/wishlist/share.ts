import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { emit } from '../core/events.js';
import { loadFloatingUi } from '../core/floating-controller.js';
import { PopoverController } from '../core/popover-controller.js';
import { safeUrl } from '../core/safe-url.js';
import { StoreController } from '../core/store-controller.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { includeMessages } from '../core/i18n/index.js';
import { wishlistMessages } from './messages/index.js';
import { sharingMessages } from './messages/sharing.js';
import { warn } from '../core/warn.js';
import { warnAttribute } from '../core/attributes.js';
import { $products, itemKey } from '../stores/products.js';
import { shareUrlFor } from '../stores/share-link.js';
import { $wishlistItems, type WishlistItem } from '../stores/wishlist.js';
import type { qrCode } from './qr-code.js';
import {
  SHARE_TARGETS,
  shareTargetUrl,
  type LinkTarget,
  type ShareTarget,
} from './share-targets.js';
import { styles } from './share.styles.js';

includeMessages(wishlistMessages);
includeMessages(sharingMessages);

/** Whether this browser has a share sheet (a server has none). */
const hasShareSheet = (): boolean =>
  typeof navigator !== 'undefined' && typeof navigator.share === 'function';

/** The choices this browser can show: `native` only where there is a share sheet. */
const available = (targets: readonly ShareTarget[], native = hasShareSheet()): ShareTarget[] =>
  targets.filter((target) => target !== 'native' || native);

/**
 * @tag vitrine-share
 * @summary A share button whose menu shares the wishlist (or one product) by the native
 * share sheet, a copied link, Pinterest, Facebook, X, WhatsApp, email or a WeChat QR code.
 *
 * @fires vitrine-share - Before sharing, with `{target, url}`. Cancelable: `preventDefault()` stops the share.
 *
 * @csspart trigger - The button that opens the menu.
 * @csspart panel - The floating menu.
 * @csspart target - Each share choice (also `target-<name>`, e.g. `target-copy`).
 * @csspart qr - The WeChat QR code.
 *
 * @cssprop --vitrine-share-trigger-background - Background of the share button.
 * @cssprop --vitrine-share-z-index - Stacking order of the menu (default 1000).
 */
export class VitrineShare extends VitrineElement {
  static override styles = [VitrineElement.styles, styles];

  static override properties: PropertyDeclarations = {
    targets: {},
    what: {},
    productId: { attribute: 'product-id' },
    url: {},
    text: {},
    status: { state: true, attribute: false },
    manualCopy: { state: true, attribute: false },
    showQr: { state: true, attribute: false },
    qrCode: { state: true, attribute: false },
    shortLink: { state: true, attribute: false },
  };

  /** Share choices, in display order, separated by spaces or commas, in any case; `native` shows only where the browser has a share sheet. Allowed: native copy pinterest facebook x whatsapp email wechat. Default: all of them, in that order. */
  targets = SHARE_TARGETS.join(' ');
  /** What is shared: the saved items, or the product named by `product-id`. Allowed: wishlist, product. Default: wishlist. */
  what = 'wishlist';
  /** The product to share (implies `what="product"`). Allowed: a product id. */
  productId = '';
  /** The page to share; for a wishlist, the page that shows shared wishlists. Allowed: an http(s) or relative URL. Default: the product's page, else this page. */
  url = '';
  /** Text that goes with the link. Allowed: any text. Default: the product's name, or a localized line about the wishlist. */
  text = '';

  private status = '';
  private manualCopy = false;
  private showQr = false;
  /** The QR encoder, loaded the first time a shopper picks WeChat. */
  private qrCode: typeof qrCode | undefined;
  /** With `api`: the back end's short link for the list as it is (`url` once it arrived). */
  private shortLink: { key: string; url?: string } | undefined;

  private readonly menu = new PopoverController(this, {
    trigger: () => this.renderRoot.querySelector('[part="trigger"]'),
    panel: () => this.renderRoot.querySelector('[part="panel"]'),
    initialFocus: () => this.renderRoot.querySelector('[part~="target"]'),
    onToggle: () => {
      this.status = '';
      this.manualCopy = false;
      this.showQr = false;
    },
  });
  private readonly items = new StoreController(this, $wishlistItems);
  private readonly products = new StoreController(this, $products);

  private get sharesProduct(): boolean {
    return this.productId !== '' || this.what === 'product';
  }

  /** The choices named by `targets`, read when it is set. */
  private named: ShareTarget[] = [];

  /** The choices shown: those named that this browser has, else the default ones. */
  private get targetList(): ShareTarget[] {
    // The device's share sheet shows once the server's drawing is adopted.
    const native = !this.serverDrawn && hasShareSheet();
    const shown = available(this.named, native);
    return shown.length > 0 ? shown : available(SHARE_TARGETS, native);
  }

  /**
   * Reads `targets` as a marketer writes it (any case, spaces or commas), warning at load
   * about each name it does not know, and when nothing this browser can show remains (the
   * default choices are shown then). What a misspelt name meant is looked up only when there
   * is one, with the code that finds it.
   */
  private readTargets(): ShareTarget[] {
    const names = this.targets.split(/[\s,]+/).filter(Boolean);
    const known: ShareTarget[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const target = name.toLowerCase();
      if ((SHARE_TARGETS as readonly string[]).includes(target)) known.push(target as ShareTarget);
      else unknown.push(name);
    }
    const { targets } = this;
    const fallsBack = available(known).length === 0;
    const say = (nearest?: (target: string) => string | undefined): void => {
      for (const name of unknown) {
        const meant = nearest?.(name.toLowerCase());
        warn(
          `<vitrine-share> targets names "${name}", which is not a share choice; it is left out.${meant ? ` Did you mean ${meant}?` : ''} Choose from: ${SHARE_TARGETS.join(' ')}.`,
          `share-target:${name}`,
        );
      }
      if (!fallsBack) return;
      const why =
        known.length > 0
          ? 'native shows only in browsers with a share sheet, and this one has none'
          : 'it names no share choice';
      warn(
        `<vitrine-share> targets="${targets}": ${why}; the default choices are shown instead. Write targets="native copy email", for example: a choice besides native.`,
        `share-targets:${targets}`,
      );
    };
    if (unknown.length === 0) say();
    else {
      import('../core/attribute-names.js').then(
        ({ nearestAttribute }) =>
          say((target) => nearestAttribute('vitrine-share', target, SHARE_TARGETS)),
        () => say(),
      );
    }
    return [...new Set(known)];
  }

  /** What is being shared, or nothing when there is nothing to share yet. */
  private payload(): { url: string; text: string; image?: string | undefined } | undefined {
    if (this.sharesProduct) {
      const product = $products.get()[this.productId];
      const url = safeUrl(this.url) ?? product?.url ?? safeUrl(location.href.split('#')[0]);
      if (!url) return undefined;
      return { url, text: this.text || product?.name || document.title, image: product?.image };
    }
    const items = this.items.value;
    if (items.length === 0) return undefined;
    const landing = safeUrl(this.url) ?? location.href.split('#')[0]!;
    return {
      url: this.config.api ? (this.shortLink?.url ?? '') : shareUrlFor(items, landing),
      text: this.text || this.t('share.text'),
      image: items.find((item) => item.image)?.image,
    };
  }

  /**
   * With `api`, a wishlist is shared as a short link from the back end (short enough for a
   * QR code, and the list stays private to those who get the link). Fetched when the menu
   * opens; if the back end cannot make one, the fragment link is shared instead.
   */
  private requestShortLink(items: readonly WishlistItem[]): void {
    const landing = safeUrl(this.url) ?? location.href.split('#')[0]!;
    const key = JSON.stringify([landing, ...items.map(itemKey)]);
    if (this.shortLink?.key === key) return;
    this.shortLink = { key };
    const settle = (url: string) => {
      if (this.shortLink?.key === key) this.shortLink = { key, url };
    };
    import('../stores/short-links.js')
      .then((remote) => remote.createShortLink(items, landing))
      .then(settle, (error: unknown) => {
        warn(`the back end could not make a short link (${String(error)}); sharing a full link.`);
        settle(shareUrlFor(items, landing));
      });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('targets')) this.named = this.readTargets();
    if (changed.has('url') && this.url !== '' && !safeUrl(this.url)) {
      warnAttribute('vitrine-share', 'url', this.url, {
        expected: 'an http(s) address',
        instead: "the product's page or this page is shared",
        example: 'url="https://maison.example/wishlist/shared"',
      });
    }
    if (changed.has('what') && this.what !== 'wishlist' && this.what !== 'product') {
      warnAttribute('vitrine-share', 'what', this.what, {
        expected: 'wishlist or product',
        instead: 'the wishlist is shared',
        example: 'what="product" product-id="sac-lune"',
      });
    }
    if (this.menu.open && this.config.api && !this.sharesProduct && this.items.value.length > 0) {
      this.requestShortLink(this.items.value);
    }
  }

  /** Fires the cancelable `vitrine-share`; true when the share may go ahead. */
  private announce(target: ShareTarget, url: string): boolean {
    return emit(this, 'vitrine-share', { target, url }, { cancelable: true });
  }

  private async shareNative(url: string, text: string): Promise<void> {
    try {
      await navigator.share({ url, text, title: text });
    } catch (error) {
      // Closing the share sheet rejects with AbortError: the shopper changed their mind.
      if ((error as DOMException)?.name !== 'AbortError') {
        warn(`the share sheet failed: ${String(error)}`);
      }
    }
  }

  private async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.status = this.t('share.copied');
      this.showQr = false;
    } catch {
      // No clipboard access (permissions, insecure context): let the shopper copy by hand.
      this.manualCopy = true;
      await this.updateComplete;
      const input = this.renderRoot.querySelector('input');
      input?.focus();
      input?.select();
    }
  }

  private async choose(target: ShareTarget, event: Event): Promise<void> {
    const payload = this.payload();
    if (!payload || !this.announce(target, payload.url)) {
      event.preventDefault();
      return;
    }
    if (target === 'native') await this.shareNative(payload.url, payload.text);
    else if (target === 'copy') await this.copy(payload.url);
    else if (target === 'wechat') await this.toggleQr();
  }

  private async toggleQr(): Promise<void> {
    this.showQr = !this.showQr;
    // The QR code is the news now; an older "Link copied." would read as about it.
    this.status = '';
    if (!this.showQr || this.qrCode) return;
    try {
      this.qrCode = (await import('./qr-code.js')).qrCode;
    } catch (error) {
      warn(`could not load the QR code encoder: ${String(error)}`);
    }
  }

  private renderTarget(
    target: ShareTarget,
    payload: NonNullable<ReturnType<VitrineShare['payload']>>,
  ) {
    const label = this.t(`share.${target}`);
    const part = `target target-${target}`;
    if (target === 'native' || target === 'copy' || target === 'wechat') {
      return html`<li>
        <button
          part=${part}
          type="button"
          aria-expanded=${target === 'wechat' ? String(this.showQr) : nothing}
          @click=${(event: Event) => void this.choose(target, event)}
        >
          ${label}
        </button>
      </li>`;
    }
    return html`<li>
      <a
        part=${part}
        href=${shareTargetUrl(target as LinkTarget, payload)}
        target="_blank"
        rel="noopener noreferrer"
        @click=${(event: Event) => void this.choose(target, event)}
        >${label}</a
      >
    </li>`;
  }

  private renderPanel() {
    const payload = this.payload();
    if (!payload) return html`<p class="empty">${this.t('share.emptyWishlist')}</p>`;
    if (payload.url === '') {
      return html`<p class="status" role="status">${this.t('share.preparing')}</p>`;
    }
    const qr =
      this.showQr && this.qrCode ? this.qrCode(payload.url, this.t('share.wechatQr')) : undefined;
    // With the QR code open, only its own button stays (it closes it): the panel stays small.
    const targets = this.showQr ? (['wechat'] as const) : this.targetList;
    return html`
      <ul>
        ${targets.map((target) => this.renderTarget(target, payload))}
      </ul>
      ${
        this.showQr
          ? html`<div class="wechat">
              ${qr ?? nothing}
              ${
                this.qrCode
                  ? html`<p class="hint">${this.t(qr ? 'share.wechatHint' : 'share.qrTooLong')}</p>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        this.manualCopy
          ? html`<label class="hint"
              >${this.t('share.copyManually')}
              <input
                readonly
                .value=${payload.url}
                @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
            /></label>`
          : nothing
      }
      <p class="status" role="status">${this.status}</p>
    `;
  }

  override render() {
    const label = this.sharesProduct ? this.t('share.button') : this.t('share.wishlist');
    return html`
      <div>
        <button
          part="trigger"
          type="button"
          aria-expanded=${String(this.menu.open)}
          aria-controls=${this.menu.id}
          @click=${() => this.menu.toggle()}
          @pointerenter=${loadFloatingUi}
          @focus=${loadFloatingUi}
        >
          <slot>${label}</slot>
        </button>
        <div
          part="panel"
          id=${this.menu.id}
          role="group"
          aria-label=${this.t('share.menu')}
          ?hidden=${!this.menu.open}
        >
          ${this.menu.open ? this.renderPanel() : nothing}
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-share': VitrineShare;
  }
}
