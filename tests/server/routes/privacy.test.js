// A fan's own data (routes.ts): `GET /me/export` gives them everything kept about them and
// nothing of anyone else's; `DELETE /me` erases it (votes withdrawn with the counts and the
// live streams following, wishlist and own share links gone), and a second erase is a no-op.
// On the embedded SQLite store and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../../demo/identity-provider.js';
import { startPostgres } from '../../support/engines.js';
import { REDIRECT_URI, idTokenFor } from '../../support/id-tokens.js';
import { call, openEvents, startVitrine } from '../../support/vitrine-server.js';

const BRAND = 'https://maison.example';
const PRODUCTS = ['sac-lune', 'carre-jardin', 'pochette-soiree'];
const item = (productId, extra = {}) => ({ productId, addedAt: 1_760_000_000_000, ...extra });
const countIn = (event, productId) =>
  event.json.products.find((product) => product.productId === productId)?.count;

const engines = [
  { name: 'SQLite', start: async () => ({ db: ':memory:', remove: async () => {} }) },
  {
    name: 'PostgreSQL',
    start: async () => {
      const engine = await startPostgres();
      return { db: engine.url, remove: () => engine.remove() };
    },
  },
];

for (const engine of engines) {
  describe(`a fan's own data on ${engine.name}`, { timeout: 120_000 }, () => {
    let op;
    let database;
    let vitrine;
    const tokens = {};

    before(async () => {
      op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
      for (const person of ['alice', 'bob']) tokens[person] = await idTokenFor(op.issuer, person);
      database = await engine.start();
      vitrine = await startVitrine({
        db: database.db,
        issuer: op.issuer,
        audience: op.clientId,
        origins: [BRAND],
        campaigns: [{ id: 'next-icon', title: 'Next icon', products: PRODUCTS }],
        rateLimits: { person: false, ip: false, share: false },
      });
    });
    after(async () => {
      await vitrine?.close();
      await database?.remove();
      await op?.close();
    });

    const as = (person, method, path, init = {}) =>
      call(vitrine.base, method, path, { token: tokens[person], ...init });
    const share = (person, items) =>
      as(person, 'POST', '/wishlists/shared', {
        body: { items, landing: `${BRAND}/wishlist` },
      });

    it('needs a token for both routes', async () => {
      for (const [method, path] of [
        ['GET', '/me/export'],
        ['DELETE', '/me'],
      ]) {
        const reply = await call(vitrine.base, method, path);
        assert.equal(reply.status, 401);
        assert.equal(reply.body.error.code, 'unauthorized');
      }
      assert.equal((await as('alice', 'PUT', '/me')).status, 405);
      assert.equal((await as('alice', 'POST', '/me/export')).status, 405);
    });

    it("exports the fan's votes, wishlist and own links, and nobody else's", async () => {
      await as('alice', 'PUT', '/campaigns/next-icon/votes/sac-lune');
      await as('alice', 'PUT', '/campaigns/next-icon/votes/carre-jardin');
      await as('bob', 'PUT', '/campaigns/next-icon/votes/sac-lune');
      await as('alice', 'PUT', '/wishlists/me', { body: { items: [item('sac-lune')] } });
      await as('bob', 'PUT', '/wishlists/me', { body: { items: [item('pochette-soiree')] } });
      const aliceLink = await share('alice', [item('sac-lune')]);
      const bobLink = await share('bob', [item('pochette-soiree')]);
      const guestLink = await call(vitrine.base, 'POST', '/wishlists/shared', {
        body: { items: [item('carre-jardin')], landing: `${BRAND}/wishlist` },
      });
      assert.equal(guestLink.status, 201);

      const reply = await as('alice', 'GET', '/me/export');
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('cache-control'), 'no-store');
      const data = reply.body;
      assert.equal(data.subject, 'alice');
      assert.ok(!Number.isNaN(Date.parse(data.exportedAt)));
      assert.deepEqual(data.votes.map((vote) => `${vote.campaign}/${vote.productId}`).sort(), [
        'next-icon/carre-jardin',
        'next-icon/sac-lune',
      ]);
      for (const vote of data.votes) assert.ok(!Number.isNaN(Date.parse(vote.votedAt)));
      assert.deepEqual(data.wishlist.items, [item('sac-lune')]);
      assert.equal(data.wishlist.version, 1);
      assert.deepEqual(
        data.sharedLists.map((list) => list.id),
        [aliceLink.body.id],
      );
      assert.deepEqual(data.sharedLists[0].items, [item('sac-lune')]);
      assert.equal(data.sharedLists[0].expiresAt, aliceLink.body.expiresAt);
      const text = JSON.stringify(data);
      for (const foreign of ['bob', bobLink.body.id, guestLink.body.id, 'pochette-soiree']) {
        assert.ok(!text.includes(foreign), `nothing of ${foreign}`);
      }
    });

    it('erases the fan: counts and live streams follow, lists and own links go, once', async () => {
      const stream = openEvents(`${vitrine.base}/campaigns/next-icon/events`);
      try {
        await stream.nextEvents(1);
        assert.equal(countIn(stream.events[0], 'sac-lune'), 2);
        const aliceLink = (await as('alice', 'GET', '/me/export')).body.sharedLists[0].id;
        const bobLink = (await as('bob', 'GET', '/me/export')).body.sharedLists[0].id;

        const erased = await as('alice', 'DELETE', '/me', { origin: BRAND });
        assert.equal(erased.status, 204);
        assert.equal(erased.body, '');
        await stream.waitFor(
          () =>
            stream.events.some((event) => countIn(event, 'sac-lune') === 1) &&
            stream.events.some((event) => countIn(event, 'carre-jardin') === 0),
          'both withdrawn votes',
        );

        const campaign = await as('bob', 'GET', '/campaigns/next-icon');
        assert.deepEqual(campaign.body.products, [
          { productId: 'sac-lune', count: 1, voted: true },
          { productId: 'carre-jardin', count: 0, voted: false },
          { productId: 'pochette-soiree', count: 0, voted: false },
        ]);
        assert.deepEqual((await as('alice', 'GET', '/wishlists/me')).body, {
          items: [],
          version: 0,
        });
        assert.equal(
          (await call(vitrine.base, 'GET', `/wishlists/shared/${aliceLink}`)).status,
          404,
        );
        assert.equal((await call(vitrine.base, 'GET', `/wishlists/shared/${bobLink}`)).status, 200);
        const exported = (await as('alice', 'GET', '/me/export')).body;
        assert.deepEqual(
          { votes: exported.votes, wishlist: exported.wishlist, sharedLists: exported.sharedLists },
          { votes: [], wishlist: null, sharedLists: [] },
        );
        assert.deepEqual((await as('bob', 'GET', '/wishlists/me')).body.items, [
          item('pochette-soiree'),
        ]);

        const seen = stream.events.length;
        const again = await as('alice', 'DELETE', '/me', { origin: BRAND });
        assert.equal(again.status, 204);
        assert.deepEqual((await as('bob', 'GET', '/campaigns/next-icon')).body.products, [
          { productId: 'sac-lune', count: 1, voted: true },
          { productId: 'carre-jardin', count: 0, voted: false },
          { productId: 'pochette-soiree', count: 0, voted: false },
        ]);
        // A vote sent after the second erase is the next event: the erase itself sent none.
        await as('bob', 'PUT', '/campaigns/next-icon/votes/pochette-soiree');
        await stream.waitFor(() => stream.events.length > seen, 'the next vote');
        assert.equal(countIn(stream.events[seen], 'pochette-soiree'), 1);
        assert.equal(countIn(stream.events[seen], 'sac-lune'), undefined);
      } finally {
        stream.close();
      }
    });

    it('refuses an erase from a foreign origin, and keeps everything', async () => {
      await as('bob', 'PUT', '/wishlists/me', { body: { items: [item('sac-lune')] } });
      const refused = await as('bob', 'DELETE', '/me', { origin: 'https://evil.example' });
      assert.equal(refused.status, 403);
      assert.deepEqual((await as('bob', 'GET', '/wishlists/me')).body.items, [item('sac-lune')]);
    });
  });
}
