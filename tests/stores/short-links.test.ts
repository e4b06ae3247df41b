import { expect } from '@open-wc/testing';
import {
  createShortLink,
  fetchSharedWishlist,
  readShortLinkId,
} from '../../src/stores/short-links.js';
import { backendDown, backendUp, useBackend } from '../support/backend-client.js';
import { resetVitrine } from '../support/helpers.js';

describe('short share links', () => {
  beforeEach(async () => {
    resetVitrine();
    await useBackend();
  });

  it('makes an unguessable, read-only link that opens the same list', async () => {
    const url = await createShortLink(
      [
        { productId: 'sac-lune', name: 'Sac Lune', price: 1250, currency: 'EUR' },
        { productId: 'carre-jardin', name: 'Carré Jardin' },
      ],
      `${location.origin}/shared.html`,
    );
    const link = new URL(url);
    expect(link.origin + link.pathname).to.equal(`${location.origin}/shared.html`);
    const id = readShortLinkId(link.hash)!;
    expect(id).to.match(/^[A-Za-z0-9_-]{22}$/);
    const shared = await fetchSharedWishlist(id);
    expect(shared).to.deep.equal({
      status: 'ok',
      items: [
        { productId: 'sac-lune', name: 'Sac Lune', price: 1250, currency: 'EUR' },
        { productId: 'carre-jardin', name: 'Carré Jardin' },
      ],
    });
  });

  it('carries variants: two sizes of one product come back as two items', async () => {
    const sizes = [
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
    ];
    const url = await createShortLink(sizes, `${location.origin}/shared.html`);
    const shared = await fetchSharedWishlist(readShortLinkId(new URL(url).hash)!);
    expect(shared).to.deep.equal({ status: 'ok', items: sizes });
  });

  it('tells an unknown link from an unreachable back end', async () => {
    expect(await fetchSharedWishlist('AAAAAAAAAAAAAAAAAAAAAA')).to.deep.equal({
      status: 'invalid',
    });
    await backendDown();
    try {
      expect(await fetchSharedWishlist('AAAAAAAAAAAAAAAAAAAAAA')).to.deep.equal({
        status: 'unavailable',
      });
    } finally {
      await backendUp();
    }
  });

  it('reads only well-formed ids from a fragment', () => {
    expect(readShortLinkId('#vitrine-shared=q3ZbN0cW4kE2mXo9ZkQyAA')).to.equal(
      'q3ZbN0cW4kE2mXo9ZkQyAA',
    );
    expect(readShortLinkId('#a=1&vitrine-shared=q3ZbN0cW4kE2mXo9ZkQyAA')).to.equal(
      'q3ZbN0cW4kE2mXo9ZkQyAA',
    );
    expect(readShortLinkId('#vitrine-shared=../../etc')).to.equal(undefined);
    expect(readShortLinkId('#vitrine-shared=short')).to.equal(undefined);
    expect(readShortLinkId('#other=1')).to.equal(undefined);
  });
});
