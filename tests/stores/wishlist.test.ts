import { expect, fixture, html } from '@open-wc/testing';
import '../../src/wishlist/index.js';
import { configure } from '../../src/core/config.js';
import {
  $wishlist,
  $wishlistCount,
  $wishlistItems,
  addToWishlist,
  isSaved,
  MAX_WISHLIST_ITEMS,
  mergeIntoWishlist,
  STORAGE_KEY,
  toggleWishlist,
} from '../../src/stores/wishlist.js';
import { listenKey } from '../../src/core/keyed.js';
import {
  captureWarnings,
  openSecondPage,
  resetVitrine,
  secondPageButton,
  until,
} from '../support/helpers.js';

describe('$wishlist', () => {
  beforeEach(resetVitrine);

  it('persists to localStorage, so a reloaded page shows the same items', async () => {
    toggleWishlist({ productId: 'sac-01', name: 'Sac Lune', price: 1250 });
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY)!);
    expect(stored.v).to.equal(1);
    expect(stored.items[0]).to.include({ productId: 'sac-01', name: 'Sac Lune' });

    const second = await openSecondPage();
    await second.window.customElements.whenDefined('vitrine-wishlist-button');
    await until(
      () => secondPageButton(second.window).getAttribute('aria-pressed') === 'true',
      'the saved state',
    );
    second.close();
  });

  it('syncs across pages of the same origin both ways', async () => {
    const second = await openSecondPage();
    secondPageButton(second.window).click();
    await until(() => isSaved('sac-01'), 'the other page’s save to arrive');
    expect($wishlistItems.get().find((item) => item.productId === 'sac-01')!.name).to.equal(
      'Sac Lune',
    );

    const el = await fixture(
      html`<vitrine-wishlist-button product-id="sac-01" name="Sac Lune"></vitrine-wishlist-button>`,
    );
    el.shadowRoot!.querySelector('button')!.click();
    await until(
      () => secondPageButton(second.window).getAttribute('aria-pressed') === 'false',
      'this page’s unsave to arrive',
    );
    second.close();
  });

  it('keeps the list and stores it again when another page clears the storage', async () => {
    toggleWishlist({ productId: 'sac-01', name: 'Sac Lune' });
    const second = await openSecondPage();
    await second.window.customElements.whenDefined('vitrine-wishlist-button');
    second.window.localStorage.clear();
    await until(() => localStorage.getItem(STORAGE_KEY) !== null, 'the list to be stored again');
    expect(isSaved('sac-01')).to.equal(true);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).items[0].productId).to.equal('sac-01');
    second.close();
  });

  it('merges without duplicates and keeps the shared order', () => {
    addToWishlist({ productId: 'b', name: 'Mine' });
    const added = mergeIntoWishlist([
      { productId: 'a', name: 'A' },
      { productId: 'b', name: 'Theirs' },
      { productId: 'c', name: 'C' },
      { productId: 'a', name: 'A again' },
    ]);
    expect(added).to.equal(2);
    expect($wishlistCount.get()).to.equal(3);
    expect($wishlistItems.get().find((item) => item.productId === 'b')!.name).to.equal('Mine');
    expect(
      $wishlistItems
        .get()
        .map((item) => item.productId)
        .slice(0, 2),
    ).to.deep.equal(['a', 'c']);
  });

  it('refuses an item beyond the limit, with a warning, and keeps the rest', async () => {
    mergeIntoWishlist(
      Array.from({ length: MAX_WISHLIST_ITEMS }, (_, i) => ({ productId: `p${i}` })),
    );
    const warnings = await captureWarnings(() =>
      expect(addToWishlist({ productId: 'one-more' })).to.equal(false),
    );
    expect(warnings.join()).to.contain('full');
    expect($wishlistCount.get()).to.equal(MAX_WISHLIST_ITEMS);
  });

  it('notifies only the listeners of the product that changed', () => {
    const calls: string[] = [];
    const stops = ['a', 'b', 'c'].map((id) => listenKey($wishlist, id, () => calls.push(id)));
    toggleWishlist({ productId: 'b' });
    mergeIntoWishlist([{ productId: 'c' }]);
    stops.forEach((stop) => stop());
    toggleWishlist({ productId: 'a' });
    expect(calls).to.deep.equal(['b', 'c']);
  });

  it('keeps items when the page switches storage, and memory storage writes nothing', () => {
    toggleWishlist({ productId: 'kept' });
    configure({ storage: 'memory' });
    toggleWishlist({ productId: 'memory-only' });
    expect(isSaved('kept') && isSaved('memory-only')).to.equal(true);
    expect(localStorage.getItem(STORAGE_KEY)).not.to.contain('memory-only');
    configure({ storage: 'session' });
    expect(JSON.parse(sessionStorage.getItem(STORAGE_KEY)!).items).to.have.length(2);
  });
});
