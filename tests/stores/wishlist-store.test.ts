import { expect } from '@open-wc/testing';
import { registerProduct, $products } from '../../src/stores/products.js';
import {
  $wishlist,
  $wishlistCount,
  $wishlistItems,
  MAX_WISHLIST_ITEMS,
  addToWishlist,
  mergeIntoWishlist,
  removeFromWishlist,
  replaceWishlist,
} from '../../src/stores/wishlist.js';
import { captureWarnings, resetVitrine } from '../support/helpers.js';

const ids = () => $wishlistItems.get().map((item) => item.productId);

describe('$wishlistItems and $wishlistCount', () => {
  beforeEach(resetVitrine);

  it('list the saved products newest first, with what the page knows of them', async () => {
    addToWishlist({ productId: 'join-a', name: 'Sac Lune', price: 1250 });
    addToWishlist({ productId: 'join-b' });
    expect(ids()).to.deep.equal(['join-b', 'join-a']);
    expect($wishlistItems.get()[1]).to.include({ name: 'Sac Lune', price: 1250 });
    // The page describes a saved product later (its card scrolled into view): the list shows it.
    registerProduct({
      productId: 'join-b',
      name: 'Carré Jardin',
      image: 'https://cdn.example/c.jpg',
    });
    await Promise.resolve();
    expect($wishlistItems.get()[0]).to.include({
      productId: 'join-b',
      name: 'Carré Jardin',
      image: 'https://cdn.example/c.jpg',
    });
    expect($wishlistItems.get()[0]!.addedAt).to.be.a('number');
  });

  it('keep one copy of a product’s details, in $products', () => {
    addToWishlist({ productId: 'one-copy', name: 'Escarpin Opéra' });
    expect($wishlist.get()['one-copy']).to.have.keys(['productId', 'addedAt']);
    expect($products.get()['one-copy']!.name).to.equal('Escarpin Opéra');
  });

  it('count what is saved, and leave out what was removed', () => {
    const counts: number[] = [];
    const stop = $wishlistCount.listen((count) => counts.push(count));
    addToWishlist({ productId: 'count-a' });
    addToWishlist({ productId: 'count-b' });
    addToWishlist({ productId: 'count-a' });
    removeFromWishlist('count-a');
    stop();
    expect(counts).to.deep.equal([1, 2, 1]);
    expect(ids()).to.deep.equal(['count-b']);
  });

  it('refuse a product without a valid id, with a warning', async () => {
    const warnings = await captureWarnings(() => {
      expect(addToWishlist({ productId: 'not valid' })).to.equal(false);
    });
    expect(warnings.join()).to.contain('cannot save a product without a valid product-id');
    expect($wishlistCount.get()).to.equal(0);
  });
});

describe('mergeIntoWishlist()', () => {
  beforeEach(resetVitrine);

  it('skips items without a valid id, and changes nothing when nothing is new', () => {
    addToWishlist({ productId: 'merge-kept' });
    expect(
      mergeIntoWishlist([{ productId: 'bad id' }, { productId: 'merge-new' }] as never),
    ).to.equal(1);
    let changes = 0;
    const stop = $wishlist.listen(() => (changes += 1));
    expect(mergeIntoWishlist([{ productId: 'merge-kept' }, { productId: 'merge-new' }])).to.equal(
      0,
    );
    stop();
    expect(changes).to.equal(0);
  });

  it('never overrides what the page says of a product with what a shared list says', async () => {
    registerProduct({ productId: 'merge-described', name: 'Page name' });
    await Promise.resolve();
    mergeIntoWishlist([{ productId: 'merge-described', name: 'Shared name', price: 420 }]);
    expect($wishlistItems.get()[0]).to.include({ name: 'Page name', price: 420 });
  });
});

describe('replaceWishlist()', () => {
  beforeEach(resetVitrine);

  it('replaces the whole list with the account’s copy, in its order', () => {
    addToWishlist({ productId: 'replaced-away' });
    replaceWishlist([
      { productId: 'server-old', name: 'Old', addedAt: 1_000 },
      { productId: 'server-new', name: 'New', addedAt: 2_000 },
    ]);
    expect(ids()).to.deep.equal(['server-new', 'server-old']);
    expect($wishlistItems.get().map((item) => item.addedAt)).to.deep.equal([2_000, 1_000]);
    expect($wishlistCount.get()).to.equal(2);
  });

  it('drops what is not valid: bad ids, duplicates, unsafe URLs', () => {
    replaceWishlist([
      { productId: 'bad id', addedAt: 1 },
      { productId: 'dup', name: 'First', image: 'javascript:alert(1)', addedAt: 5 },
      { productId: 'dup', name: 'Second', addedAt: 6 },
      { productId: 'no-date', addedAt: 'yesterday' as never },
    ]);
    expect(ids()).to.have.members(['dup', 'no-date']);
    const dup = $wishlistItems.get().find((item) => item.productId === 'dup')!;
    expect(dup).to.include({ name: 'First', addedAt: 5 });
    expect(dup.image).to.equal(undefined);
    expect($wishlistItems.get().find((item) => item.productId === 'no-date')!.addedAt).to.be.a(
      'number',
    );
  });

  it('keeps no more than the limit', () => {
    replaceWishlist(
      Array.from({ length: MAX_WISHLIST_ITEMS + 20 }, (_, i) => ({
        productId: `bulk-${i}`,
        addedAt: i,
      })),
    );
    expect($wishlistCount.get()).to.equal(MAX_WISHLIST_ITEMS);
  });

  it('fills in details the page has not given, under what it has', async () => {
    registerProduct({ productId: 'replace-described', name: 'Page name' });
    await Promise.resolve();
    replaceWishlist([
      { productId: 'replace-described', name: 'Account name', price: 90, addedAt: 1 },
    ]);
    expect($wishlistItems.get()[0]).to.include({ name: 'Page name', price: 90 });
  });

  it('shows a product saved afterwards first, even if the account’s clock ran ahead', () => {
    const ahead = Date.now() + 3600_000;
    replaceWishlist([{ productId: 'from-the-future', addedAt: ahead }]);
    addToWishlist({ productId: 'saved-now' });
    expect(ids()).to.deep.equal(['saved-now', 'from-the-future']);
  });
});
