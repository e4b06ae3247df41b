/**
 * The embedded store: one SQLite file through better-sqlite3 (an optional peer dependency,
 * loaded only when this store is opened). Write-ahead logging with synchronous=NORMAL keeps
 * a commit to one small append; a vote and its count change in the same transaction, and
 * the primary key (campaign, product, person) is what makes a vote count once.
 *
 * Writes are committed in groups: those that arrive during one turn of the event loop share
 * one transaction (each still sees the ones before it), so a burst of votes costs one WAL
 * append instead of one per vote. Each write's promise settles once its group is committed.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type {
  CampaignCount,
  PersonalData,
  ProductCount,
  SharedList,
  StoredWishlist,
  VitrineStorage,
  VoteOutcome,
  WebhookDelivery,
  WishlistItem,
  WishlistWrite,
} from './storage.js';

/** The part of better-sqlite3's API this store uses (its types are not a dependency). */
interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  pluck(): Statement;
}
interface Database {
  prepare(source: string): Statement;
  pragma(source: string): unknown;
  exec(source: string): void;
  transaction<F extends (...args: never[]) => unknown>(fn: F): F & { immediate: F };
  close(): void;
}
type DatabaseConstructor = new (filename: string) => Database;

function loadDriver(): DatabaseConstructor {
  const require = createRequire(import.meta.url);
  try {
    return require('better-sqlite3') as DatabaseConstructor;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') {
      throw new Error('vitrine/server needs better-sqlite3: npm i better-sqlite3', {
        cause: error,
      });
    }
    throw error;
  }
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS votes (
    campaign TEXT NOT NULL,
    product TEXT NOT NULL,
    person TEXT NOT NULL,
    voted_at INTEGER NOT NULL,
    PRIMARY KEY (campaign, product, person)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS vote_counts (
    campaign TEXT NOT NULL,
    product TEXT NOT NULL,
    count INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (campaign, product)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS wishlists (
    person TEXT PRIMARY KEY,
    items TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS shared_lists (
    id TEXT PRIMARY KEY,
    items TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS shared_lists_by_expiry ON shared_lists (expires_at);
`;

/** Version 2: who made a shared list, and indexes to find a person's data and old lists. */
const SCHEMA_2 = `
  CREATE INDEX IF NOT EXISTS shared_lists_by_owner ON shared_lists (owner) WHERE owner IS NOT NULL;
  CREATE INDEX IF NOT EXISTS votes_by_person ON votes (person);
  CREATE INDEX IF NOT EXISTS wishlists_by_update ON wishlists (updated_at);
  CREATE TABLE IF NOT EXISTS webhook_deliveries (
    event_id TEXT NOT NULL,
    url TEXT NOT NULL,
    key TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    delivered_at INTEGER,
    PRIMARY KEY (event_id, url),
    UNIQUE (key, url)
  );
  CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE delivered_at IS NULL;
  PRAGMA user_version = 2;
`;

interface CountRow {
  count: number;
  version: number;
}

export interface SqliteStorageOptions {
  /**
   * How long a write waits for another process holding the file (a second server, a backup)
   * before it is answered 503 `unavailable`. The wait blocks this process, so keep it short.
   * Default 2 000 ms.
   */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the SQLite file at `path`, or an in-memory database for
 * `':memory:'`.
 */
export function openSqliteStorage(
  path: string,
  options: SqliteStorageOptions = {},
): VitrineStorage {
  const busyTimeoutMs = options.busyTimeoutMs ?? 2_000;
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0 || busyTimeoutMs > 60_000) {
    throw new TypeError('vitrine/server: busyTimeoutMs must be a whole number of ms up to 60 000');
  }
  const Driver = loadDriver();
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Driver(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Another process on the same file waits this long, then the write is refused (503).
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.transaction(() => {
    db.exec(SCHEMA);
    const columns = db.prepare('PRAGMA table_info(shared_lists)').all() as Array<{ name: string }>;
    if (!columns.some((column) => column.name === 'owner')) {
      db.exec('ALTER TABLE shared_lists ADD COLUMN owner TEXT');
    }
    db.exec(SCHEMA_2);
  }).immediate();

  const insertVote = db.prepare(
    'INSERT OR IGNORE INTO votes (campaign, product, person, voted_at) VALUES (?, ?, ?, ?)',
  );
  const deleteVote = db.prepare(
    'DELETE FROM votes WHERE campaign = ? AND product = ? AND person = ?',
  );
  const increment = db.prepare(
    `INSERT INTO vote_counts (campaign, product, count, version) VALUES (?, ?, 1, 1)
     ON CONFLICT (campaign, product) DO UPDATE SET count = count + 1, version = version + 1
     RETURNING count, version`,
  );
  const decrement = db.prepare(
    `UPDATE vote_counts SET count = count - 1, version = version + 1
     WHERE campaign = ? AND product = ? RETURNING count, version`,
  );
  const readCount = db.prepare(
    'SELECT count, version FROM vote_counts WHERE campaign = ? AND product = ?',
  );
  const readCounts = db.prepare(
    'SELECT product AS productId, count, version FROM vote_counts WHERE campaign = ?',
  );
  const hasVote = db
    .prepare('SELECT 1 FROM votes WHERE campaign = ? AND product = ? AND person = ?')
    .pluck();
  const readWishlist = db.prepare('SELECT items, version FROM wishlists WHERE person = ?');
  const writeWishlist = db
    .prepare(
      `INSERT INTO wishlists (person, items, version, updated_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (person) DO UPDATE
       SET items = excluded.items, version = version + 1, updated_at = excluded.updated_at
       RETURNING version`,
    )
    .pluck();
  const insertShared = db.prepare(
    'INSERT INTO shared_lists (id, items, created_at, expires_at, owner) VALUES (?, ?, ?, ?, ?)',
  );
  const readShared = db.prepare(
    'SELECT items, created_at AS createdAt, expires_at AS expiresAt FROM shared_lists WHERE id = ?',
  );
  const deleteExpired = db.prepare('DELETE FROM shared_lists WHERE expires_at < ?');
  const countShared = db.prepare('SELECT count(*) FROM shared_lists').pluck();
  const readVotesOf = db.prepare(
    `SELECT campaign, product AS productId, voted_at AS votedAt FROM votes WHERE person = ?
     ORDER BY voted_at, campaign, product`,
  );
  const readWishlistOf = db.prepare(
    'SELECT items, version, updated_at AS updatedAt FROM wishlists WHERE person = ?',
  );
  const readSharedOf = db.prepare(
    `SELECT id, items, created_at AS createdAt, expires_at AS expiresAt FROM shared_lists
     WHERE owner = ? ORDER BY created_at, id`,
  );
  const deleteVotesOf = db.prepare(
    'DELETE FROM votes WHERE person = ? RETURNING campaign, product',
  );
  const deleteWishlistOf = db.prepare('DELETE FROM wishlists WHERE person = ?');
  const deleteSharedOf = db.prepare('DELETE FROM shared_lists WHERE owner = ?');
  const deleteUntouched = db.prepare('DELETE FROM wishlists WHERE updated_at < ?');
  const insertDelivery = db.prepare(
    `INSERT OR IGNORE INTO webhook_deliveries (event_id, url, key, body, created_at, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const dueDeliveries = db.prepare(
    `SELECT event_id AS eventId, url, body, attempts FROM webhook_deliveries
     WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?`,
  );
  const leaseDelivery = db.prepare(
    'UPDATE webhook_deliveries SET next_attempt_at = ? WHERE event_id = ? AND url = ?',
  );
  const markDelivered = db.prepare(
    'UPDATE webhook_deliveries SET delivered_at = ? WHERE event_id = ? AND url = ?',
  );
  const markFailed = db.prepare(
    `UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?
     WHERE event_id = ? AND url = ? AND delivered_at IS NULL`,
  );

  const countOf = (campaign: string, productId: string): CountRow =>
    (readCount.get(campaign, productId) as CountRow | undefined) ?? { count: 0, version: 0 };

  const vote = db.transaction(
    (campaign: string, productId: string, person: string): VoteOutcome => {
      if (insertVote.run(campaign, productId, person, Date.now()).changes === 0) {
        return { productId, ...countOf(campaign, productId), voted: true, changed: false };
      }
      const row = increment.get(campaign, productId) as CountRow;
      return { productId, count: row.count, version: row.version, voted: true, changed: true };
    },
  );

  const unvote = db.transaction(
    (campaign: string, productId: string, person: string): VoteOutcome => {
      if (deleteVote.run(campaign, productId, person).changes === 0) {
        return { productId, ...countOf(campaign, productId), voted: false, changed: false };
      }
      const row = decrement.get(campaign, productId) as CountRow;
      return { productId, count: row.count, version: row.version, voted: false, changed: true };
    },
  );

  const storedWishlist = (person: string): StoredWishlist => {
    const row = readWishlist.get(person) as { items: string; version: number } | undefined;
    return row ? { items: JSON.parse(row.items), version: row.version } : { items: [], version: 0 };
  };

  const saveWishlist = db.transaction(
    (person: string, items: WishlistItem[], expectedVersion: number | undefined): WishlistWrite => {
      if (expectedVersion !== undefined) {
        const current = storedWishlist(person);
        if (current.version !== expectedVersion) return { saved: false, current };
      }
      const version = writeWishlist.get(person, JSON.stringify(items), Date.now()) as number;
      return { saved: true, wishlist: { items, version } };
    },
  );

  interface Write {
    run(): unknown;
    resolve(value: unknown): void;
    reject(error: unknown): void;
  }
  let queue: Write[] = [];
  // Each write is itself a transaction, hence a savepoint inside the group's: one that fails
  // is rolled back alone and the others still commit.
  const commitGroup = db.transaction((group: Write[]) =>
    group.map((write) => {
      try {
        return { value: write.run() };
      } catch (error) {
        return { error };
      }
    }),
  );
  const commitQueue = () => {
    if (queue.length === 0) return;
    const group = queue;
    queue = [];
    let outcomes: Array<{ value?: unknown; error?: unknown }>;
    try {
      outcomes = commitGroup.immediate(group);
    } catch (error) {
      for (const write of group) write.reject(error);
      return;
    }
    group.forEach((write, index) => {
      const outcome = outcomes[index]!;
      if ('error' in outcome) write.reject(outcome.error);
      else write.resolve(outcome.value);
    });
  };
  const write = <T>(run: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) setImmediate(commitQueue);
      queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
    });

  const saveShared = db.transaction((list: SharedList) => {
    insertShared.run(
      list.id,
      JSON.stringify(list.items),
      list.createdAt,
      list.expiresAt,
      list.owner ?? null,
    );
  });

  const queueWebhook = db.transaction(
    (
      event: { eventId: string; key: string; body: string; createdAt: number },
      urls: readonly string[],
    ) =>
      urls.reduce(
        (queued, url) =>
          queued +
          insertDelivery.run(
            event.eventId,
            url,
            event.key,
            event.body,
            event.createdAt,
            event.createdAt,
          ).changes,
        0,
      ),
  );
  const claimWebhooks = db.transaction((now: number, leaseUntil: number, limit: number) => {
    const due = dueDeliveries.all(now, limit) as WebhookDelivery[];
    for (const delivery of due) leaseDelivery.run(leaseUntil, delivery.eventId, delivery.url);
    return due;
  });

  const erasePerson = db.transaction((person: string): CampaignCount[] => {
    const withdrawn = deleteVotesOf.all(person) as Array<{ campaign: string; product: string }>;
    const changed = withdrawn.map(({ campaign, product }) => {
      const row = decrement.get(campaign, product) as CountRow;
      return { campaign, productId: product, count: row.count, version: row.version };
    });
    deleteWishlistOf.run(person);
    deleteSharedOf.run(person);
    return changed;
  });

  return {
    vote: (campaign, productId, person) => write(() => vote(campaign, productId, person)),
    unvote: (campaign, productId, person) => write(() => unvote(campaign, productId, person)),
    async counts(campaign) {
      return readCounts.all(campaign) as ProductCount[];
    },
    async votedFor(campaign, productIds, person) {
      return new Set(productIds.filter((productId) => hasVote.get(campaign, productId, person)));
    },
    async wishlist(person) {
      return storedWishlist(person);
    },
    saveWishlist: (person, items, expectedVersion) =>
      write(() => saveWishlist(person, items, expectedVersion)),
    saveSharedList: (list: SharedList) => write(() => saveShared(list)),
    async sharedList(id) {
      const row = readShared.get(id) as
        { items: string; createdAt: number; expiresAt: number } | undefined;
      return (
        row && {
          id,
          items: JSON.parse(row.items),
          createdAt: row.createdAt,
          expiresAt: row.expiresAt,
        }
      );
    },
    async countSharedLists() {
      return countShared.get() as number;
    },
    async deleteSharedListsExpiredBefore(time) {
      return deleteExpired.run(time).changes;
    },
    async personalData(person) {
      const wishlist = readWishlistOf.get(person) as
        { items: string; version: number; updatedAt: number } | undefined;
      const shared = readSharedOf.all(person) as Array<{
        id: string;
        items: string;
        createdAt: number;
        expiresAt: number;
      }>;
      return {
        votes: readVotesOf.all(person) as PersonalData['votes'],
        ...(wishlist && { wishlist: { ...wishlist, items: JSON.parse(wishlist.items) } }),
        sharedLists: shared.map((list) => ({
          ...list,
          items: JSON.parse(list.items),
          owner: person,
        })),
      };
    },
    erasePerson: (person) => write(() => erasePerson(person)),
    deleteWishlistsUntouchedSince: (time) => write(() => deleteUntouched.run(time).changes),
    queueWebhook: (event, urls) => write(() => queueWebhook(event, urls)),
    claimWebhooks: (now, leaseUntil, limit) => write(() => claimWebhooks(now, leaseUntil, limit)),
    webhookDelivered: (eventId, url, time) =>
      write(() => void markDelivered.run(time, eventId, url)),
    webhookFailed: (eventId, url, attempts, nextAttemptAt) =>
      write(() => void markFailed.run(attempts, nextAttemptAt, eventId, url)),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (queue.length > 0) commitQueue();
      db.close();
    },
  };
}
