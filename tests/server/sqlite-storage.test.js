// The embedded store (`openSqliteStorage`, exported by vitrine/server) on a real SQLite file,
// in what only SQLite does: writes that arrive together commit together (one that fails
// alone), its folder and schema upgrades, and everything still there after the file is
// reopened. What every store does (votes, wishlists, shared lists, a person's data) is in
// storage-conformance.test.js, which runs on SQLite and PostgreSQL alike.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStorage } from '../../dist/server/index.js';
import { temporaryDirectory } from '../support/vitrine-server.js';

const item = (productId, extra = {}) => ({ productId, addedAt: 1_760_000_000_000, ...extra });
const sharedList = (id, expiresAt) => ({
  id,
  items: [item('sac-lune')],
  createdAt: 1_760_000_000_000,
  expiresAt,
});

describe('the SQLite store', () => {
  let directory;
  let stores;
  /** A store on `name` in the test's folder, closed after the tests. */
  const open = (name = 'vitrine.db') => {
    const store = openSqliteStorage(join(directory.path, name));
    stores.push(store);
    return store;
  };

  before(() => {
    directory = temporaryDirectory();
    stores = [];
  });
  after(async () => {
    await Promise.allSettled(stores.map((store) => store.close()));
    directory?.remove();
  });

  it('settles every write of a burst, each seeing the ones before it', async () => {
    const store = open('burst.db');
    const people = Array.from({ length: 200 }, (_, index) => `fan-${index}`);
    const outcomes = await Promise.all(
      people.map((person) => store.vote('next-icon', 'sac-lune', person)),
    );
    assert.deepEqual(
      outcomes.map((outcome) => outcome.count),
      people.map((_, index) => index + 1),
    );
    assert.equal((await store.counts('next-icon'))[0].count, 200);
  });

  it('rolls back a write that fails alone; the others of its group commit', async () => {
    const store = open('group.db');
    await store.saveSharedList(sharedList('DDDDDDDDDDDDDDDDDDDDDD', 5000));
    // Issued in one turn of the event loop: one transaction, a savepoint each.
    const [vote, duplicate, wishlist] = await Promise.allSettled([
      store.vote('next-icon', 'sac-lune', 'alice'),
      store.saveSharedList(sharedList('DDDDDDDDDDDDDDDDDDDDDD', 9000)),
      store.saveWishlist('alice', [item('sac-lune')]),
    ]);
    assert.equal(vote.status, 'fulfilled');
    assert.equal(duplicate.status, 'rejected');
    assert.match(String(duplicate.reason), /UNIQUE/);
    assert.equal(wishlist.status, 'fulfilled');
    assert.equal((await store.sharedList('DDDDDDDDDDDDDDDDDDDDDD')).expiresAt, 5000);
    assert.equal((await store.counts('next-icon'))[0].count, 1);
    assert.equal((await store.wishlist('alice')).version, 1);
  });

  it('creates its folder, and finds everything again when the file is reopened', async () => {
    const name = join('nested', 'deeper', 'kept.db');
    const first = open(name);
    assert.ok(existsSync(join(directory.path, name)));
    await first.vote('next-icon', 'sac-lune', 'alice');
    await first.saveWishlist('alice', [item('sac-lune', { name: 'Sac Lune' })]);
    await first.saveSharedList(sharedList('EEEEEEEEEEEEEEEEEEEEEE', 5000));
    // Not awaited: close() commits what is still queued.
    const queued = first.vote('next-icon', 'sac-lune', 'bob');
    await first.close();
    assert.equal((await queued).count, 2);

    const second = open(name);
    assert.deepEqual(await second.counts('next-icon'), [
      { productId: 'sac-lune', count: 2, version: 2 },
    ]);
    assert.deepEqual(await second.wishlist('alice'), {
      items: [item('sac-lune', { name: 'Sac Lune' })],
      version: 1,
    });
    assert.ok(await second.sharedList('EEEEEEEEEEEEEEEEEEEEEE'));
    assert.equal((await second.vote('next-icon', 'sac-lune', 'alice')).changed, false);
  });

  it('upgrades a file of the first schema in place: its lists kept, owners from then on', async () => {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    const old = new Database(join(directory.path, 'first-schema.db'));
    old.exec(`
      CREATE TABLE shared_lists (id TEXT PRIMARY KEY, items TEXT NOT NULL,
        created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
      INSERT INTO shared_lists VALUES ('FFFFFFFFFFFFFFFFFFFFFF', '[]', 1000, 5000);
      PRAGMA user_version = 1;`);
    old.close();

    const store = open('first-schema.db');
    assert.deepEqual(await store.sharedList('FFFFFFFFFFFFFFFFFFFFFF'), {
      id: 'FFFFFFFFFFFFFFFFFFFFFF',
      items: [],
      createdAt: 1000,
      expiresAt: 5000,
    });
    await store.saveSharedList({ ...sharedList('GGGGGGGGGGGGGGGGGGGGGG', 5000), owner: 'alice' });
    assert.deepEqual(
      (await store.personalData('alice')).sharedLists.map((list) => list.id),
      ['GGGGGGGGGGGGGGGGGGGGGG'],
    );
  });

  it('keeps nothing in memory once closed', async () => {
    const memory = openSqliteStorage(':memory:');
    await memory.vote('next-icon', 'sac-lune', 'alice');
    assert.equal((await memory.counts('next-icon'))[0].count, 1);
    await memory.close();
    const again = openSqliteStorage(':memory:');
    try {
      assert.deepEqual(await again.counts('next-icon'), []);
    } finally {
      await again.close();
    }
  });
});
