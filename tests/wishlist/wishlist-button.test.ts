import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/wishlist/index.js';
import type { VitrineWishlistButton } from '../../src/wishlist/wishlist-button.js';
import { configure } from '../../src/core/config.js';
import { $wishlistCount, $wishlistItems, addToWishlist } from '../../src/stores/wishlist.js';
import { captureWarnings, resetVitrine } from '../support/helpers.js';

function buttonOf(el: HTMLElement): HTMLButtonElement {
  return el.shadowRoot!.querySelector('button')!;
}

describe('<vitrine-wishlist-button>', () => {
  beforeEach(resetVitrine);

  it('saves and unsaves on click, with aria-pressed and a localized name', async () => {
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button
        product-id="sac-01"
        name="Sac Lune"
        price="1250"
        currency="EUR"
      ></vitrine-wishlist-button>`,
    );
    const button = buttonOf(el);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.getAttribute('aria-label')).to.equal('Save Sac Lune to wishlist');

    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect($wishlistItems.get().find((item) => item.productId === 'sac-01')).to.include({
      productId: 'sac-01',
      name: 'Sac Lune',
      price: 1250,
    });

    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect($wishlistCount.get()).to.equal(0);
  });

  it('fires vitrine-wishlist-change with productId, saved and count', async () => {
    addToWishlist({ productId: 'other' });
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button product-id="sac-01" name="Sac"></vitrine-wishlist-button>`,
    );
    setTimeout(() => buttonOf(el).click());
    const event = await oneEvent(document, 'vitrine-wishlist-change');
    expect(event.detail).to.deep.equal({ productId: 'sac-01', saved: true, count: 2 });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('toggles from the keyboard with Enter and Space', async () => {
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button product-id="k-1" name="Carré"></vitrine-wishlist-button>`,
    );
    buttonOf(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(buttonOf(el).getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(buttonOf(el).getAttribute('aria-pressed')).to.equal('false');
  });

  it('updates every button showing the same product, and only those', async () => {
    const wrapper = await fixture(
      html`<div>
        <vitrine-wishlist-button product-id="a" name="A"></vitrine-wishlist-button>
        <vitrine-wishlist-button product-id="a" name="A"></vitrine-wishlist-button>
        <vitrine-wishlist-button product-id="b" name="B"></vitrine-wishlist-button>
      </div>`,
    );
    const [first, second, other] = [...wrapper.querySelectorAll('vitrine-wishlist-button')];
    await Promise.all([first, second, other].map((el) => el!.updateComplete));
    let otherUpdates = 0;
    const originalUpdate = (other as unknown as { update: (c: unknown) => void }).update;
    (other as unknown as { update: (c: unknown) => void }).update = function (changed) {
      otherUpdates++;
      originalUpdate.call(this, changed);
    };
    buttonOf(first!).click();
    await first!.updateComplete;
    await second!.updateComplete;
    expect(buttonOf(second!).getAttribute('aria-pressed')).to.equal('true');
    expect(buttonOf(other!).getAttribute('aria-pressed')).to.equal('false');
    expect(otherUpdates).to.equal(0);
  });

  it('follows the page locale in fr and zh-Hans', async () => {
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button product-id="x" name="Foulard"></vitrine-wishlist-button>`,
    );
    configure({ locale: 'fr' });
    await el.updateComplete;
    expect(buttonOf(el).getAttribute('aria-label')).to.equal(
      'Enregistrer Foulard dans la liste d’envies',
    );
    configure({ locale: 'zh-Hans' });
    await el.updateComplete;
    expect(buttonOf(el).getAttribute('aria-label')).to.equal('收藏Foulard');
  });

  it('is disabled with a warning when product-id is missing', async () => {
    let el!: VitrineWishlistButton;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineWishlistButton>(
        html`<vitrine-wishlist-button name="?"></vitrine-wishlist-button>`,
      );
    }, 'needs a product-id');
    expect(buttonOf(el).disabled).to.equal(true);
    expect(warnings.join('\n')).to.contain('needs a product-id');
  });

  it('drops javascript: and other unsafe image/url values', async () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' \u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
    ];
    for (const value of hostile) {
      await captureWarnings(async () => {
        const el = await fixture<VitrineWishlistButton>(
          html`<vitrine-wishlist-button
            product-id="h"
            name="H"
            image=${value}
            url=${value}
          ></vitrine-wishlist-button>`,
        );
        buttonOf(el).click();
        await el.updateComplete;
      });
      const saved = $wishlistItems.get().find((item) => item.productId === 'h');
      expect(saved, value).to.exist;
      expect(saved!.image, value).to.equal(undefined);
      expect(saved!.url, value).to.equal(undefined);
      resetVitrine();
    }
  });

  it('is accessible in both states', async () => {
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button
        product-id="ax"
        name="Sac"
        show-label
      ></vitrine-wishlist-button>`,
    );
    await expect(el).to.be.accessible();
    buttonOf(el).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('with show-label, says Saved once saved, and its name starts with what it shows', async () => {
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button
        product-id="ax"
        name="Sac"
        show-label
      ></vitrine-wishlist-button>`,
    );
    const visible = () => el.shadowRoot!.querySelector('[part="label"]')!.textContent;
    expect(visible()).to.equal('Save');
    expect(buttonOf(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Save Sac');
    buttonOf(el).click();
    await el.updateComplete;
    expect(visible()).to.equal('Saved');
    expect(buttonOf(el).getAttribute('aria-pressed')).to.equal('true');
    expect(buttonOf(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Saved Sac');
  });

  it('centres the heart in its round button', async () => {
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button product-id="ax" name="Sac"></vitrine-wishlist-button>`,
    );
    const button = buttonOf(el).getBoundingClientRect();
    const icon = el.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
    const middle = (box: DOMRect) => box.top + box.height / 2;
    expect(Math.abs(middle(icon) - middle(button))).to.be.below(1);
  });

  it('leaves the attributes as written, and shows a product given in JavaScript on itself', async () => {
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button product-id="ax" name="Sac"></vitrine-wishlist-button>`,
    );
    // No variant: no empty variant-id for page CSS such as [variant-id] to match.
    expect(el.getAttributeNames().sort()).to.deep.equal(['name', 'product-id']);
    el.product = { productId: 'escarpin-opera', variantId: '38-noir', name: 'Escarpin' };
    await el.updateComplete;
    await el.updateComplete;
    expect(el.getAttribute('product-id')).to.equal('escarpin-opera');
    expect(el.getAttribute('variant-id')).to.equal('38-noir');
    el.product = { productId: 'sac-lune', name: 'Sac Lune' };
    await el.updateComplete;
    await el.updateComplete;
    expect(el.getAttribute('product-id')).to.equal('sac-lune');
    expect(el.hasAttribute('variant-id')).to.equal(false);
  });
});
