// Who may vote: real ID tokens from a real OpenID Provider (demo/identity-provider.js), and
// every way a token can be wrong. A refused vote changes no count.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT } from 'jose';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, startVitrine } from '../support/vitrine-server.js';

const campaigns = [{ id: 'next-icon', title: 'Next icon', products: ['sac-lune', 'carre-jardin'] }];
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url'));

describe('identity: Bearer ID tokens', { timeout: 120_000 }, () => {
  let op;
  let shortLived;
  let vitrine;
  let alice;
  let otherAudience;
  let briefToken;

  before(async () => {
    op = await startIdentityProvider({
      redirectUris: [REDIRECT_URI],
      otherClientIds: ['another-site'],
    });
    shortLived = await startIdentityProvider({ redirectUris: [REDIRECT_URI], idTokenTtl: 1 });
    vitrine = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns,
    });
    [alice, otherAudience] = await Promise.all([
      idTokenFor(op.issuer, 'alice'),
      idTokenFor(op.issuer, 'mallory', { clientId: 'another-site' }),
    ]);
    briefToken = await idTokenFor(shortLived.issuer, 'brief');
  });
  after(async () => {
    await vitrine?.close();
    await op?.close();
    await shortLived?.close();
  });

  const count = async () =>
    (await call(vitrine.base, 'GET', '/campaigns/next-icon')).body.products[0].count;

  it('accepts a valid token: the person is its sub', async () => {
    const vote = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
      token: alice,
    });
    assert.equal(vote.status, 200);
    assert.deepEqual(vote.body, { productId: 'sac-lune', count: 1, voted: true });
    const seen = await call(vitrine.base, 'GET', '/campaigns/next-icon', { token: alice });
    assert.equal(seen.body.products[0].voted, true);
    assert.equal(seen.body.products[1].voted, false);
  });

  it('refuses a vote without a token, or with another scheme', async () => {
    for (const headers of [{}, { authorization: `Basic ${alice}` }, { authorization: 'Bearer' }]) {
      const vote = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/carre-jardin', {
        headers,
      });
      assert.equal(vote.status, 401, JSON.stringify(headers));
      assert.equal(vote.body.error.code, 'unauthorized');
    }
    assert.equal(await count(), 1);
  });

  it('refuses a token signed by another key under the provider’s key id', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = await new SignJWT({ ...claimsOf(alice), sub: 'alice' })
      .setProtectedHeader({ alg: 'RS256', kid: 'demo-key' })
      .sign(privateKey);
    const vote = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/carre-jardin', {
      token: forged,
    });
    assert.equal(vote.status, 401);
    assert.match(vote.body.error.message, /signature/);
    assert.equal(
      (await call(vitrine.base, 'GET', '/campaigns/next-icon')).body.products[1].count,
      0,
    );
  });

  it('refuses a real token whose payload was altered', async () => {
    const [header, , signature] = alice.split('.');
    const payload = Buffer.from(JSON.stringify({ ...claimsOf(alice), sub: 'bob' })).toString(
      'base64url',
    );
    const vote = await call(vitrine.base, 'DELETE', '/campaigns/next-icon/votes/sac-lune', {
      token: `${header}.${payload}.${signature}`,
    });
    assert.equal(vote.status, 401);
    assert.equal(await count(), 1);
  });

  it('refuses a token with an unknown key id, and garbage', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const unknownKey = await new SignJWT(claimsOf(alice))
      .setProtectedHeader({ alg: 'RS256', kid: 'rotated-away' })
      .sign(privateKey);
    for (const token of [unknownKey, 'not.a.jwt', 'x'.repeat(40)]) {
      const vote = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
        token,
      });
      assert.equal(vote.status, 401);
      assert.equal(vote.body.error.code, 'unauthorized');
    }
  });

  it('refuses a real token issued to another client (wrong audience)', async () => {
    assert.equal(claimsOf(otherAudience).aud, 'another-site');
    const vote = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/carre-jardin', {
      token: otherAudience,
    });
    assert.equal(vote.status, 401);
    assert.match(vote.body.error.message, /"aud"/);
  });

  it('refuses a real token from another issuer', async () => {
    const vote = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/carre-jardin', {
      token: briefToken,
    });
    assert.equal(vote.status, 401);
  });

  it('answers 401 to a GET that sends a bad token, and serves it anonymously without one', async () => {
    const stale = await call(vitrine.base, 'GET', '/campaigns/next-icon', { token: 'a.b.c' });
    assert.equal(stale.status, 401);
    const anonymous = await call(vitrine.base, 'GET', '/campaigns/next-icon');
    assert.equal(anonymous.status, 200);
    assert.ok(anonymous.body.products.every((product) => !('voted' in product)));
  });

  it('answers 503, not 401, while the identity provider cannot be reached', async () => {
    const offline = await startVitrine({
      db: ':memory:',
      issuer: 'http://127.0.0.1:9',
      audience: op.clientId,
      campaigns,
    });
    try {
      const vote = await call(offline.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
        token: alice,
      });
      assert.equal(vote.status, 503);
      assert.equal(vote.body.error.code, 'unavailable');
      assert.ok(Number(vote.headers.get('retry-after')) >= 1);
      const anonymous = await call(offline.base, 'GET', '/campaigns/next-icon');
      assert.equal(anonymous.status, 200);
      const again = await call(offline.base, 'DELETE', '/campaigns/next-icon/votes/sac-lune', {
        token: alice,
      });
      assert.equal(again.status, 503);
      const reports = offline.logger.lines.filter((line) => line.level === 'error');
      assert.equal(reports.length, 1, 'the outage is logged once, not per request');
      assert.match(reports[0].message, /openid-configuration/);
    } finally {
      await offline.close();
    }
  });

  it('stops accepting a token, even a remembered one, 30 s after it expires', async () => {
    const brief = await startVitrine({
      db: ':memory:',
      issuer: shortLived.issuer,
      audience: shortLived.clientId,
      campaigns,
    });
    try {
      const { exp } = claimsOf(briefToken);
      // Inside the 30 s of clock tolerance: accepted (and remembered).
      if (Date.now() < (exp + 25) * 1000) {
        const early = await call(brief.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
          token: briefToken,
        });
        assert.equal(early.status, 200);
      }
      await sleep(Math.max(0, (exp + 31) * 1000 - Date.now()));
      const late = await call(brief.base, 'DELETE', '/campaigns/next-icon/votes/sac-lune', {
        token: briefToken,
      });
      assert.equal(late.status, 401);
      assert.match(late.body.error.message, /expired/);
    } finally {
      await brief.close();
    }
  });
});
