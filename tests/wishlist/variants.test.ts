import { expect, fixture, html } from '@open-wc/testing';
import '../../src/wishlist/index.js';
import type { VitrineWishlist } from '../../src/wishlist/wishlist.js';
import type { VitrineWishlistButton } from '../../src/wishlist/wishlist-button.js';
import type { VitrineSharedWishlist } from '../../src/wishlist/shared-wishlist.js';
import { $wishlistItems, STORAGE_KEY, isSaved } from '../../src/stores/wishlist.js';
import { SHARE_PARAM, readSharedWishlist, shareUrlFor } from '../../src/stores/share-link.js';
import { $products, sanitizeProduct } from '../../src/stores/products.js';
import { captureWarnings, openSecondPage, resetVitrine, until } from '../support/helpers.js';

const pressed = (button: Element) =>
  button.shadowRoot!.querySelector('button')!.getAttribute('aria-pressed');

const base64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

async function twoSizes() {
  const el = await fixture(
    html`<div>
      <vitrine-wishlist-button
        product-id="escarpin-opera"
        variant-id="38-noir"
        variant-name="Taille 38 · Noir"
        name="Escarpin Opéra"
      ></vitrine-wishlist-button>
      <vitrine-wishlist-button
        product-id="escarpin-opera"
        variant-id="40-noir"
        variant-name="Taille 40 · Noir"
        name="Escarpin Opéra"
      ></vitrine-wishlist-button>
      <vitrine-wishlist-button
        product-id="escarpin-opera"
        name="Escarpin Opéra"
      ></vitrine-wishlist-button>
      <vitrine-wishlist></vitrine-wishlist>
    </div>`,
  );
  const [size38, size40, product] = [
    ...el.querySelectorAll<VitrineWishlistButton>('vitrine-wishlist-button'),
  ] as [VitrineWishlistButton, VitrineWishlistButton, VitrineWishlistButton];
  await Promise.all([size38.updateComplete, size40.updateComplete, product.updateComplete]);
  return { size38, size40, product, list: el.querySelector<VitrineWishlist>('vitrine-wishlist')! };
}

