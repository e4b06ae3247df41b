// The wishlist routes (routes.ts): a signed-in fan's wishlist (versions, If-Match, 412 with
// the current copy) and short share links (unguessable ids, read-only copies that expire).
// What an item may hold is wishlist-items.test.js's; the 64 KB body limit is http.test.js's.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startIdentityProvider } from '../../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../../support/id-tokens.js';
import { call, startVitrine } from '../../support/vitrine-server.js';

const BRAND = 'https://maison.example';
const item = (productId, extra = {}) => ({ productId, addedAt: 1_760_000_000_000, ...extra });
const sacLune = item('sac-lune', {
  name: 'Sac Lune',
  price: 1250,
  currency: 'EUR',
  image: 'https://maison.example/products/sac-lune.svg',
  url: 'https://maison.example/products/sac-lune',
});

describe('wishlists', { timeout: 120_000 }, () => {
  let op;
  let vitrine;
  const tokens = {};

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    for (const person of ['alice', 'bob', 'carol']) {
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

  it('needs a token', async () => {
    for (const [method, body] of [['GET'], ['PUT', { items: [] }]]) {
      const reply = await call(vitrine.base, method, '/wishlists/me', { body });
      assert.equal(reply.status, 401);
      assert.equal(reply.body.error.code, 'unauthorized');
    }
  });

  it('starts empty at version 0, then each write is a new version with its ETag', async () => {
    const empty = await mine('alice');
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body, { items: [], version: 0 });
    assert.equal(empty.headers.get('etag'), '"0"');

    const first = await mine('alice', 'PUT', { body: { items: [sacLune] } });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { items: [sacLune], version: 1 });
    assert.equal(first.headers.get('etag'), '"1"');

    const second = await mine('alice', 'PUT', {
      body: { items: [sacLune, item('carre-jardin')] },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(second.body.version, 2);
    const read = await mine('alice');
    assert.deepEqual(read.body, { items: [sacLune, item('carre-jardin')], version: 2 });
    assert.deepEqual((await mine('bob')).body, { items: [], version: 0 }, 'lists are per fan');
  });

  it('answers 412 with the current copy when If-Match is stale, and changes nothing', async () => {
    const stale = await mine('alice', 'PUT', {
      body: { items: [] },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.error.code, 'conflict');
    assert.deepEqual(stale.body.items, [sacLune, item('carre-jardin')]);
    assert.equal(stale.body.version, 2);
    assert.equal(stale.headers.get('etag'), '"2"');
    assert.equal((await mine('alice')).body.version, 2);
    const first = await mine('carol', 'PUT', {
      body: { items: [item('a')] },
      headers: { 'if-match': '"0"' },
    });
    assert.equal(first.status, 200, 'If-Match "0" writes a first list');
  });

  it('answers 400 to an If-Match that is not a version as sent in ETag, storing nothing', async () => {
    const before = (await mine('alice')).body;
    const badIfMatch = await mine('alice', 'PUT', {
      body: { items: [] },
      headers: { 'if-match': 'W/"2"' },
    });
    assert.equal(badIfMatch.status, 400);
    assert.deepEqual((await mine('alice')).body, before);
  });

  it('shares a list as a read-only copy behind an unguessable link, no sign-in needed', async () => {
    const created = await call(vitrine.base, 'POST', '/wishlists/shared', {
      origin: BRAND,
      body: { items: [sacLune], landing: `${BRAND}/shared?from=wishlist#old` },
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('access-control-allow-origin'), BRAND);
    const { id, url, expiresAt } = created.body;
    assert.match(id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(Buffer.from(id, 'base64url').length, 16, '128 bits');
    assert.equal(url, `${BRAND}/shared?from=wishlist#vitrine-shared=${id}`);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `${days} days`);

    const ids = new Set([id]);
    for (let index = 0; index < 20; index += 1) {
      const another = await call(vitrine.base, 'POST', '/wishlists/shared', {
        body: { items: [sacLune], landing: `${BRAND}/shared` },
      });
      ids.add(another.body.id);
    }
    assert.equal(ids.size, 21, 'every link is new');

    const shared = await call(vitrine.base, 'GET', `/wishlists/shared/${id}`);
    assert.equal(shared.status, 200);
    assert.deepEqual(shared.body.items, [sacLune]);
    assert.equal(shared.body.id, id);
    assert.equal(shared.body.expiresAt, expiresAt);
    assert.ok(Date.parse(shared.body.createdAt) <= Date.now());

    for (const method of ['PUT', 'DELETE']) {
      const write = await call(vitrine.base, method, `/wishlists/shared/${id}`, {
        token: tokens.alice,
        body: { items: [] },
      });
      assert.equal(write.status, 405);
      assert.equal(write.headers.get('allow'), 'GET');
    }
    assert.deepEqual((await call(vitrine.base, 'GET', `/wishlists/shared/${id}`)).body.items, [
      sacLune,
    ]);
  });

  it('answers 404 for an unknown link and 400 for a malformed one', async () => {
    const unknown = await call(vitrine.base, 'GET', '/wishlists/shared/AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');
    const malformed = await call(vitrine.base, 'GET', '/wishlists/shared/short');
    assert.equal(malformed.status, 400);
  });

  it('refuses a landing page outside the allowed origins', async () => {
    for (const landing of [
      'https://evil.example/shared',
      'javascript:alert(1)',
      '/shared',
      42,
      undefined,
    ]) {
      const reply = await call(vitrine.base, 'POST', '/wishlists/shared', {
        body: { items: [sacLune], landing },
      });
      assert.equal(reply.status, 400, String(landing));
    }
  });

  it('answers 410 once a shared list has expired', async () => {
    const brief = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      origins: [BRAND],
      shareTtlMs: 300,
    });
    try {
      const { body } = await call(brief.base, 'POST', '/wishlists/shared', {
        body: { items: [sacLune], landing: `${BRAND}/shared` },
      });
      assert.equal((await call(brief.base, 'GET', `/wishlists/shared/${body.id}`)).status, 200);
      await sleep(400);
      const expired = await call(brief.base, 'GET', `/wishlists/shared/${body.id}`);
      assert.equal(expired.status, 410);
      assert.equal(expired.body.error.code, 'expired');
    } finally {
      await brief.close();
    }
  });

  it('rate-limits link creation per address', async () => {
    const limited = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      origins: [BRAND],
      rateLimits: { share: { burst: 2, perMinute: 1 } },
    });
    try {
      const share = () =>
        call(limited.base, 'POST', '/wishlists/shared', {
          body: { items: [sacLune], landing: `${BRAND}/shared` },
        });
      assert.equal((await share()).status, 201);
      assert.equal((await share()).status, 201);
      const refused = await share();
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    } finally {
      await limited.close();
    }
  });
});
