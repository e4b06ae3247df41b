import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  encodeSharedWishlist,
  MAX_SHARE_LENGTH,
  readSharedWishlist,
  SHARE_PARAM,
  shareUrlFor,
} from '../../src/stores/share-link.js';
import { CONTROL } from '../../src/core/safe-url.js';
import type { ProductInfo } from '../../src/stores/products.js';
import { captureWarnings } from '../support/helpers.js';

const items: ProductInfo[] = [
  {
    productId: 'sac-01',
    name: 'Sac « Lune » 月',
    price: 1250,
    currency: 'EUR',
    image: 'https://cdn.example/sac.jpg',
    url: 'https://maison.example/sac',
  },
  { productId: 'carre-02', name: 'Carré de soie' },
];

function base64url(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

describe('share links', () => {
  it('round-trips a wishlist through the URL fragment, unicode included', () => {
    const url = new URL(shareUrlFor(items, 'https://maison.example/shared'));
    expect(url.origin + url.pathname).to.equal('https://maison.example/shared');
    expect(url.hash.startsWith(`#${SHARE_PARAM}=`)).to.equal(true);
    expect(readSharedWishlist(url.hash)).to.deep.equal({ status: 'ok', items });
  });

  it('round-trips any valid list (property)', function () {
    this.timeout(30_000);
    const product = fc.record(
      {
        productId: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        name: fc
          .string({ minLength: 1, maxLength: 40 })
          .filter((s) => s.trim() === s && s !== '' && !CONTROL.test(s)),
        price: fc.integer({ min: 0, max: 100000 }),
      },
      { requiredKeys: ['productId'] },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(product, { selector: (p) => p.productId, minLength: 1, maxLength: 20 }),
        (list) => {
          const read = readSharedWishlist(`#${SHARE_PARAM}=${encodeSharedWishlist(list)}`);
          expect(read).to.deep.equal({ status: 'ok', items: list });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('says "none" when the fragment has no wishlist', () => {
    expect(readSharedWishlist('')).to.deep.equal({ status: 'none' });
    expect(readSharedWishlist('#section-2')).to.deep.equal({ status: 'none' });
  });

  it('rejects truncated, invalid and hostile links without throwing', () => {
    const good = encodeSharedWishlist(items);
    const cases: [string, string][] = [
      [good.slice(0, good.length - 7), 'invalid'],
      ['!!!not-base64', 'invalid'],
      [base64url('{"v":1,"items":'), 'invalid'],
      [base64url('"just a string"'), 'invalid'],
      [base64url('{"v":1,"items":[]}'), 'invalid'],
      [base64url('{"v":1,"items":[{"id":""},{"id":42}]}'), 'invalid'],
      [base64url('{"v":3,"items":[{"id":"a"}]}'), 'version'],
      [base64url('{"v":0,"items":[{"id":"a"}]}'), 'invalid'],
      ['A'.repeat(1024 * 1024), 'too-large'],
    ];
    for (const [value, status] of cases) {
      expect(readSharedWishlist(`#${SHARE_PARAM}=${value}`).status, value.slice(0, 40)).to.equal(
        status,
      );
    }
  });

  it('drops javascript: and other unsafe URLs inside a link, keeping the item', () => {
    const hostile = base64url(
      JSON.stringify({
        v: 1,
        items: [
          {
            id: 'a',
            n: '<img src=x onerror=alert(1)>',
            i: 'javascript:alert(1)',
            u: 'JAVA\tSCRIPT:alert(1)',
          },
          { id: 'b', u: 'data:text/html,<script>alert(1)</script>', p: -5, c: 'XXX1' },
        ],
      }),
    );
    const read = readSharedWishlist(`#${SHARE_PARAM}=${hostile}`);
    expect(read).to.deep.equal({
      status: 'ok',
      items: [{ productId: 'a', name: '<img src=x onerror=alert(1)>' }, { productId: 'b' }],
    });
  });

  it('never throws on arbitrary fragments (property)', function () {
    // A thousand runs: allow for a busy machine (speed is not what this checks).
    this.timeout(30_000);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (junk) => {
        const read = readSharedWishlist(`#${SHARE_PARAM}=${junk}`);
        return ['ok', 'invalid', 'too-large', 'version'].includes(read.status);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps links within the length budget, dropping media first', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      productId: `product-${i}`,
      name: `Pièce numéro ${i} de la collection automne-hiver`,
      price: 1000 + i,
      image: `https://cdn.example/images/collection/automne-hiver/${i}.jpg`,
      url: `https://maison.example/fr/collection/automne-hiver/piece-${i}`,
    }));
    let encoded = '';
    const warnings = await captureWarnings(() => (encoded = encodeSharedWishlist(many)));
    expect(encoded.length).to.be.at.most(MAX_SHARE_LENGTH);
    expect(warnings.join()).to.contain('too long');
    const read = readSharedWishlist(`#${SHARE_PARAM}=${encoded}`);
    expect(read.status).to.equal('ok');
    if (read.status === 'ok') {
      expect(read.items[0]).to.deep.equal({
        productId: 'product-0',
        name: many[0]!.name,
        price: 1000,
      });
    }
  });
});
