import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/wishlist/index.js';
import type { VitrineSharedWishlist } from '../../src/wishlist/shared-wishlist.js';
import { configure } from '../../src/core/config.js';
import {
  $wishlistCount,
  $wishlistItems,
  addToWishlist,
  clearWishlist,
} from '../../src/stores/wishlist.js';
import { SHARE_PARAM, shareUrlFor } from '../../src/stores/share-link.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';
import { callBackend, useBackend } from '../support/backend-client.js';

const items = [
  { productId: 'sac-01', name: 'Sac Lune', price: 1250, currency: 'EUR' },
  { productId: 'carre-02', name: 'Carré de soie', price: 420, currency: 'EUR' },
];

function openLink(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${hash}`);
}

describe('<vitrine-shared-wishlist>', () => {
  beforeEach(resetVitrine);

  it('round trip: share → open the link → shared view → save all → merged without duplicates', async () => {
    for (const item of items) addToWishlist(item);
    const link = new URL(shareUrlFor($wishlistItems.get()));
    // The receiver already has one of the pieces.
    clearWishlist();
    addToWishlist(items[0]!);
    openLink(link.hash);

    const el = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    const names = [...el.shadowRoot!.querySelectorAll('[part="name"]')].map((n) => n.textContent);
    expect(names).to.deep.equal(['Carré de soie', 'Sac Lune']);
    expect(el.shadowRoot!.querySelector('[part="remove"]')).to.equal(null);
    await expect(el).to.be.accessible();

    const saved = oneEvent(el, 'vitrine-shared-wishlist-save');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-all"]')!.click();
    expect((await saved).detail).to.deep.equal({ added: 1, count: 2 });
    await el.updateComplete;
    expect($wishlistCount.get()).to.equal(2);
    expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent).to.contain(
      '1 piece added',
    );

    // Done: the button says so, and a second press changes nothing.
    const saveAll = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-all"]')!;
    expect(saveAll.textContent!.trim()).to.equal('All in your wishlist');
    expect(saveAll.getAttribute('aria-disabled')).to.equal('true');
    saveAll.click();
    await el.updateComplete;
    expect($wishlistCount.get()).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('keeps one piece at a time with its own heart, and follows the wishlist', async () => {
    for (const item of items) addToWishlist(item);
    const link = new URL(shareUrlFor($wishlistItems.get()));
    clearWishlist();
    openLink(link.hash);
    const el = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    const hearts = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="heart"]')];
    expect(hearts).to.have.length(2);
    const heartButton = (heart: HTMLElement) =>
      heart.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
    await until(() => heartButton(hearts[0]!) !== null, 'hearts drawn');
    expect(heartButton(hearts[0]!).getAttribute('aria-pressed')).to.equal('false');
    heartButton(hearts[1]!).click();
    expect($wishlistItems.get().map((item) => item.productId)).to.deep.equal(['sac-01']);
    await el.updateComplete;
    const saveAll = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-all"]')!;
    expect(saveAll.textContent!.trim()).to.equal('Save all to my wishlist');
    heartButton(hearts[0]!).click();
    await until(() => saveAll.textContent!.trim() === 'All in your wishlist', 'all saved');
    await expect(el).to.be.accessible();
  });

  it('shows a clear message for a truncated link and changes nothing', async () => {
    addToWishlist({ productId: 'mine' });
    const link = new URL(shareUrlFor(items));
    openLink(link.hash.slice(0, link.hash.length - 10));
    const el = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    const message = el.shadowRoot!.querySelector('[part="message"]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.contain('damaged or incomplete');
    expect(el.shadowRoot!.querySelector('[part="save-all"]')).to.equal(null);
    expect($wishlistItems.get().map((item) => item.productId)).to.deep.equal(['mine']);
    await expect(el).to.be.accessible();
  });

  it('refuses a 512 KB fragment quickly and safely', async () => {
    // Half a megabyte: far over the link's 8 KB, under the 1 MB URL that Firefox refuses itself.
    openLink(`#${SHARE_PARAM}=${'A'.repeat(512 * 1024)}`);
    const el = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent).to.contain('too long');
    expect($wishlistCount.get()).to.equal(0);
  });

  it('updates when the fragment changes, and says when there is no list', async () => {
    const el = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent).to.contain(
      'holds no wishlist',
    );
    location.hash = new URL(shareUrlFor(items)).hash;
    await oneEvent(window, 'hashchange');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(2);
  });

  it('shows a stranger’s links and pictures from other sites as plain items, warning once', async () => {
    const hostile = [
      {
        productId: 'sac-01',
        name: 'Sac Lune — 90 % off',
        price: 12,
        currency: 'EUR',
        url: 'https://maison-outlet.example/pay',
        image: 'https://tracker.example/pixel.gif?visitor=1',
      },
      {
        productId: 'carre-02',
        name: 'Carré de soie',
        url: new URL('/products/carre', location.href).href,
        image: new URL('/products/carre.svg', location.href).href,
      },
      {
        productId: 'etole-03',
        name: 'Étole',
        // The page's host over the other scheme (the test page is served over http).
        url: `https://${location.host}/products/etole`,
        image: 'https://cdn.maison.example/etole.jpg',
      },
    ];
    openLink(new URL(shareUrlFor(hostile)).hash);
    let el!: VitrineSharedWishlist;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineSharedWishlist>(
        html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
      );
    });
    const root = el.shadowRoot!;
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.href);
    const images = [...root.querySelectorAll('img')].map((img) => img.src);
    expect(hrefs).to.deep.equal([new URL('/products/carre', location.href).href]);
    expect(images).to.deep.equal([new URL('/products/carre.svg', location.href).href]);
    expect(root.querySelectorAll('[part="item"]')).to.have.length(3);
    expect(root.textContent).to.contain('Sac Lune — 90 % off');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/2 of 3 items link to or show pictures from other sites/);

    // Saved, they keep nothing from the other sites either.
    root.querySelector<HTMLButtonElement>('[part="save-all"]')!.click();
    await el.updateComplete;
    const wishlist = document.createElement('vitrine-wishlist');
    document.body.append(wishlist);
    try {
      await (wishlist as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const saved = wishlist.shadowRoot!.innerHTML;
      expect(saved).not.to.contain('tracker.example');
      expect(saved).not.to.contain('maison-outlet.example');
    } finally {
      wishlist.remove();
    }
  });

  it('shows pictures from the image origins of <vitrine-config>, never links to them', async () => {
    configure({ imageOrigins: 'https://cdn.maison.example' });
    const image = 'https://cdn.maison.example/sac-lune.jpg';
    openLink(
      new URL(
        shareUrlFor([
          { productId: 'sac-01', name: 'Sac Lune', image, url: 'https://cdn.maison.example/x' },
        ]),
      ).hash,
    );
    const el = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('src')).to.equal(image);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('renders each locale', async () => {
    openLink(new URL(shareUrlFor(items)).hash);
    const el = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    const expected = {
      fr: 'Tout enregistrer dans ma liste',
      'zh-Hans': '全部加入我的心愿单',
      en: 'Save all to my wishlist',
    };
    for (const [locale, text] of Object.entries(expected)) {
      configure({ locale });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="save-all"]')!.textContent!.trim()).to.equal(text);
    }
  });

  describe('short links from the back end', () => {
    beforeEach(useBackend);

    const text = (el: HTMLElement, part: string) =>
      el.shadowRoot!.querySelector(`[part="${part}"]`)?.textContent?.trim() ?? '';

    it('opens the list behind a short link, read-only, and saves it all', async () => {
      const { body } = await callBackend<{ id: string }>({
        method: 'POST',
        path: '/wishlists/shared',
        body: {
          items: items.map((item, index) => ({ ...item, addedAt: 1000 - index })),
          landing: `${location.origin}/`,
        },
      });
      openLink(`#vitrine-shared=${body.id}`);
      const el = await fixture<VitrineSharedWishlist>(
        html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
      );
      await until(() => el.shadowRoot!.querySelectorAll('[part="name"]').length === 2, 'items');
      expect(el.shadowRoot!.querySelector('[part="remove"]')).to.equal(null);
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-all"]')!.click();
      expect($wishlistCount.get()).to.equal(2);
    });

    it('says so for an unknown link, and changes nothing', async () => {
      addToWishlist({ productId: 'mine' });
      openLink('#vitrine-shared=AAAAAAAAAAAAAAAAAAAAAA');
      const el = await fixture<VitrineSharedWishlist>(
        html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
      );
      await until(() => /damaged or incomplete/.test(text(el, 'message')), 'the message');
      expect($wishlistCount.get()).to.equal(1);
    });

    it('needs the back end: without api, a clear message and a warning', async () => {
      configure({ api: undefined });
      openLink('#vitrine-shared=AAAAAAAAAAAAAAAAAAAAAA');
      let el!: VitrineSharedWishlist;
      const warnings = await captureWarnings(async () => {
        el = await fixture<VitrineSharedWishlist>(
          html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
        );
      });
      expect(text(el, 'message')).to.match(/cannot be loaded right now/);
      expect(warnings.join('\n')).to.match(/short wishlist link needs the back end/);
    });
  });
});
