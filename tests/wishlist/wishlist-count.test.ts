import { expect, fixture, html } from '@open-wc/testing';
import '../../src/wishlist/index.js';
import type { VitrineWishlistCount } from '../../src/wishlist/wishlist-count.js';
import { configure } from '../../src/core/config.js';
import { addToWishlist, removeFromWishlist } from '../../src/stores/wishlist.js';
import { resetVitrine } from '../support/helpers.js';

describe('<vitrine-wishlist-count>', () => {
  beforeEach(resetVitrine);

  it('counts saved items and says what the number means', async () => {
    const el = await fixture<VitrineWishlistCount>(
      html`<vitrine-wishlist-count></vitrine-wishlist-count>`,
    );
    const badge = () => el.shadowRoot!.querySelector('[part="badge"]')!.textContent;
    expect(badge()).to.equal('0');
    addToWishlist({ productId: 'a' });
    addToWishlist({ productId: 'b' });
    await el.updateComplete;
    expect(badge()).to.equal('2');
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal('2 saved items');
    removeFromWishlist('a');
    await el.updateComplete;
    expect(badge()).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it('marks the empty state for hide-empty', async () => {
    const el = await fixture<VitrineWishlistCount>(
      html`<vitrine-wishlist-count hide-empty></vitrine-wishlist-count>`,
    );
    expect(el.hasAttribute('data-empty')).to.equal(true);
    expect(el.getBoundingClientRect().width).to.equal(0);
    addToWishlist({ productId: 'a' });
    await el.updateComplete;
    expect(el.hasAttribute('data-empty')).to.equal(false);
    expect(el.getBoundingClientRect().width).to.be.greaterThan(10);
  });

  it('renders each locale', async () => {
    addToWishlist({ productId: 'a' });
    const el = await fixture<VitrineWishlistCount>(
      html`<vitrine-wishlist-count></vitrine-wishlist-count>`,
    );
    const label = () => el.shadowRoot!.querySelector('.visually-hidden')!.textContent;
    for (const [locale, text] of [
      ['fr', '1 article enregistré'],
      ['zh-Hans', '已收藏 1 件'],
      ['en', '1 saved item'],
    ]) {
      configure({ locale });
      await el.updateComplete;
      expect(label()).to.equal(text);
    }
  });
});
