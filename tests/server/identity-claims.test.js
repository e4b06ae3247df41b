// What passes as an ID token beyond its signature (identity.ts): tokens signed by the
// provider's own key, but of another type (access, logout), for another client of a shared
// audience, issued in the future or meant to live for years; and a key the provider
// withdraws, whose tokens stop working even when remembered. The provider here is a small
// one of the test's own, so each claim and each key can be chosen.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { call, startVitrine } from '../support/vitrine-server.js';

const CLIENT = 'maison-web';
const campaigns = [{ id: 'next-icon', title: 'Next icon', products: ['sac-lune', 'carre-jardin'] }];

/** An OpenID Provider reduced to its discovery document and its keys, which can change. */
async function startProvider() {
  const keys = new Map();
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer: provider.issuer, jwks_uri: `${provider.issuer}/jwks` }));
    } else if (req.url === '/jwks') {
      res.end(JSON.stringify({ keys: [...keys.values()].map((key) => key.public) }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const provider = {
    issuer: `http://127.0.0.1:${server.address().port}`,
    async addKey(kid) {
      const pair = await generateKeyPair('RS256');
      keys.set(kid, {
        ...pair,
        public: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256' },
      });
    },
    removeKey: (kid) => keys.delete(kid),
    /** A token signed with key `kid`: claims over sane defaults, header over `{alg, kid}`. */
    sign(kid, claims = {}, header = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: provider.issuer,
        aud: CLIENT,
        sub: 'alice',
        iat: now,
        exp: now + 3600,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid, ...header })
        .sign(keys.get(kid).privateKey);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
  return provider;
}

describe('identity: what passes as an ID token', { timeout: 60_000 }, () => {
  let op;
  let vitrine;

  before(async () => {
    op = await startProvider();
    await op.addKey('key-1');
    vitrine = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: CLIENT,
      campaigns,
      rateLimits: { person: false, ip: false, share: false },
    });
  });
  after(async () => {
    await vitrine?.close();
    await op?.close();
  });

  const vote = (token, method = 'PUT') =>
    call(vitrine.base, method, '/campaigns/next-icon/votes/sac-lune', { token });
  const count = async () =>
    (await call(vitrine.base, 'GET', '/campaigns/next-icon')).body.products[0].count;

  it('accepts a plain ID token, with or without typ JWT, and one whose azp is this client', async () => {
    for (const token of [
      await op.sign('key-1'),
      await op.sign('key-1', {}, { typ: 'JWT' }),
      await op.sign('key-1', { aud: [CLIENT, 'https://api.maison.example'], azp: CLIENT }),
    ]) {
      assert.equal((await vote(token)).status, 200);
    }
  });

  it('refuses access tokens, logout tokens and other typed tokens, even from the right key', async () => {
    const before = await count();
    const refused = {
      'typ at+jwt': await op.sign('key-1', {}, { typ: 'at+jwt' }),
      'typ application/at+jwt': await op.sign('key-1', {}, { typ: 'application/at+jwt' }),
      'typ logout+jwt with events': await op.sign(
        'key-1',
        { events: { 'http://schemas.openid.net/event/backchannel-logout': {} } },
        { typ: 'logout+jwt' },
      ),
      'events without typ': await op.sign('key-1', {
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
      }),
    };
    for (const [what, token] of Object.entries(refused)) {
      const reply = await vote(token, 'DELETE');
      assert.equal(reply.status, 401, what);
      assert.equal(reply.body.error.code, 'unauthorized', what);
    }
    assert.equal(await count(), before);
  });

  it('refuses a multi-audience token authorized for another client, or for none', async () => {
    const before = await count();
    for (const token of [
      await op.sign('key-1', { aud: [CLIENT, 'another-site'], azp: 'another-site' }),
      await op.sign('key-1', { aud: [CLIENT, 'another-site'] }),
      await op.sign('key-1', { azp: 'another-site' }),
    ]) {
      const reply = await vote(token, 'DELETE');
      assert.equal(reply.status, 401);
      assert.match(reply.body.error.message, /azp/);
    }
    assert.equal(await count(), before);
  });

  it('refuses a token issued in the future, living over 24 h, or without iat', async () => {
    const now = Math.floor(Date.now() / 1000);
    const before = await count();
    for (const [what, claims, pattern] of [
      ['issued an hour ahead', { iat: now + 3600, exp: now + 7200 }, /future/],
      ['valid ten years', { exp: now + 10 * 365 * 86400 }, /longer/],
      ['valid 25 h', { exp: now + 25 * 3600 }, /longer/],
      ['no iat', { iat: undefined }, /"iat"/],
    ]) {
      const reply = await vote(await op.sign('key-1', claims), 'DELETE');
      assert.equal(reply.status, 401, what);
      assert.match(reply.body.error.message, pattern, what);
    }
    assert.equal(await count(), before);
    // Inside the clock tolerance, a provider's clock a little ahead is fine.
    assert.equal((await vote(await op.sign('key-1', { iat: now + 10 }))).status, 200);
  });

  it('takes a shorter maxTokenAgeMs', async () => {
    const strict = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: CLIENT,
      campaigns,
      maxTokenAgeMs: 10 * 60_000,
    });
    try {
      const now = Math.floor(Date.now() / 1000);
      const hour = await op.sign('key-1', { exp: now + 3600 });
      const fiveMinutes = await op.sign('key-1', { exp: now + 300 });
      assert.equal(
        (await call(strict.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', { token: hour }))
          .status,
        401,
      );
      assert.equal(
        (
          await call(strict.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
            token: fiveMinutes,
          })
        ).status,
        200,
      );
    } finally {
      await strict.close();
    }
  });

  it('stops accepting a remembered token once the provider withdraws its key', async () => {
    const rotating = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: CLIENT,
      campaigns,
      keysRefreshMs: 200,
    });
    try {
      await op.addKey('key-2');
      const old = await op.sign('key-2', { sub: 'bob' });
      const put = (token, method = 'PUT') =>
        call(rotating.base, method, '/campaigns/next-icon/votes/carre-jardin', { token });
      assert.equal((await put(old)).status, 200);
      // Remembered: the second use is the cache's.
      assert.equal((await put(old)).status, 200);
      op.removeKey('key-2');
      await sleep(400);
      const refused = await put(old, 'DELETE');
      assert.equal(refused.status, 401);
      assert.match(refused.body.error.message, /signature/);
      const campaign = await call(rotating.base, 'GET', '/campaigns/next-icon');
      assert.equal(campaign.body.products[1].count, 1, 'the refused DELETE changed nothing');
      // The keys still published keep working.
      assert.equal((await put(await op.sign('key-1', { sub: 'carol' }))).status, 200);
    } finally {
      await rotating.close();
    }
  });
});
