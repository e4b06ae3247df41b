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

/** A request written by hand: `body` in chunks, without a declared length. */
function streamed(url, { method = 'PUT', headers = {}, chunks }) {
  return new Promise((resolve, reject) => {
    const chunked = request(url, { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, body: JSON.parse(text) }),
      );
    });
    chunked.on('error', reject);
    for (const chunk of chunks) chunked.write(chunk);
    chunked.end();
  });
}

/** A request with headers fetch will not send (`Host`); resolves with status, headers, JSON. */
function byHand(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, body: JSON.parse(text) }),
      );
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

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

  it('answers errors as the contract’s JSON, never cached or sniffed', async () => {
    const reply = await call(vitrine.base, 'GET', '/campaigns/no-such-campaign');
    assert.equal(reply.status, 404);
    assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(Object.keys(reply.body), ['error']);
    assert.equal(reply.body.error.code, 'not_found');
    assert.equal(typeof reply.body.error.message, 'string');
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
    const preflight = await call(vitrine.base, 'OPTIONS', '/nothing-here', {
      origin: BRAND,
      headers: { 'access-control-request-method': 'PUT' },
    });
    assert.equal(preflight.status, 404);
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
    const inChunks = await streamed(`${vitrine.base}/campaigns/next-icon/votes/sac-lune`, {
      headers: { authorization: `Bearer ${tokens.carol}` },
      chunks: Array.from({ length: 8 }, () => 'y'.repeat(200)),
    });
    assert.equal(inChunks.status, 413);
    const small = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
      token: tokens.dan,
      body: '{"ignored": true}',
    });
    assert.equal(small.status, 200);
    assert.equal((await counts())['sac-lune'], before['sac-lune'] + 1);
  });

  it('answers 413 to a wishlist body over 64 KB, declared or streamed, storing nothing', async () => {
    const before = (await mine('alice')).body;
    // Every item valid, 300 of the 500 allowed: only the size is wrong.
    const heavy = Array.from({ length: 300 }, (_, index) =>
      item(`p-${index}`, { name: 'n'.repeat(200) }),
    );
    const tooHeavy = await mine('alice', 'PUT', { body: { items: heavy } });
    assert.equal(tooHeavy.status, 413);
    assert.equal(tooHeavy.body.error.code, 'payload_too_large');
    const text = JSON.stringify({ items: heavy });
    const inChunks = await streamed(`${vitrine.base}/wishlists/me`, {
      headers: { authorization: `Bearer ${tokens.alice}`, 'content-type': 'application/json' },
      chunks: Array.from({ length: Math.ceil(text.length / 4096) }, (_, index) =>
        text.slice(index * 4096, (index + 1) * 4096),
      ),
    });
    assert.equal(inChunks.status, 413);
    assert.deepEqual((await mine('alice')).body, before);
  });

  it('closes the connection after refusing a body declared over 1 MB, unread', async () => {
    const reply = await new Promise((resolve, reject) => {
      const huge = request(
        `${vitrine.base}/wishlists/shared`,
        { method: 'POST', headers: { 'content-length': String(2 * 1024 * 1024) } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response));
        },
      );
      huge.on('error', reject);
      huge.write('{"items": [');
    });
    assert.equal(reply.statusCode, 413);
    assert.equal(reply.headers.connection, 'close');
  });

  it('keeps serving when a client goes away in the middle of its body', async () => {
    await new Promise((resolve) => {
      const gone = request(`${vitrine.base}/wishlists/me`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens.dan}`, 'content-length': '1000' },
      });
      gone.on('error', resolve);
      gone.write('{"items": [', () => setTimeout(() => gone.destroy(), 50));
      gone.on('close', resolve);
    });
    assert.equal((await mine('dan')).status, 200);
    assert.deepEqual((await mine('dan')).body, { items: [], version: 0 });
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

  it('trusts the configured origins only: never the Host header, never another scheme', async () => {
    const before = await counts();
    const spoofs = [
      // The page's own origin, as the Host header claims it: anyone can send both.
      { origin: 'http://evil.example', host: 'evil.example' },
      { origin: new URL(vitrine.base).origin, host: new URL(vitrine.base).host },
      // The brand's host over another scheme is another origin.
      { origin: 'http://maison.example', host: 'maison.example' },
      { origin: 'https://maison.example:8443', host: 'maison.example:8443' },
    ];
    for (const { origin, host } of spoofs) {
      const vote = await byHand(`${vitrine.base}/campaigns/next-icon/votes/pochette-soiree`, {
        method: 'PUT',
        headers: { origin, host, authorization: `Bearer ${tokens.alice}` },
      });
      assert.equal(vote.status, 403, origin);
      assert.equal(vote.body.error.code, 'origin_not_allowed');
      assert.equal(vote.headers['access-control-allow-origin'], undefined);
      const share = await byHand(`${vitrine.base}/wishlists/shared`, {
        method: 'POST',
        headers: { origin, host, 'content-type': 'application/json' },
        body: JSON.stringify({ items: [item('sac-lune')], landing: `${origin}/wishlist` }),
      });
      assert.equal(share.status, 403, origin);
    }
    assert.deepEqual(await counts(), before);
    const listed = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/pochette-soiree', {
      origin: BRAND,
      token: tokens.alice,
    });
    assert.equal(listed.status, 200);
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
