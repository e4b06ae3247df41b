// The baseline for the first-render ratio: a plain Lit element that renders the same shadow
// DOM with the same styles as <vitrine-wishlist-button>, and nothing else (no stores, no
// validation, no translation). It takes the same tag, in pages of its own.
import { LitElement, html } from 'lit';
import { tokens } from '../../src/core/tokens.styles.ts';
import { heart } from '../../src/wishlist/heart.ts';
import { styles } from '../../src/wishlist/wishlist-button.styles.ts';

class PlainWishlistButton extends LitElement {
  static styles = [tokens, styles];

  static properties = {
    productId: { attribute: 'product-id', reflect: true },
    name: {},
    price: {},
    currency: {},
    image: {},
    url: {},
    saved: { type: Boolean },
  };

  constructor() {
    super();
    this.productId = '';
    this.name = '';
    this.price = '';
    this.currency = '';
    this.image = '';
    this.url = '';
    this.saved = false;
  }

  render() {
    return html`
      <button
        part="button"
        type="button"
        aria-pressed=${this.saved ? 'true' : 'false'}
        aria-label=${`Save ${this.name} to wishlist`}
        ?disabled=${!this.productId}
        @click=${() => (this.saved = !this.saved)}
      >
        <span part="icon">${heart(this.saved)}</span>
      </button>
    `;
  }
}

customElements.define('vitrine-wishlist-button', PlainWishlistButton);
