// HTTP plumbing every route shares (http.ts): the route table (404, 405 with Allow, bad
// percent-encoding), bounded bodies (413 declared or streamed, 1 KB for votes, 64 KB for
// wishlists), malformed JSON, the contract's JSON errors, CORS and the origin check, and the
// client's address behind proxies. Every refusal changes nothing.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, startVitrine } from '../support/vitrine-server.js';

const BRAND = 'https://maison.example';
const campaigns = [
  {
    id: 'next-icon',
    title: 'Which icon should the house make next?',
    products: ['sac-lune', 'carre-jardin', 'pochette-soiree'],
  },
];
const item = (productId, extra = {}) => ({ productId, addedAt: 1_760_000_000_000, ...extra });

describe('http', { timeout: 120_000 }, () => {
  let op;
  let vitrine;
  const tokens = {};

  const counts = async () =>
    Object.fromEntries(
      (await call(vitrine.base, 'GET', '/campaigns/next-icon')).body.products.map((product) => [
        product.productId,
        product.count,
      ]),
    );
  const mine = (person, method = 'GET', init = {}) =>
    call(vitrine.base, method, '/wishlists/me', { token: tokens[person], ...init });

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    for (const person of ['alice', 'carol', 'dan']) {
      tokens[person] = await idTokenFor(op.issuer, person);
    }
    vitrine = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      origins: [BRAND],
      campaigns,
      rateLimits: { person: false, ip: false, share: false },
    });
  });
  after(async () => {
    await vitrine?.close();
    await op?.close();
  });

  it('answers 400 for a path that is not valid percent-encoding and 404 for unknown routes', async () => {
    const badEncoding = await call(vitrine.base, 'GET', '/campaigns/%E0%A4%A');
    assert.equal(badEncoding.status, 400);
    for (const path of [
      '/',
      '/campaigns',
      '/campaigns/next-icon/',
      '/votes',
      '/campaigns/next-icon/votes',
    ]) {
      const reply = await call(vitrine.base, 'GET', path);
      assert.equal(reply.status, 404, path);
      assert.equal(reply.body.error.code, 'not_found');
    }
  });

  it('answers 405 with Allow for a known route and another method', async () => {
    const reply = await call(vitrine.base, 'POST', '/campaigns/next-icon/votes/sac-lune', {
      token: tokens.alice,
    });
    assert.equal(reply.status, 405);
    assert.equal(reply.body.error.code, 'method_not_allowed');
    assert.equal(reply.headers.get('allow'), 'PUT, DELETE');
    const campaign = await call(vitrine.base, 'DELETE', '/campaigns/next-icon');
    assert.equal(campaign.status, 405);
    assert.equal(campaign.headers.get('allow'), 'GET');
  });

  it('answers 413 to a vote with a body over 1 KB, declared or streamed', async () => {
    const before = await counts();
    const declared = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
      token: tokens.carol,
      body: 'x'.repeat(1025),
    });
    assert.equal(declared.status, 413);
    assert.equal(declared.body.error.code, 'payload_too_large');
    const streamed = await new Promise((resolve, reject) => {
      const chunked = request(
        `${vitrine.base}/campaigns/next-icon/votes/sac-lune`,
        { method: 'PUT', headers: { authorization: `Bearer ${tokens.carol}` } },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode, body: JSON.parse(text) }),
          );
        },
      );
      chunked.on('error', reject);
      for (let part = 0; part < 8; part += 1) chunked.write('y'.repeat(200));
      chunked.end();
    });
    assert.equal(streamed.status, 413);
    const small = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
      token: tokens.dan,
      body: '{"ignored": true}',
    });
    assert.equal(small.status, 200);
    assert.equal((await counts())['sac-lune'], before['sac-lune'] + 1);
  });

  it('answers 413 to a wishlist body over 64 KB', async () => {
    const heavy = Array.from({ length: 200 }, (_, index) =>
      item(`p-${index}`, { name: 'n'.repeat(400) }),
    );
    const tooHeavy = await mine('alice', 'PUT', { body: { items: heavy } });
    assert.equal(tooHeavy.status, 413);
  });

  it('answers 400 to a body that is not JSON, storing nothing', async () => {
    const before = (await mine('alice')).body;
    const reply = await mine('alice', 'PUT', { body: '{"items": [' });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'bad_request');
    assert.deepEqual((await mine('alice')).body, before);
  });

  it('gives CORS headers to the brand’s origins only, and 403 to a foreign one', async () => {
    const preflight = await call(vitrine.base, 'OPTIONS', '/campaigns/next-icon/votes/sac-lune', {
      origin: BRAND,
      headers: {
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), BRAND);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, PUT, DELETE, POST');
    assert.equal(
      preflight.headers.get('access-control-allow-headers'),
      'authorization, content-type, if-match, last-event-id',
    );
    assert.equal(preflight.headers.get('access-control-max-age'), '600');
    assert.match(preflight.headers.get('vary'), /Origin/);

    const read = await call(vitrine.base, 'GET', '/campaigns/next-icon', { origin: BRAND });
    assert.equal(read.headers.get('access-control-allow-origin'), BRAND);
    assert.match(read.headers.get('access-control-expose-headers'), /etag/);

    const before = await counts();
    const foreign = 'https://evil.example';
    const foreignPreflight = await call(
      vitrine.base,
      'OPTIONS',
      '/campaigns/next-icon/votes/sac-lune',
      { origin: foreign, headers: { 'access-control-request-method': 'PUT' } },
    );
    assert.equal(foreignPreflight.status, 403);
    assert.equal(foreignPreflight.headers.get('access-control-allow-origin'), null);
    const foreignVote = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
      origin: foreign,
      token: tokens.alice,
    });
    assert.equal(foreignVote.status, 403);
    assert.equal(foreignVote.body.error.code, 'origin_not_allowed');
    assert.equal(foreignVote.headers.get('access-control-allow-origin'), null);
    const foreignRead = await call(vitrine.base, 'GET', '/campaigns/next-icon', {
      origin: foreign,
    });
    assert.equal(foreignRead.headers.get('access-control-allow-origin'), null);
    assert.deepEqual(await counts(), before);
  });

  it('takes the client address from X-Forwarded-For only behind trusted proxies', async () => {
    const behindProxy = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns,
      trustProxy: 1,
      rateLimits: { ip: { burst: 2, perMinute: 1 } },
    });
    const direct = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns,
      rateLimits: { ip: { burst: 2, perMinute: 1 } },
    });
    try {
      const get = (server, forwardedFor) =>
        call(server.base, 'GET', '/campaigns/next-icon', {
          headers: { 'x-forwarded-for': forwardedFor },
        });
      // The proxy appends the address it saw; what the client claimed before it is not trusted.
      assert.equal((await get(behindProxy, '6.6.6.6, 198.51.100.1')).status, 200);
      assert.equal((await get(behindProxy, '7.7.7.7, 198.51.100.1')).status, 200);
      assert.equal((await get(behindProxy, '8.8.8.8, 198.51.100.1')).status, 429);
      assert.equal((await get(behindProxy, '198.51.100.2')).status, 200);
      // Without a trusted proxy the header changes nothing: it cannot dodge the limit.
      for (const [index, status] of [200, 200, 429].entries()) {
        assert.equal((await get(direct, `203.0.113.${index}`)).status, status);
      }
    } finally {
      await behindProxy.close();
      await direct.close();
    }
  });
});
