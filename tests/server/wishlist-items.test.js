// What a wishlist item may hold on the way in (wishlist-items.ts), for a fan's list and a
// shared one alike: the contract's fields and nothing else, product ids and names by the
// contract's rules, http(s) URLs. Where the widgets clean what they are given, the server
// refuses it: 400 naming the field, nothing stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, startVitrine } from '../support/vitrine-server.js';

const BRAND = 'https://maison.example';
const item = (productId, extra = {}) => ({ productId, addedAt: 1_760_000_000_000, ...extra });

describe('wishlist items', { timeout: 120_000 }, () => {
  let op;
  let vitrine;
  const tokens = {};

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    for (const person of ['alice', 'bob', 'carol', 'dan']) {
      tokens[person] = await idTokenFor(op.issuer, person);
    }
    vitrine = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      origins: [BRAND],
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

  it('answers 413 over 500 items', async () => {
    const many = Array.from({ length: 501 }, (_, index) => item(`p-${index}`));
    const tooMany = await mine('alice', 'PUT', { body: { items: many } });
    assert.equal(tooMany.status, 413);
    assert.equal(tooMany.body.error.code, 'payload_too_large');
    const full = Array.from({ length: 500 }, (_, index) => item(`p-${index}`));
    assert.equal((await mine('carol', 'PUT', { body: { items: full } })).status, 200);
  });
});
