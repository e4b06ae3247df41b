// The campaign and vote routes (routes.ts) on a real SQLite file: one vote per person and
// product whatever the traffic, kept across a restart, product ids as the contract spells
// them, and the routes' refusals (404, 409, 400) changing nothing. Body limits, CORS and 405
// are http.test.js's; 429 is rate-limit.test.js's.
import assert from 'node:assert/strict';
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
/** Product ids as brands' platforms spell them: the longest the contract allows, too. */
const PLATFORM_IDS = ['gid://shopify/Product/7982', 'M40712', 'sac+lune@2027', 'x'.repeat(128)];
const campaigns = [
  {
    id: 'next-icon',
    title: 'Which icon should the house make next?',
    products: ['sac-lune', 'carre-jardin', 'pochette-soiree'],
    goal: 500,
    closesAt: '2999-03-01T00:00:00Z',
  },
  { id: 'platform-ids', title: 'Platform ids', products: PLATFORM_IDS },
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

  it('answers 400 for ids outside the contract’s id rules, naming the rule', async () => {
    const before = await counts();
    const badId = await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac%20lune', {
      token: tokens.alice,
    });
    assert.equal(badId.status, 400);
    assert.equal(badId.body.error.code, 'bad_request');
    assert.match(badId.body.error.message, /product id must match/);
    const longId = await call(
      vitrine.base,
      'PUT',
      `/campaigns/next-icon/votes/${'p'.repeat(129)}`,
      {
        token: tokens.alice,
      },
    );
    assert.equal(longId.status, 400);
    // A slash is a product's, not a campaign's.
    const badCampaign = await call(vitrine.base, 'GET', '/campaigns/next%2Ficon');
    assert.equal(badCampaign.status, 400);
    assert.match(badCampaign.body.error.message, /campaign id must match/);
    assert.deepEqual(await counts(), before);
  });

  it('takes votes for every product id a wishlist may hold (SKUs, slugs, platform ids)', async () => {
    const path = (productId) => `/campaigns/platform-ids/votes/${encodeURIComponent(productId)}`;
    for (const productId of PLATFORM_IDS) {
      const vote = await call(vitrine.base, 'PUT', path(productId), { token: tokens.alice });
      assert.equal(vote.status, 200, productId);
      assert.deepEqual(vote.body, { productId, count: 1, voted: true });
    }
    const shown = await call(vitrine.base, 'GET', '/campaigns/platform-ids', {
      token: tokens.alice,
    });
    assert.deepEqual(
      shown.body.products,
      PLATFORM_IDS.map((productId) => ({ productId, count: 1, voted: true })),
    );
  });
});
