import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/wishlist/index.js';
import type { VitrineWishlist } from '../../src/wishlist/wishlist.js';
import { configure } from '../../src/core/config.js';
import { addToWishlist, isSaved } from '../../src/stores/wishlist.js';
import { registerProduct } from '../../src/stores/products.js';
import { captureWarnings, resetVitrine } from '../support/helpers.js';

const sac = {
  productId: 'sac-01',
  name: 'Sac Lune',
  price: 1250,
  currency: 'EUR',
  image: '/tests/fixtures/sac.svg',
  url: 'https://maison.example/sac',
};

describe('<vitrine-wishlist>', () => {
  beforeEach(resetVitrine);

  for (const value of ['9', 'h3']) {
    it(`says which heading level it uses for heading-level="${value}"`, async () => {
      let el!: VitrineWishlist;
      const warnings = await captureWarnings(async () => {
        el = await fixture<VitrineWishlist>(
          html`<vitrine-wishlist heading-level=${value}></vitrine-wishlist>`,
        );
      });
      expect(warnings).to.deep.equal([
        `[vitrine] <vitrine-wishlist> heading-level="${value}" is not a heading level from 1 to 6; level 2 is used. Write heading-level="3", for example.`,
      ]);
      const heading = el.shadowRoot!.querySelector('[part="heading"]')!;
      expect(heading.localName === 'h2' || heading.getAttribute('aria-level') === '2').to.equal(
        true,
      );
    });
  }

  it('shows an empty state, accessible', async () => {
    const el = await fixture<VitrineWishlist>(html`<vitrine-wishlist></vitrine-wishlist>`);
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain(
      'Your wishlist is empty',
    );
    expect(el.shadowRoot!.querySelector('vitrine-share')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lists saved items newest first with image, name link, price and a share button', async () => {
    addToWishlist({ productId: 'carre', name: 'Carré' });
    addToWishlist({ ...sac, image: new URL(sac.image, location.href).href });
    const el = await fixture<VitrineWishlist>(html`<vitrine-wishlist></vitrine-wishlist>`);
    const items = el.shadowRoot!.querySelectorAll('[part="item"]');
    expect(items).to.have.length(2);
    const first = items[0]!;
    expect(first.querySelector('a[part="name"]')!.getAttribute('href')).to.equal(sac.url);
    expect(first.querySelector('a[part="name"]')!.textContent).to.equal('Sac Lune');
    expect(first.querySelector('[part="price"]')!.textContent).to.equal('€1,250');
    expect(first.querySelector('img')!.getAttribute('src')).to.match(/\/fixtures\/sac\.svg$/);
    expect(items[1]!.querySelector('[part="name"]')!.textContent).to.equal('Carré');
    expect(el.shadowRoot!.querySelector('vitrine-share')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows prices in the page locale and the freshest product details', async () => {
    addToWishlist(sac);
    registerProduct({ ...sac, name: 'Sac Lune (nouvelle édition)' });
    configure({ locale: 'fr' });
    const el = await fixture<VitrineWishlist>(html`<vitrine-wishlist></vitrine-wishlist>`);
    const price = el.shadowRoot!.querySelector('[part="price"]')!.textContent!;
    expect(price.replace(/\s/g, ' ')).to.equal('1 250 €');
    expect(el.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal(
      'Sac Lune (nouvelle édition)',
    );
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.contain(
      'Liste d’envies',
    );
  });

  it('removes an item from the keyboard, announces it and keeps focus in the list', async () => {
    addToWishlist({ productId: 'a', name: 'A' });
    addToWishlist({ productId: 'b', name: 'B' });
    const el = await fixture<VitrineWishlist>(html`<vitrine-wishlist></vitrine-wishlist>`);
    const remove = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="remove"]')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove B from wishlist');
    remove.focus();
    const event = oneEvent(el, 'vitrine-wishlist-change');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail).to.deep.equal({ productId: 'b', saved: false, count: 1 });
    await el.updateComplete;
    expect(isSaved('b')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('B removed');
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal(
      'Remove A from wishlist',
    );
  });

  it('renders hostile names as text, never as HTML', async () => {
    addToWishlist({ productId: 'x', name: '<img src=x onerror="window.pwned=1">' });
    const el = await fixture<VitrineWishlist>(html`<vitrine-wishlist></vitrine-wishlist>`);
    expect(el.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal(
      '<img src=x onerror="window.pwned=1">',
    );
    expect(el.shadowRoot!.querySelector('[part="item"] img')).to.equal(null);
  });

  it('hides sharing with share-targets="none"', async () => {
    addToWishlist({ productId: 'a', name: 'A' });
    const el = await fixture<VitrineWishlist>(
      html`<vitrine-wishlist share-targets="none"></vitrine-wishlist>`,
    );
    expect(el.shadowRoot!.querySelector('vitrine-share')).to.equal(null);
  });

  it('renders in zh-Hans', async () => {
    configure({ locale: 'zh-Hans' });
    const el = await fixture<VitrineWishlist>(html`<vitrine-wishlist></vitrine-wishlist>`);
    expect(el.shadowRoot!.textContent).to.contain('心愿单');
    await expect(el).to.be.accessible();
  });
});
