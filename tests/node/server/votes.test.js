// Votes on a real SQLite file: one per person and product whatever the traffic, kept across a
// restart, and every refusal of the contract (404, 409, 413, 400, 429, 403, 405) changing
// nothing.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../../support/id-tokens.js';
import {
  call,
  pool,
  rawCall,
  startVitrine,
  temporaryDirectory,
} from '../../support/vitrine-server.js';

const BRAND = 'https://maison.example';
const campaigns = [
  {
    id: 'next-icon',
    title: 'Which icon should the house make next?',
    products: ['sac-lune', 'carre-jardin', 'pochette-soiree'],
    goal: 500,
    closesAt: '2999-03-01T00:00:00Z',
  },
  {
    id: 'last-season',
    title: 'Last season',
    products: ['trench-ete'],
    closesAt: '2001-01-01T00:00:00Z',
  },
];

describe('votes', { timeout: 120_000 }, () => {
  let op;
  let directory;
  let db;
  let vitrine;
  const tokens = {};

  const options = () => ({
    db,
    issuer: op.issuer,
    audience: op.clientId,
    origins: [BRAND],
    campaigns,
    rateLimits: { person: false, ip: false },
  });
  const counts = async () =>
    Object.fromEntries(
      (await call(vitrine.base, 'GET', '/campaigns/next-icon')).body.products.map((product) => [
        product.productId,
        product.count,
      ]),
    );

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    directory = temporaryDirectory();
    db = join(directory.path, 'votes.db');
    vitrine = await startVitrine(options());
    for (const person of ['alice', 'bob', 'carol', 'dan']) {
      tokens[person] = await idTokenFor(op.issuer, person);
    }
  });
  after(async () => {
    pool.destroy();
    await vitrine?.close();
    await op?.close();
    directory?.remove();
  });

  it('shows a campaign as declared, counts at 0, without `voted` for a guest', async () => {
    const { status, headers, body } = await call(vitrine.base, 'GET', '/campaigns/next-icon');
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(body, {
      id: 'next-icon',
      title: 'Which icon should the house make next?',
      goal: 500,
      closesAt: '2999-03-01T00:00:00.000Z',
      closed: false,
      products: [
        { productId: 'sac-lune', count: 0 },
        { productId: 'carre-jardin', count: 0 },
        { productId: 'pochette-soiree', count: 0 },
      ],
    });
  });

  it('counts a vote once, however often it is put, and takes it back once', async () => {
    const path = '/campaigns/next-icon/votes/sac-lune';
    for (let time = 0; time < 3; time += 1) {
      const vote = await call(vitrine.base, 'PUT', path, { token: tokens.alice });
      assert.equal(vote.status, 200);
      assert.deepEqual(vote.body, { productId: 'sac-lune', count: 1, voted: true });
    }
    const bob = await call(vitrine.base, 'PUT', path, { token: tokens.bob });
    assert.deepEqual(bob.body, { productId: 'sac-lune', count: 2, voted: true });
    for (let time = 0; time < 2; time += 1) {
      const withdrawn = await call(vitrine.base, 'DELETE', path, { token: tokens.alice });
      assert.equal(withdrawn.status, 200);
      assert.deepEqual(withdrawn.body, { productId: 'sac-lune', count: 1, voted: false });
    }
    assert.deepEqual(await counts(), { 'sac-lune': 1, 'carre-jardin': 0, 'pochette-soiree': 0 });
    const seen = await call(vitrine.base, 'GET', '/campaigns/next-icon', { token: tokens.bob });
    assert.deepEqual(
      seen.body.products.map((product) => product.voted),
      [true, false, false],
    );
  });

  it('counts 1,000 concurrent identical votes from one person once', async () => {
    const headers = { authorization: `Bearer ${tokens.carol}` };
    const replies = await Promise.all(
      Array.from({ length: 1000 }, () =>
        rawCall(vitrine.base, 'PUT', '/campaigns/next-icon/votes/carre-jardin', headers),
      ),
    );
    assert.ok(replies.every((reply) => reply.status === 200));
    assert.ok(replies.every((reply) => reply.body.count === 1 && reply.body.voted === true));
    assert.equal((await counts())['carre-jardin'], 1);
  });

  it('keeps every count across a restart on the same file', async () => {
    await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/pochette-soiree', {
      token: tokens.dan,
    });
    const before = await counts();
    await vitrine.close();
    vitrine = await startVitrine(options());
    assert.deepEqual(await counts(), before);
    const again = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/pochette-soiree', {
      token: tokens.dan,
    });
    assert.deepEqual(again.body, { productId: 'pochette-soiree', count: 1, voted: true });
  });

  it('answers 404 for an unknown campaign or a product outside the campaign', async () => {
    for (const [method, path] of [
      ['GET', '/campaigns/no-such-campaign'],
      ['PUT', '/campaigns/no-such-campaign/votes/sac-lune'],
      ['PUT', '/campaigns/next-icon/votes/trench-ete'],
      ['DELETE', '/campaigns/next-icon/votes/unknown'],
    ]) {
      const reply = await call(vitrine.base, method, path, { token: tokens.alice });
      assert.equal(reply.status, 404, `${method} ${path}`);
      assert.equal(reply.body.error.code, 'not_found');
    }
  });

  it('answers 409 once a campaign has closed, and shows it closed', async () => {
    const vote = await call(vitrine.base, 'PUT', '/campaigns/last-season/votes/trench-ete', {
      token: tokens.alice,
    });
    assert.equal(vote.status, 409);
    assert.equal(vote.body.error.code, 'campaign_closed');
    const shown = await call(vitrine.base, 'GET', '/campaigns/last-season');
    assert.equal(shown.body.closed, true);
    assert.equal(shown.body.products[0].count, 0);
  });

  it('answers 400 for ids outside the id alphabet and 404 for unknown routes', async () => {
    const badId = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac%20lune', {
      token: tokens.alice,
    });
    assert.equal(badId.status, 400);
    assert.equal(badId.body.error.code, 'bad_request');
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

  it('rate-limits per person and per address with 429 and Retry-After', async () => {
    const limited = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns,
      rateLimits: { person: { burst: 3, perMinute: 1 }, ip: { burst: 12, perMinute: 1 } },
    });
    try {
      const vote = (person, method = 'PUT') =>
        call(limited.base, method, '/campaigns/next-icon/votes/sac-lune', {
          token: tokens[person],
        });
      for (const method of ['PUT', 'DELETE', 'PUT'])
        assert.equal((await vote('alice', method)).status, 200);
      const refused = await vote('alice', 'DELETE');
      assert.equal(refused.status, 429);
      assert.equal(refused.body.error.code, 'rate_limited');
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(
        Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
        `${retryAfter}`,
      );
      const campaign = await call(limited.base, 'GET', '/campaigns/next-icon', {
        token: tokens.alice,
      });
      assert.equal(campaign.body.products[0].count, 1, 'the refused DELETE changed nothing');
      assert.equal(campaign.body.products[0].voted, true);
      // Another person still votes, until the address runs out of requests.
      assert.equal((await vote('bob')).status, 200);
      let addressRefusal;
      for (let attempt = 0; attempt < 20 && !addressRefusal; attempt += 1) {
        const reply = await call(limited.base, 'GET', '/campaigns/next-icon');
        if (reply.status === 429) addressRefusal = reply;
      }
      assert.ok(addressRefusal, 'the address limit never applied');
      assert.ok(Number(addressRefusal.headers.get('retry-after')) >= 1);
    } finally {
      await limited.close();
    }
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
