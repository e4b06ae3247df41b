import { expect } from '@open-wc/testing';
import '../../src/wishlist/index.js';
import { followAccount } from '../../src/stores/account.js';
import { logout } from '../../src/stores/session.js';
import {
  $wishlistItems,
  $wishlistSync,
  addToWishlist,
  removeFromWishlist,
  type WishlistItem,
} from '../../src/stores/wishlist.js';
import {
  backendDown,
  backendUp,
  callBackend,
  newFan,
  signInAs,
  useBackend,
} from '../support/backend-client.js';
import { resetVitrine, until } from '../support/helpers.js';

followAccount();

const ids = (items: readonly { productId: string }[]) => items.map((item) => item.productId).sort();

/** What the back end holds for `login`, asked from another device. */
async function serverList(login: string): Promise<{ items: WishlistItem[]; version: number }> {
  const { body } = await callBackend<{ items: WishlistItem[]; version: number }>({
    login,
    path: '/wishlists/me',
  });
  return body;
}

describe('the signed-in wishlist on the back end', () => {
  beforeEach(async () => {
    resetVitrine();
    logout();
    await useBackend();
  });

  it('merges the guest list into the server copy at sign-in: no duplicates, nothing lost', async () => {
    const fan = newFan('merge');
    await callBackend({
      login: fan,
      method: 'PUT',
      path: '/wishlists/me',
      body: {
        items: [
          { productId: 'carre-jardin', name: 'Carré Jardin', addedAt: 1 },
          { productId: 'sac-lune', name: 'Sac Lune', addedAt: 2 },
        ],
      },
    });
    addToWishlist({ productId: 'sac-lune', name: 'Sac Lune' });
    addToWishlist({ productId: 'escarpin-opera', name: 'Escarpin Opéra' });

    await signInAs(fan);
    const expected = ['carre-jardin', 'escarpin-opera', 'sac-lune'];
    await until(() => ids($wishlistItems.get()).join() === expected.join(), 'the merged list');
    await until(
      async () => ids((await serverList(fan)).items).join() === expected.join(),
      'server',
    );
  });

  it('merges a guest list with variants at sign-in by product and variant, losing none', async () => {
    const fan = newFan('variants');
    await callBackend({
      login: fan,
      method: 'PUT',
      path: '/wishlists/me',
      body: {
        items: [
          {
            productId: 'escarpin-opera',
            variantId: '40-noir',
            variantName: 'Taille 40',
            addedAt: 1,
          },
          { productId: 'sac-lune', addedAt: 2 },
        ],
      },
    });
    addToWishlist({ productId: 'escarpin-opera', variantId: '38-noir', variantName: 'Taille 38' });
    addToWishlist({ productId: 'escarpin-opera', variantId: '40-noir', variantName: 'Taille 40' });
    addToWishlist({ productId: 'escarpin-opera' });
    addToWishlist({ productId: 'sac-lune', variantId: 'noir' });

    await signInAs(fan);
    const pairs = (items: readonly WishlistItem[]) =>
      items.map((item) => `${item.productId}/${item.variantId ?? ''}`).sort();
    const expected = [
      'escarpin-opera/',
      'escarpin-opera/38-noir',
      'escarpin-opera/40-noir',
      'sac-lune/',
      'sac-lune/noir',
    ];
    await until(() => pairs($wishlistItems.get()).join() === expected.join(), 'the merged list');
    await until(
      async () => pairs((await serverList(fan)).items).join() === expected.join(),
      'the merged list on the server',
    );
    const size38 = (await serverList(fan)).items.find((item) => item.variantId === '38-noir');
    expect(size38?.variantName).to.equal('Taille 38');
  });

  it('sends each change, and follows the server copy on another page', async () => {
    const fan = newFan('follow');
    await signInAs(fan);
    await until(() => $wishlistSync.get() === 'synced', 'the first sync');
    addToWishlist({ productId: 'pochette-soiree', name: 'Pochette Soirée' });
    await until(
      async () => ids((await serverList(fan)).items).includes('pochette-soiree'),
      'the saved item on the server',
    );
    removeFromWishlist('pochette-soiree');
    await until(
      async () => (await serverList(fan)).items.length === 0,
      'the removal on the server',
    );
  });

  it('keeps changes made while the back end is away and sends them when it returns', async function () {
    this.timeout(30_000);
    const fan = newFan('offline');
    await signInAs(fan);
    await until(() => $wishlistSync.get() === 'synced', 'the first sync');
    await backendDown();
    try {
      addToWishlist({ productId: 'boucles-etoile', name: 'Boucles Étoile' });
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(ids($wishlistItems.get())).to.include('boucles-etoile');
    } finally {
      await backendUp();
    }
    await until(
      async () => ids((await serverList(fan)).items).includes('boucles-etoile'),
      'the change sent after the outage',
      20_000,
    );
  });

  it('applies its changes again on a newer copy when another device wrote first', async () => {
    const fan = newFan('conflict');
    await signInAs(fan);
    await until(() => $wishlistSync.get() === 'synced', 'the first sync');
    // The other device saves a piece this page has not seen (the version moves on).
    const current = await serverList(fan);
    await callBackend({
      login: fan,
      method: 'PUT',
      path: '/wishlists/me',
      body: { items: [...current.items, { productId: 'etole-nuage', addedAt: Date.now() }] },
    });
    addToWishlist({ productId: 'manteau-tuileries', name: 'Manteau Tuileries' });
    const expected = ['etole-nuage', 'manteau-tuileries'];
    await until(
      async () => ids((await serverList(fan)).items).join() === expected.join(),
      'both changes on the server',
    );
    await until(() => ids($wishlistItems.get()).join() === expected.join(), 'both on the page');
  });
});
