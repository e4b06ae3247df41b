// What the PostgreSQL store adds to the storage contract (storage-conformance.test.js): the
// schema created once however many processes start together on an empty database, and a
// database that stops answering turned into `StorageUnavailable` (nothing written), then
// served again by the same store, by itself, once it is back; and a person's erasure and
// their votes, taken at once by two processes, never waiting on each other in a cycle.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import { StorageUnavailable, openPostgresStorage } from '../../dist/server/index.js';
import { freePort, startPostgres } from '../support/engines.js';
import { eventually } from '../support/vitrine-process.js';

describe('the PostgreSQL store', { timeout: 120_000 }, () => {
  let pg;
  let admin;
  const stores = [];
  const open = (url = pg.url) => {
    const store = openPostgresStorage(url);
    stores.push(store);
    return store;
  };

  before(async () => {
    pg = await startPostgres();
    admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  });
  after(async () => {
    await Promise.allSettled(stores.map((store) => store.close()));
    await admin?.end({ timeout: 1 });
    await pg?.remove();
  });

  it('creates its schema once when ten processes start together on an empty database', async () => {
    await admin`CREATE DATABASE together`;
    const url = pg.url.replace(/\/postgres$/, '/together');
    const together = Array.from({ length: 10 }, () => open(url));
    await Promise.all(together.map((store) => store.ready()));
    const votes = await Promise.all(
      together.map((store, index) => store.vote('next-icon', 'sac-lune', `fan-${index}`)),
    );
    assert.deepEqual(
      votes.map((vote) => vote.count).sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    const check = postgres(url, { max: 1, onnotice: () => {} });
    try {
      assert.deepEqual([...(await check`SELECT version FROM vitrine_schema`)], [{ version: 3 }]);
      const tables = await check`
        SELECT tablename FROM pg_tables WHERE tablename LIKE 'vitrine_%' ORDER BY tablename`;
      assert.deepEqual(
        tables.map((row) => row.tablename),
        [
          'vitrine_schema',
          'vitrine_shared_lists',
          'vitrine_vote_counts',
          'vitrine_votes',
          'vitrine_webhook_deliveries',
          'vitrine_wishlists',
        ],
      );
    } finally {
      await check.end();
    }
  });

  it('rejects with StorageUnavailable while the database is down, then serves again', async () => {
    const store = open();
    await store.vote('faults', 'sac-lune', 'alice');
    await pg.stop();
    const calls = {
      vote: () => store.vote('faults', 'sac-lune', 'bob'),
      unvote: () => store.unvote('faults', 'sac-lune', 'alice'),
      counts: () => store.counts('faults'),
      votedFor: () => store.votedFor('faults', ['sac-lune'], 'alice'),
      wishlist: () => store.wishlist('alice'),
      saveWishlist: () => store.saveWishlist('alice', [], 0),
      saveSharedList: () =>
        store.saveSharedList({ id: 'A'.repeat(22), items: [], createdAt: 1, expiresAt: 2 }),
      sharedList: () => store.sharedList('A'.repeat(22)),
      deleteSharedListsExpiredBefore: () => store.deleteSharedListsExpiredBefore(10),
      ping: () => store.ping(),
    };
    for (const [name, attempt] of Object.entries(calls)) {
      await assert.rejects(attempt(), StorageUnavailable, name);
    }
    await pg.start();
    // A connection cut by the shutdown may still answer one call with StorageUnavailable.
    await eventually(async () => {
      await store.ping();
      return true;
    }, 'the store to serve again');
    assert.equal((await store.vote('faults', 'sac-lune', 'bob')).count, 2);
    const [row] = await admin`
      SELECT count, (SELECT count(*)::int FROM vitrine_votes WHERE campaign = 'faults') AS votes
      FROM vitrine_vote_counts WHERE campaign = 'faults'`;
    assert.equal(row.count, 2);
    assert.equal(row.votes, 2);
    assert.deepEqual(await store.wishlist('alice'), { items: [], version: 0 });
  });

  it('keeps every answered write through a crash of the database with durableCommits', async () => {
    await admin`CREATE DATABASE durable`;
    const store = openPostgresStorage(pg.url.replace(/\/postgres$/, '/durable'), {
      durableCommits: true,
    });
    stores.push(store);
    const votes = await Promise.all(
      Array.from({ length: 50 }, (_, index) => store.vote('durable', 'sac-lune', `fan-${index}`)),
    );
    assert.equal(Math.max(...votes.map((vote) => vote.count)), 50);
    await pg.crash();
    await pg.start();
    await eventually(async () => {
      await store.ping();
      return true;
    }, 'the store to serve again');
    assert.deepEqual(await store.counts('durable'), [
      { productId: 'sac-lune', count: 50, version: 50 },
    ]);
  });

  it('never deadlocks a person erasing their data while their votes are being cast', async () => {
    await admin`CREATE DATABASE erasing`;
    const url = pg.url.replace(/\/postgres$/, '/erasing');
    const [voting, erasing] = [open(url), open(url)];
    await Promise.all([voting.ready(), erasing.ready()]);
    const check = postgres(url, { max: 1, onnotice: () => {} });
    const deadlocks = async () =>
      (
        await check`
        SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`
      )[0].n;
    try {
      const before = await deadlocks();
      const products = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
      for (let round = 0; round < 150; round += 1) {
        await Promise.all([
          ...products.map((product, index) =>
            (index % 2 ? voting : erasing).vote('erasing', product, 'alice'),
          ),
          ...products.map((product) => voting.vote('erasing', product, `fan-${round % 7}`)),
          erasing.erasePerson('alice'),
          ...products.map((product) => erasing.unvote('erasing', product, 'alice')),
        ]);
      }
      // Statistics reach the view within a second or so.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.equal((await deadlocks()) - before, 0);
      const wrong = await check`
        SELECT product FROM vitrine_vote_counts c
        WHERE count <> (SELECT count(*) FROM vitrine_votes v
                        WHERE v.campaign = c.campaign AND v.product = c.product)`;
      assert.deepEqual([...wrong], []);
    } finally {
      await check.end();
    }
  });

  it('rejects with StorageUnavailable when nothing listens at its address', async () => {
    const nowhere = open(`postgres://vitrine@127.0.0.1:${await freePort()}/postgres`);
    await assert.rejects(nowhere.ready(), StorageUnavailable);
    await assert.rejects(nowhere.vote('x', 'y', 'z'), StorageUnavailable);
  });
});
