// Every VitrineStorage method, the same assertions on each store vitrine/server ships: the
// embedded SQLite file and PostgreSQL (a throwaway cluster on a loopback port, a fresh
// database per test). What one store promises, the other keeps: a vote counts once and its
// count's version only grows, concurrent writes lose nothing and count nothing twice, a
// wishlist is written only over the version the writer saw, shared lists go once expired,
// and everything is there again after the store is reopened.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import { openPostgresStorage, openSqliteStorage } from '../../dist/server/index.js';
import { startPostgres } from '../support/engines.js';
import { temporaryDirectory } from '../support/vitrine-server.js';

const item = (productId, extra = {}) => ({ productId, addedAt: 1_760_000_000_000, ...extra });
const sharedList = (id, expiresAt) => ({
  id,
  items: [item('sac-lune', { name: 'Sac Lune', price: 2450, currency: 'EUR' })],
  createdAt: 1_760_000_000_000,
  expiresAt,
});
const byProduct = (rows) => [...rows].sort((a, b) => a.productId.localeCompare(b.productId));

/** SQLite: a new file per `place`. */
function sqliteEngine() {
  let directory;
  return {
    name: 'SQLite',
    async setUp() {
      directory = temporaryDirectory();
    },
    async tearDown() {
      directory?.remove();
    },
    place: async (name) => join(directory.path, `${name}.db`),
    open: (place) => openSqliteStorage(place),
  };
}

/** PostgreSQL: a new database per `place`, in one throwaway cluster. */
function postgresEngine() {
  let engine;
  let admin;
  return {
    name: 'PostgreSQL',
    async setUp() {
      engine = await startPostgres();
      admin = postgres(engine.url, { max: 1, onnotice: () => {} });
    },
    async tearDown() {
      await admin?.end();
      await engine?.remove();
    },
    async place(name) {
      await admin.unsafe(`CREATE DATABASE "${name}"`);
      return engine.url.replace(/\/postgres$/, `/${name}`);
    },
    open: (place) => openPostgresStorage(place),
  };
}