describe('variants: an item is the pair (product, variant)', () => {
  beforeEach(resetVitrine);

  it('saves two sizes of one product as two items, shown with their variant, removed one at a time', async () => {
    const { size38, size40, product, list } = await twoSizes();
    const changes: unknown[] = [];
    document.addEventListener('vitrine-wishlist-change', (event) => changes.push(event.detail));
    size38.shadowRoot!.querySelector('button')!.click();
    size40.shadowRoot!.querySelector('button')!.click();
    await list.updateComplete;
    expect([pressed(size38), pressed(size40), pressed(product)]).to.deep.equal([
      'true',
      'true',
      'false',
    ]);
    expect(changes).to.deep.equal([
      { productId: 'escarpin-opera', variantId: '38-noir', saved: true, count: 1 },
      { productId: 'escarpin-opera', variantId: '40-noir', saved: true, count: 2 },
    ]);
    const variants = [...list.shadowRoot!.querySelectorAll('[part="variant"]')].map(
      (node) => node.textContent,
    );
    expect(variants).to.deep.equal(['Taille 40 · Noir', 'Taille 38 · Noir']);
    expect(size38.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal(
      'Save Escarpin Opéra, Taille 38 · Noir to wishlist',
    );

    // Removing size 40 from the list leaves size 38 saved.
    const remove = list.shadowRoot!.querySelector<HTMLButtonElement>('[part="remove"]')!;
    expect(remove.getAttribute('aria-label')).to.equal(
      'Remove Escarpin Opéra, Taille 40 · Noir from wishlist',
    );
    remove.click();
    await list.updateComplete;
    await size40.updateComplete;
    expect([pressed(size38), pressed(size40)]).to.deep.equal(['true', 'false']);
    expect(isSaved('escarpin-opera', '38-noir')).to.equal(true);
    expect(isSaved('escarpin-opera')).to.equal(false);
    await expect(list).to.be.accessible();
  });

  it('keeps the two sizes apart on another page, both ways', async () => {
    const { size38, size40 } = await twoSizes();
    size38.shadowRoot!.querySelector('button')!.click();
    const second = await openSecondPage();
    second.window.document.body.insertAdjacentHTML(
      'beforeend',
      `<vitrine-wishlist-button id="s38" product-id="escarpin-opera" variant-id="38-noir"></vitrine-wishlist-button>
       <vitrine-wishlist-button id="s40" product-id="escarpin-opera" variant-id="40-noir"></vitrine-wishlist-button>`,
    );
    const there = (id: string) => second.window.document.getElementById(id)!;
    await until(
      () =>
        there('s38').shadowRoot?.querySelector('button')?.getAttribute('aria-pressed') === 'true',
      'size 38 saved on the other page',
    );
    expect(pressed(there('s40'))).to.equal('false');

    // The other page saves size 40 and removes size 38: this page follows, item by item.
    there('s40').shadowRoot!.querySelector('button')!.click();
    there('s38').shadowRoot!.querySelector('button')!.click();
    await until(
      () => isSaved('escarpin-opera', '40-noir') && !isSaved('escarpin-opera', '38-noir'),
      'the other page’s changes',
    );
    await size40.updateComplete;
    expect([pressed(size38), pressed(size40)]).to.deep.equal(['false', 'true']);
    expect($wishlistItems.get().map((item) => item.variantName)).to.deep.equal([
      'Taille 40 · Noir',
    ]);
    second.close();
  });

  it('still loads a list saved before variants, on the next page', async () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        v: 1,
        items: [
          { productId: 'sac-lune', name: 'Sac Lune', price: 1250, addedAt: 2 },
          { productId: 'carre-jardin', name: 'Carré Jardin', addedAt: 1 },
        ],
      }),
    );
    const second = await openSecondPage();
    second.window.document.body.insertAdjacentHTML(
      'beforeend',
      '<vitrine-wishlist></vitrine-wishlist>',
    );
    const list = second.window.document.querySelector('vitrine-wishlist')!;
    await until(
      () => list.shadowRoot?.querySelectorAll('[part="item"]').length === 2,
      'the stored list to show',
    );
    const names = [...list.shadowRoot!.querySelectorAll('[part="name"]')].map((n) => n.textContent);
    expect(names).to.deep.equal(['Sac Lune', 'Carré Jardin']);
    second.close();
  });

  it('carries variants in a share link (version 2), and still opens a link made before', async () => {
    const url = shareUrlFor([
      {
        productId: 'escarpin-opera',
        variantId: '38-noir',
        variantName: 'Taille 38 · Noir',
        name: 'Escarpin Opéra',
      },
      {
        productId: 'escarpin-opera',
        variantId: '40-noir',
        variantName: 'Taille 40 · Noir',
        name: 'Escarpin Opéra',
      },
      { productId: 'sac-lune', name: 'Sac Lune' },
    ]);
    history.replaceState(null, '', new URL(url).hash);
    const shared = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    const variants = [...shared.shadowRoot!.querySelectorAll('[part="item"]')].map(
      (item) => item.querySelector('[part="variant"]')?.textContent ?? '',
    );
    expect(variants).to.deep.equal(['Taille 38 · Noir', 'Taille 40 · Noir', '']);
    shared.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-all"]')!.click();
    expect(isSaved('escarpin-opera', '38-noir')).to.equal(true);
    expect(isSaved('escarpin-opera', '40-noir')).to.equal(true);
    expect(isSaved('sac-lune')).to.equal(true);
    expect(isSaved('escarpin-opera')).to.equal(false);

    const before = base64url(
      JSON.stringify({ v: 1, items: [{ id: 'sac-lune', n: 'Sac Lune', vi: 'x' }] }),
    );
    expect(readSharedWishlist(`#${SHARE_PARAM}=${before}`)).to.deep.equal({
      status: 'ok',
      items: [{ productId: 'sac-lune', name: 'Sac Lune' }],
    });
  });

  it('keeps the product and says so when a variant id is hostile, never making a new item of it', async () => {
    let el!: VitrineWishlistButton;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineWishlistButton>(
        html`<vitrine-wishlist-button
          product-id="sac-lune"
          variant-id=${'javascript:alert(1) <b>'}
          variant-name="Cuir noir"
        ></vitrine-wishlist-button>`,
      );
    }, 'variant-name needs');
    expect(warnings).to.deep.equal([
      '[vitrine] <vitrine-wishlist-button product-id="sac-lune"> variant-id="javascript:alert(1) <b>" is not a variant id of letters, digits and . _ : / @ + - (up to 128); the product itself is saved, without a variant. Write variant-id="38-noir", for example.',
      '[vitrine] <vitrine-wishlist-button product-id="sac-lune"> variant-name needs a variant-id beside it; it is not shown.',
    ]);
    el.shadowRoot!.querySelector('button')!.click();
    expect(isSaved('sac-lune')).to.equal(true);
    expect($wishlistItems.get()[0]).not.to.have.property('variantId');
    expect(
      sanitizeProduct({ productId: 'a', variantId: 'b'.repeat(129), variantName: 'x' }),
    ).to.deep.equal({
      productId: 'a',
    });
  });

  it('tells the product from its variants: a leaderboard finds the name of a product shown only in sizes', async () => {
    await twoSizes();
    await Promise.resolve();
    expect($products.get()['escarpin-opera']?.name).to.equal('Escarpin Opéra');
    expect($products.get()['escarpin-opera#38-noir']?.variantName).to.equal('Taille 38 · Noir');
  });
});
