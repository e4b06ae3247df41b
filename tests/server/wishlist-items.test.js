// What a wishlist item may hold on the way in (wishlist-items.ts), for a fan's list and a
// shared one alike: the contract's fields and nothing else, product ids and names by the
// contract's rules, http(s) URLs on the brand's origins (links) and image origins (pictures).
// Where the widgets clean what they are given, the server refuses it: 400 naming the field,
// nothing stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, startVitrine } from '../support/vitrine-server.js';

const BRAND = 'https://maison.example';
const CDN = 'https://cdn.maison.example';
const item = (productId, extra = {}) => ({ productId, addedAt: 1_760_000_000_000, ...extra });

describe('wishlist items', { timeout: 120_000 }, () => {
  let op;
  let vitrine;
  const tokens = {};

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    for (const person of ['alice', 'bob', 'carol', 'dan', 'erin']) {
      tokens[person] = await idTokenFor(op.issuer, person);
    }
    vitrine = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      origins: [BRAND],
      imageOrigins: [CDN],
      rateLimits: { person: false, ip: false, share: false },
    });
  });
  after(async () => {
    await vitrine?.close();
    await op?.close();
  });

  const mine = (person, method = 'GET', init = {}) =>
    call(vitrine.base, method, '/wishlists/me', { token: tokens[person], ...init });

  it('keeps only the contract’s fields and a product once', async () => {
    const extra = JSON.stringify(item('sac-lune')).replace(
      '}',
      ',"secret":"x","__proto__":{"admin":true}}',
    );
    const duplicate = JSON.stringify(item('sac-lune', { addedAt: 5 }));
    const reply = await mine('bob', 'PUT', { body: `{"items":[${extra},${duplicate}]}` });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.items, [item('sac-lune')]);
    assert.equal(reply.body.items[0].admin, undefined);
  });

  it('answers 400 to wrong shapes, storing nothing', async () => {
    const before = (await mine('alice')).body;
    const bodies = [
      '[]',
      'null',
      { items: 'sac-lune' },
      { items: [{ addedAt: 1 }] },
      { items: [item('')] },
      { items: [item('sac-lune', { addedAt: 'yesterday' })] },
      { items: [item('sac-lune', { price: -1 })] },
      { items: [item('sac-lune', { currency: 'euro' })] },
      { items: [item('sac-lune', { image: 'javascript:alert(1)' })] },
      { items: [item('sac-lune', { url: '/relative' })] },
      { items: [item('sac-lune', { name: 'x'.repeat(501) })] },
      { items: [item('sac-lune', { name: 'line\nbreak' })] },
    ];
    for (const body of bodies) {
      const reply = await mine('alice', 'PUT', { body });
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'bad_request');
    }
    assert.deepEqual((await mine('alice')).body, before);
  });

  it('names the field it refuses', async () => {
    const fine = item('sac-lune');
    for (const [bad, field] of [
      [{ productId: 'sac lune' }, 'items[1].productId'],
      [{ addedAt: -1 }, 'items[1].addedAt'],
      [{ name: '' }, 'items[1].name'],
      [{ price: Number.MAX_VALUE * 2 }, 'items[1].price'],
      [{ currency: 'eur' }, 'items[1].currency'],
      [{ image: 'data:image/png;base64,AAAA' }, 'items[1].image'],
      [{ url: 'https://maison.example/\tsac' }, 'items[1].url'],
    ]) {
      const reply = await mine('alice', 'PUT', {
        body: { items: [fine, { ...item('carre-jardin'), ...bad }] },
      });
      assert.equal(reply.status, 400, JSON.stringify(bad));
      assert.ok(
        reply.body.error.message.startsWith(`${field} `),
        `${reply.body.error.message} names ${field}`,
      );
    }
  });

  it('takes product ids by the contract’s rule, the one votes follow', async () => {
    const ids = [
      'gid://shopify/Product/7982',
      'M40712',
      'sac-lune',
      'sac+lune@2027',
      'x'.repeat(128),
    ];
    const saved = await mine('carol', 'PUT', { body: { items: ids.map((id) => item(id)) } });
    assert.equal(saved.status, 200);
    assert.deepEqual(
      saved.body.items.map((kept) => kept.productId),
      ids,
    );
    for (const productId of ['sac lune', 'x'.repeat(129), 'sacé', 'sac\u0000lune', 42]) {
      const refused = await mine('carol', 'PUT', { body: { items: [item(productId)] } });
      assert.equal(refused.status, 400, String(productId));
      assert.match(refused.body.error.message, /^items\[0\]\.productId must match/);
    }
    assert.equal((await mine('carol')).body.items.length, ids.length);
  });

  it('takes names of up to 200 characters, as the widgets keep them', async () => {
    const longest = await mine('dan', 'PUT', {
      body: { items: [item('sac-lune', { name: 'n'.repeat(200) })] },
    });
    assert.equal(longest.status, 200);
    assert.equal(longest.body.items[0].name.length, 200);
    const over = await mine('dan', 'PUT', {
      body: { items: [item('sac-lune', { name: 'n'.repeat(201) })] },
    });
    assert.equal(over.status, 400);
    assert.match(over.body.error.message, /^items\[0\]\.name must be 1 to 200 characters/);
  });

  it('keeps URLs as the URL parser writes them, up to 2048 characters', async () => {
    const reply = await mine('dan', 'PUT', {
      body: {
        items: [
          item('sac-lune', {
            image: 'HTTPS://Maison.Example/products/sac-lune.svg',
            url: ' https://maison.example/products/sac lune ',
          }),
        ],
      },
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.items[0].image, 'https://maison.example/products/sac-lune.svg');
    assert.equal(reply.body.items[0].url, 'https://maison.example/products/sac%20lune');
    const long = `${BRAND}/${'p'.repeat(2048 - BRAND.length - 1)}`;
    assert.equal(
      (await mine('dan', 'PUT', { body: { items: [item('sac-lune', { url: long })] } })).status,
      200,
    );
    const tooLong = await mine('dan', 'PUT', {
      body: { items: [item('sac-lune', { url: `${long}p` })] },
    });
    assert.equal(tooLong.status, 400);
  });

  it('keeps two variants of a product as two items, a pair listed twice once', async () => {
    const size38 = item('escarpin-opera', {
      variantId: '38-noir',
      variantName: 'Taille 38 · Noir',
    });
    const size40 = item('escarpin-opera', {
      variantId: '40-noir',
      variantName: 'Taille 40 · Noir',
    });
    const product = item('escarpin-opera', { name: 'Escarpin Opéra' });
    const reply = await mine('dan', 'PUT', {
      body: { items: [size38, size40, product, { ...size38, addedAt: 9 }] },
    });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.items, [size38, size40, product]);
    assert.deepEqual((await mine('dan')).body.items, [size38, size40, product]);
  });

  it('takes variant ids by the product ids’ rule, and a variant name only with its variant', async () => {
    const refused = async (extra, field) => {
      const reply = await mine('erin', 'PUT', { body: { items: [item('sac-lune', extra)] } });
      assert.equal(reply.status, 400, JSON.stringify(extra));
      assert.match(reply.body.error.message, new RegExp(`^items\\[0\\]\\.${field}`));
    };
    await refused({ variantId: 'javascript:alert(1)' }, 'variantId');
    await refused({ variantId: '' }, 'variantId');
    await refused({ variantId: 'v'.repeat(129) }, 'variantId');
    await refused({ variantId: 38 }, 'variantId');
    await refused({ variantName: 'Cuir noir' }, 'variantName');
    await refused({ variantId: '38', variantName: 'Taille\u202e38' }, 'variantName');
    const kept = await mine('erin', 'PUT', {
      body: { items: [item('sac-lune', { variantId: 'gid://shopify/ProductVariant/4471' })] },
    });
    assert.equal(kept.status, 200);
    assert.equal(kept.body.items[0].variantId, 'gid://shopify/ProductVariant/4471');
  });

  it('answers 413 over 500 items', async () => {
    const many = Array.from({ length: 501 }, (_, index) => item(`p-${index}`));
    const tooMany = await mine('alice', 'PUT', { body: { items: many } });
    assert.equal(tooMany.status, 413);
    assert.equal(tooMany.body.error.code, 'payload_too_large');
    const full = Array.from({ length: 500 }, (_, index) => item(`p-${index}`));
    assert.equal((await mine('carol', 'PUT', { body: { items: full } })).status, 200);
  });

  it('holds a shared list to the same rules', async () => {
    const share = (items) =>
      call(vitrine.base, 'POST', '/wishlists/shared', {
        body: { items, landing: `${BRAND}/shared` },
      });
    const refused = await share([item('sac-lune', { name: 'n'.repeat(201) })]);
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /^items\[0\]\.name/);
    const many = await share(Array.from({ length: 501 }, (_, index) => item(`p-${index}`)));
    assert.equal(many.status, 413);
    const created = await share([
      item('gid://shopify/Product/7982', { secret: 'x' }),
      item('gid://shopify/Product/7982', { variantId: '38', variantName: 'Taille 38' }),
    ]);
    assert.equal(created.status, 201);
    const shared = await call(vitrine.base, 'GET', `/wishlists/shared/${created.body.id}`);
    assert.deepEqual(shared.body.items, [
      item('gid://shopify/Product/7982'),
      item('gid://shopify/Product/7982', { variantId: '38', variantName: 'Taille 38' }),
    ]);
  });

  it('links only to the brand’s origins, shows images only from those and the image origins', async () => {
    const share = (items) =>
      call(vitrine.base, 'POST', '/wishlists/shared', {
        body: { items, landing: `${BRAND}/shared` },
      });
    const foreign = [
      [{ url: 'https://evil.example/sac-lune' }, 'items[0].url'],
      // A picture from the CDN is fine, a link to it is not a product page of the house.
      [{ url: `${CDN}/sac-lune` }, 'items[0].url'],
      [{ url: 'http://maison.example/sac-lune' }, 'items[0].url'],
      [{ url: 'https://maison.example.evil.example/' }, 'items[0].url'],
      [{ url: 'https://maison.example@evil.example/' }, 'items[0].url'],
      [{ url: 'https://user:pw@maison.example/' }, 'items[0].url'],
      [{ image: 'https://tracker.example/pixel.gif' }, 'items[0].image'],
      [{ image: 'https://maison.example:8443/sac.svg' }, 'items[0].image'],
    ];
    const before = (await mine('erin')).body;
    for (const [bad, field] of foreign) {
      for (const reply of [
        await share([item('sac-lune', bad)]),
        await mine('erin', 'PUT', { body: { items: [item('sac-lune', bad)] } }),
      ]) {
        assert.equal(reply.status, 400, JSON.stringify(bad));
        assert.ok(reply.body.error.message.startsWith(`${field} `), reply.body.error.message);
      }
    }
    assert.deepEqual((await mine('erin')).body, before);
    const fine = item('sac-lune', { url: `${BRAND}/sac-lune`, image: `${CDN}/sac-lune.jpg` });
    const created = await share([fine]);
    assert.equal(created.status, 201);
    const shared = await call(vitrine.base, 'GET', `/wishlists/shared/${created.body.id}`);
    assert.deepEqual(shared.body.items, [fine]);
    assert.equal((await mine('erin', 'PUT', { body: { items: [fine] } })).status, 200);
  });

  it('refuses every character class that can disguise text or break a reader', async () => {
    const hidden = {
      'C1 next line': 'Sac\u0085Lune',
      'C1 control sequence introducer': 'Sac\u009b31mLune',
      'line separator': 'Sac\u2028Lune',
      'paragraph separator': 'Sac\u2029Lune',
      'right-to-left override': 'Sac \u202egpj.exe',
      'left-to-right isolate': 'Sac \u2066Lune\u2069',
      'lone high surrogate': 'Sac \ud83d',
      'lone low surrogate': 'Sac \ude00 Lune',
      DEL: 'Sac\u007fLune',
    };
    const before = (await mine('erin')).body;
    for (const [what, name] of Object.entries(hidden)) {
      const reply = await mine('erin', 'PUT', { body: { items: [item('sac-lune', { name })] } });
      assert.equal(reply.status, 400, what);
      assert.match(reply.body.error.message, /^items\[0\]\.name /, what);
      for (const field of ['url', 'image']) {
        const url = `${BRAND}/sac${name.slice(3)}`;
        const link = await mine('erin', 'PUT', {
          body: { items: [item('sac-lune', { [field]: url })] },
        });
        assert.equal(link.status, 400, `${what} in ${field}`);
      }
    }
    assert.deepEqual((await mine('erin')).body, before);
    // An emoji is a surrogate pair, not a lone half: kept.
    const emoji = await mine('erin', 'PUT', {
      body: { items: [item('sac-lune', { name: ' Sac Lune \ud83d\ude00 ' })] },
    });
    assert.equal(emoji.status, 200);
    assert.equal(emoji.body.items[0].name, 'Sac Lune \ud83d\ude00');
  });

  it('refuses scheme tricks, unknown currencies and absurd prices, and stores URLs as parsed', async () => {
    for (const [bad, field] of [
      [{ url: 'https:evil.example' }, 'url'],
      [{ url: 'https:/maison.example/sac' }, 'url'],
      [{ url: 'https:\\\\evil.example/' }, 'url'],
      [{ url: 'https:///evil.example/' }, 'url'],
      [{ image: '//maison.example/sac.svg' }, 'image'],
      [{ currency: 'XYZ' }, 'currency'],
      [{ currency: 'AAA' }, 'currency'],
      [{ price: 1e308 }, 'price'],
      [{ price: Number.NaN }, 'price'],
    ]) {
      const reply = await mine('erin', 'PUT', { body: { items: [item('sac-lune', bad)] } });
      assert.equal(reply.status, 400, JSON.stringify(bad));
      assert.match(reply.body.error.message, new RegExp(`^items\\[0\\]\\.${field} `));
    }
    const reply = await mine('erin', 'PUT', {
      body: {
        items: [
          item('sac-lune', {
            url: '  https://MAISON.example/sac-lune',
            currency: 'CHF',
            price: 999_999_999,
          }),
        ],
      },
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.items[0].url, 'https://maison.example/sac-lune');
    assert.equal(reply.body.items[0].currency, 'CHF');
  });
});