for (const engine of [sqliteEngine(), postgresEngine()]) {
  describe(`the storage contract on ${engine.name}`, { timeout: 120_000 }, () => {
    const stores = [];
    /** A store on a place of its own (or on `place`), closed after the tests. */
    const open = async (place) => {
      const store = engine.open(place);
      stores.push(store);
      return store;
    };
    let places = 0;
    const fresh = async () => open(await engine.place(`conformance_${(places += 1)}`));

    before(() => engine.setUp());
    after(async () => {
      await Promise.allSettled(stores.map((store) => store.close()));
      await engine.tearDown();
    });

    it('counts a vote once per person, each change one version more', async () => {
      const store = await fresh();
      assert.deepEqual(await store.vote('next-icon', 'sac-lune', 'alice'), {
        productId: 'sac-lune',
        count: 1,
        version: 1,
        voted: true,
        changed: true,
      });
      assert.deepEqual(await store.vote('next-icon', 'sac-lune', 'alice'), {
        productId: 'sac-lune',
        count: 1,
        version: 1,
        voted: true,
        changed: false,
      });
      assert.equal((await store.vote('next-icon', 'sac-lune', 'bob')).count, 2);
      assert.deepEqual(await store.unvote('next-icon', 'sac-lune', 'alice'), {
        productId: 'sac-lune',
        count: 1,
        version: 3,
        voted: false,
        changed: true,
      });
      assert.equal((await store.unvote('next-icon', 'sac-lune', 'alice')).changed, false);
      assert.deepEqual(await store.unvote('next-icon', 'carre-jardin', 'alice'), {
        productId: 'carre-jardin',
        count: 0,
        version: 0,
        voted: false,
        changed: false,
      });
      await store.vote('next-icon', 'carre-jardin', 'bob');
      assert.deepEqual(byProduct(await store.counts('next-icon')), [
        { productId: 'carre-jardin', count: 1, version: 1 },
        { productId: 'sac-lune', count: 1, version: 3 },
      ]);
      assert.deepEqual(await store.counts('another-campaign'), []);
      assert.deepEqual(
        await store.votedFor('next-icon', ['sac-lune', 'carre-jardin', 'pochette'], 'bob'),
        new Set(['sac-lune', 'carre-jardin']),
      );
      assert.deepEqual(await store.votedFor('next-icon', ['sac-lune'], 'alice'), new Set());
      assert.deepEqual(await store.votedFor('next-icon', [], 'bob'), new Set());
      // The same product in another campaign is another count.
      assert.equal((await store.vote('other', 'sac-lune', 'alice')).count, 1);
    });

    it('gives concurrent votes distinct counts and counts a repeated one once', async () => {
      const store = await fresh();
      const people = Array.from({ length: 200 }, (_, index) => `fan-${index}`);
      const outcomes = await Promise.all(
        people.map((person) => store.vote('next-icon', 'sac-lune', person)),
      );
      assert.deepEqual(
        outcomes.map((outcome) => outcome.count).sort((a, b) => a - b),
        people.map((_, index) => index + 1),
      );
      // Each count went out with its own version: a listener keeping the newest ends at 200.
      assert.equal(new Set(outcomes.map((outcome) => outcome.version)).size, 200);

      const repeats = await Promise.all(
        Array.from({ length: 100 }, () => store.vote('next-icon', 'carre-jardin', 'alice')),
      );
      assert.equal(repeats.filter((outcome) => outcome.changed).length, 1);
      assert.ok(repeats.every((outcome) => outcome.voted && outcome.count === 1));
      assert.deepEqual(byProduct(await store.counts('next-icon')), [
        { productId: 'carre-jardin', count: 1, version: 1 },
        { productId: 'sac-lune', count: 200, version: 200 },
      ]);
    });

    it('gives concurrent withdrawals distinct counts and takes a repeated one back once', async () => {
      const store = await fresh();
      const people = Array.from({ length: 150 }, (_, index) => `fan-${index}`);
      for (const person of people) await store.vote('next-icon', 'sac-lune', person);
      await store.vote('next-icon', 'carre-jardin', 'alice');
      const outcomes = await Promise.all(
        people.map((person) => store.unvote('next-icon', 'sac-lune', person)),
      );
      assert.ok(outcomes.every((outcome) => outcome.changed && !outcome.voted));
      assert.deepEqual(
        outcomes.map((outcome) => outcome.count).sort((a, b) => a - b),
        people.map((_, index) => index),
      );
      assert.deepEqual(
        outcomes.map((outcome) => outcome.version).sort((a, b) => a - b),
        people.map((_, index) => 151 + index),
      );

      const repeats = await Promise.all(
        Array.from({ length: 100 }, () => store.unvote('next-icon', 'carre-jardin', 'alice')),
      );
      assert.equal(repeats.filter((outcome) => outcome.changed).length, 1);
      assert.ok(repeats.every((outcome) => !outcome.voted && outcome.count === 0));
      // Withdrawals for a product nobody ever voted for, many at once, answer a count of 0.
      const never = await Promise.all(
        people.slice(0, 20).map((person) => store.unvote('next-icon', 'pochette', person)),
      );
      assert.ok(never.every((outcome) => outcome.count === 0 && !outcome.changed));
      assert.deepEqual(byProduct(await store.counts('next-icon')), [
        { productId: 'carre-jardin', count: 0, version: 2 },
        { productId: 'sac-lune', count: 0, version: 300 },
      ]);
    });

    it('ends interleaved votes and withdrawals with the count of the votes kept', async () => {
      const store = await fresh();
      const calls = Array.from({ length: 120 }, (_, index) => {
        const person = `fan-${index % 30}`;
        return index % 3 === 2
          ? store.unvote('next-icon', 'sac-lune', person)
          : store.vote('next-icon', 'sac-lune', person);
      });
      const outcomes = await Promise.all(calls);
      const people = Array.from({ length: 30 }, (_, index) => `fan-${index}`);
      const kept = (
        await Promise.all(people.map((person) => store.votedFor('next-icon', ['sac-lune'], person)))
      ).filter((set) => set.has('sac-lune')).length;
      const [row] = await store.counts('next-icon');
      assert.equal(row.count, kept);
      assert.equal(row.version, outcomes.filter((outcome) => outcome.changed).length);
    });

    it('writes a wishlist only over the version the writer saw', async () => {
      const store = await fresh();
      assert.deepEqual(await store.wishlist('alice'), { items: [], version: 0 });
      assert.deepEqual(await store.saveWishlist('alice', [item('sac-lune')], 0), {
        saved: true,
        wishlist: { items: [item('sac-lune')], version: 1 },
      });
      assert.deepEqual(await store.saveWishlist('alice', [item('carre-jardin')], 0), {
        saved: false,
        current: { items: [item('sac-lune')], version: 1 },
      });
      assert.deepEqual(await store.saveWishlist('alice', [item('carre-jardin')], 7), {
        saved: false,
        current: { items: [item('sac-lune')], version: 1 },
      });
      const next = [item('sac-lune'), item('carre-jardin', { variantId: '38' })];
      assert.deepEqual(await store.saveWishlist('alice', next, 1), {
        saved: true,
        wishlist: { items: next, version: 2 },
      });
      const unconditional = await store.saveWishlist('alice', [item('pochette-soiree')]);
      assert.deepEqual(unconditional.wishlist, { items: [item('pochette-soiree')], version: 3 });
      assert.deepEqual(await store.wishlist('alice'), {
        items: [item('pochette-soiree')],
        version: 3,
      });
      assert.deepEqual(await store.saveWishlist('bob', []), {
        saved: true,
        wishlist: { items: [], version: 1 },
      });
      assert.deepEqual(await store.saveWishlist('carol', [item('sac-lune')], 3), {
        saved: false,
        current: { items: [], version: 0 },
      });
    });

    it('keeps a list written before variants as it was, and variants once written, after a reopen', async () => {
      const place = await engine.place('conformance_variants');
      const first = await open(place);
      const before = [item('sac-lune', { name: 'Sac Lune' }), item('carre-jardin')];
      await first.saveWishlist('alice', before);
      const sizes = [
        item('escarpin-opera', { variantId: '38-noir', variantName: 'Taille 38 · Noir' }),
        item('escarpin-opera', { variantId: '40-noir', variantName: 'Taille 40 · Noir' }),
        item('escarpin-opera'),
      ];
      await first.saveWishlist('bob', sizes);
      await first.close();
      const second = await open(place);
      assert.deepEqual(await second.wishlist('alice'), { items: before, version: 1 });
      assert.deepEqual(await second.wishlist('bob'), { items: sizes, version: 1 });
    });

    it('lets one of two writes over the same version through, and refuses the other', async () => {
      const store = await fresh();
      await store.saveWishlist('alice', [item('sac-lune')]);
      const writes = await Promise.all([
        store.saveWishlist('alice', [item('sac-lune'), item('carre-jardin')], 1),
        store.saveWishlist('alice', [item('sac-lune'), item('pochette-soiree')], 1),
      ]);
      assert.deepEqual(writes.map((write) => write.saved).sort(), [false, true]);
      const saved = writes.find((write) => write.saved).wishlist;
      const refused = writes.find((write) => !write.saved).current;
      assert.deepEqual(refused, saved);
      assert.deepEqual(await store.wishlist('alice'), saved);
    });

    it('keeps shared lists until they are swept once expired', async () => {
      const store = await fresh();
      await store.saveSharedList(sharedList('AAAAAAAAAAAAAAAAAAAAAA', 1000));
      await store.saveSharedList(sharedList('BBBBBBBBBBBBBBBBBBBBBB', 3000));
      assert.deepEqual(
        await store.sharedList('AAAAAAAAAAAAAAAAAAAAAA'),
        sharedList('AAAAAAAAAAAAAAAAAAAAAA', 1000),
      );
      assert.equal(await store.sharedList('CCCCCCCCCCCCCCCCCCCCCC'), undefined);
      await assert.rejects(store.saveSharedList(sharedList('AAAAAAAAAAAAAAAAAAAAAA', 9000)));
      assert.equal((await store.sharedList('AAAAAAAAAAAAAAAAAAAAAA')).expiresAt, 1000);
      assert.equal(await store.countSharedLists(), 2);
      assert.equal(await store.deleteSharedListsExpiredBefore(2000), 1);
      assert.equal(await store.countSharedLists(), 1);
      assert.equal(await store.sharedList('AAAAAAAAAAAAAAAAAAAAAA'), undefined);
      assert.ok(await store.sharedList('BBBBBBBBBBBBBBBBBBBBBB'));
      assert.equal(await store.deleteSharedListsExpiredBefore(2000), 0);
    });

    it("exports exactly a person's votes, wishlist and shared lists", async () => {
      const store = await fresh();
      const before = Date.now();
      await store.vote('next-icon', 'sac-lune', 'alice');
      await store.vote('next-icon', 'carre-jardin', 'alice');
      await store.vote('next-icon', 'sac-lune', 'bob');
      await store.vote('other', 'pochette', 'bob');
      await store.saveWishlist('alice', [item('sac-lune', { name: 'Sac Lune' })]);
      await store.saveWishlist('bob', [item('pochette')]);
      const mine = { ...sharedList('AAAAAAAAAAAAAAAAAAAAAA', 9000), owner: 'alice' };
      await store.saveSharedList(mine);
      await store.saveSharedList({ ...sharedList('BBBBBBBBBBBBBBBBBBBBBB', 9000), owner: 'bob' });
      await store.saveSharedList(sharedList('CCCCCCCCCCCCCCCCCCCCCC', 9000));
      const after = Date.now();

      const data = await store.personalData('alice');
      assert.deepEqual(
        data.votes.map(({ campaign, productId }) => `${campaign}/${productId}`).sort(),
        ['next-icon/carre-jardin', 'next-icon/sac-lune'],
      );
      for (const vote of data.votes) {
        assert.ok(vote.votedAt >= before - 1000 && vote.votedAt <= after + 1000, 'a real date');
      }
      assert.deepEqual(data.wishlist.items, [item('sac-lune', { name: 'Sac Lune' })]);
      assert.equal(data.wishlist.version, 1);
      assert.ok(
        data.wishlist.updatedAt >= before - 1000 && data.wishlist.updatedAt <= after + 1000,
      );
      assert.deepEqual(data.sharedLists, [mine]);
      assert.deepEqual(await store.personalData('dora'), { votes: [], sharedLists: [] });
    });

    it('erases a person in one go: votes withdrawn, wishlist and own links gone, once', async () => {
      const store = await fresh();
      await store.vote('next-icon', 'sac-lune', 'alice');
      await store.vote('next-icon', 'sac-lune', 'bob');
      await store.vote('other', 'pochette', 'alice');
      await store.saveWishlist('alice', [item('sac-lune')]);
      await store.saveWishlist('bob', [item('pochette')]);
      await store.saveSharedList({ ...sharedList('AAAAAAAAAAAAAAAAAAAAAA', 9000), owner: 'alice' });
      await store.saveSharedList({ ...sharedList('BBBBBBBBBBBBBBBBBBBBBB', 9000), owner: 'bob' });
      await store.saveSharedList(sharedList('CCCCCCCCCCCCCCCCCCCCCC', 9000));

      const changed = await store.erasePerson('alice');
      assert.deepEqual(
        [...changed].sort((a, b) => a.campaign.localeCompare(b.campaign)),
        [
          { campaign: 'next-icon', productId: 'sac-lune', count: 1, version: 3 },
          { campaign: 'other', productId: 'pochette', count: 0, version: 2 },
        ],
      );
      assert.deepEqual(await store.personalData('alice'), { votes: [], sharedLists: [] });
      assert.deepEqual(await store.wishlist('alice'), { items: [], version: 0 });
      assert.equal(await store.sharedList('AAAAAAAAAAAAAAAAAAAAAA'), undefined);
      // Nobody else's data moves.
      assert.ok(await store.sharedList('BBBBBBBBBBBBBBBBBBBBBB'));
      assert.ok(await store.sharedList('CCCCCCCCCCCCCCCCCCCCCC'), 'a guest link expires as before');
      assert.deepEqual((await store.wishlist('bob')).items, [item('pochette')]);
      assert.deepEqual(
        await store.votedFor('next-icon', ['sac-lune'], 'bob'),
        new Set(['sac-lune']),
      );
      assert.deepEqual(await store.counts('next-icon'), [
        { productId: 'sac-lune', count: 1, version: 3 },
      ]);

      assert.deepEqual(await store.erasePerson('alice'), [], 'a second erase changes nothing');
      assert.deepEqual(await store.counts('next-icon'), [
        { productId: 'sac-lune', count: 1, version: 3 },
      ]);
      // The fan may come back: a new vote counts from where the count stands.
      assert.equal((await store.vote('next-icon', 'sac-lune', 'alice')).count, 2);
    });

    it('deletes the wishlists last written before a time, and only those', async () => {
      const store = await fresh();
      await store.saveWishlist('alice', [item('sac-lune')]);
      const written = Date.now();
      assert.equal(await store.deleteWishlistsUntouchedSince(written - 60_000), 0);
      assert.deepEqual((await store.wishlist('alice')).items, [item('sac-lune')]);
      assert.equal(await store.deleteWishlistsUntouchedSince(written + 60_000), 1);
      assert.deepEqual(await store.wishlist('alice'), { items: [], version: 0 });
      assert.equal(await store.deleteWishlistsUntouchedSince(written + 60_000), 0);
    });

    it('queues webhook events once per key and URL, leases, retries and delivers them', async () => {
      const store = await fresh();
      const urls = ['https://crm.example/a', 'https://crm.example/b'];
      const event = {
        eventId: 'e1',
        key: 'goal:next-icon:sac-lune',
        body: '{"id":"e1"}',
        createdAt: 1000,
      };
      assert.equal(await store.queueWebhook(event, urls), 2);
      assert.equal(await store.queueWebhook({ ...event, eventId: 'e2' }, urls), 0, 'same key');
      assert.deepEqual(await store.claimWebhooks(999, 5000, 10), [], 'not due yet');
      const claimed = await store.claimWebhooks(1000, 5000, 10);
      assert.deepEqual(
        claimed.map(({ eventId, url, body, attempts }) => [eventId, url, body, attempts]).sort(),
        urls.map((url) => ['e1', url, '{"id":"e1"}', 0]),
      );
      assert.deepEqual(await store.claimWebhooks(4999, 9000, 10), [], 'held by the lease');
      await store.webhookDelivered('e1', urls[0], 2000);
      await store.webhookFailed('e1', urls[1], 1, 6000);
      assert.deepEqual(await store.claimWebhooks(5999, 9000, 10), []);
      const retried = await store.claimWebhooks(6000, 9000, 10);
      assert.deepEqual(
        retried.map(({ eventId, url, attempts }) => [eventId, url, attempts]),
        [['e1', urls[1], 1]],
      );
      await store.webhookDelivered('e1', urls[1], 7000);
      assert.deepEqual(await store.claimWebhooks(100_000, 200_000, 10), []);
    });

    it('answers a ping, and finds everything again when reopened', async () => {
      const place = await engine.place('conformance_reopened');
      const first = await open(place);
      await first.ping();
      await first.vote('next-icon', 'sac-lune', 'alice');
      await first.vote('next-icon', 'sac-lune', 'bob');
      await first.saveWishlist('alice', [item('sac-lune', { name: 'Sac Lune' })]);
      await first.saveSharedList(sharedList('EEEEEEEEEEEEEEEEEEEEEE', 5000));
      await first.close();

      const second = await open(place);
      assert.deepEqual(await second.counts('next-icon'), [
        { productId: 'sac-lune', count: 2, version: 2 },
      ]);
      assert.deepEqual(await second.wishlist('alice'), {
        items: [item('sac-lune', { name: 'Sac Lune' })],
        version: 1,
      });
      assert.ok(await second.sharedList('EEEEEEEEEEEEEEEEEEEEEE'));
      assert.equal((await second.vote('next-icon', 'sac-lune', 'alice')).changed, false);
      assert.equal((await second.vote('next-icon', 'sac-lune', 'carol')).version, 3);
    });
  });
}
