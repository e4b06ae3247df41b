import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { StoreController } from '../core/store-controller.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { booleanAttribute } from '../core/attributes.js';
import { visuallyHidden } from '../core/tokens.styles.js';
import { translatePlural } from '../core/i18n/plural.js';
import { formatNumber } from '../core/i18n/index.js';
import { $wishlistCount } from '../stores/wishlist.js';
import { styles } from './wishlist-count.styles.js';
import { includeMessages } from '../core/i18n/index.js';
import { wishlistMessages } from './messages/index.js';

includeMessages(wishlistMessages);

/**
 * @tag vitrine-wishlist-count
 * @summary A badge with the number of saved items, for a header. Place it inside the
 * site's own wishlist link or button; its text tells screen readers what the number means.
 *
 * @csspart badge - The number.
 *
 * @cssprop --vitrine-wishlist-count-background - Badge background (default: accent colour).
 * @cssprop --vitrine-wishlist-count-color - Badge text colour.
 */
export class VitrineWishlistCount extends VitrineElement {
  static override styles = [VitrineElement.styles, visuallyHidden, styles];

  static override properties: PropertyDeclarations = {
    hideEmpty: {
      type: Boolean,
      attribute: 'hide-empty',
      reflect: true,
      converter: booleanAttribute('vitrine-wishlist-count', 'hide-empty'),
    },
  };

  /** Takes no space while the wishlist is empty (a label beside it stays centred). */
  hideEmpty = false;

  private readonly count = new StoreController(this, $wishlistCount);

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.toggleAttribute('data-empty', this.count.value === 0);
  }

  override render() {
    const count = this.count.value;
    return html`<span part="badge" aria-hidden="true">${formatNumber(this.locale, count)}</span
      ><span class="visually-hidden"
        >${translatePlural(this.locale, 'wishlist.count', { count })}</span
      >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-wishlist-count': VitrineWishlistCount;
  }
}
