/**
 * The store for several processes: PostgreSQL through `postgres` (an optional peer
 * dependency, loaded only when this store is opened, like better-sqlite3 for SQLite).
 *
 * The schema is created and migrated at start inside one transaction that holds an advisory
 * lock, so processes starting together on an empty database wait for each other instead of
 * racing on `CREATE TABLE`. A vote is one statement: the vote row (primary key
 * (campaign, product, person), so a person's vote counts once whichever process takes it)
 * and, only when that row went in, its count and version (which only grows), both or
 * neither. The row lock on a product's count orders concurrent votes for it.
 *
 * When the database does not answer, every call rejects with `StorageUnavailable` (nothing
 * was written); the driver reconnects by itself on the next call.
 */
import { createRequire } from 'node:module';
import type { Sql } from 'postgres';
import {
  StorageUnavailable,
  type CampaignCount,
  type PersonalData,
  type ProductCount,
  type SharedList,
  type StoredWishlist,
  type VitrineStorage,
  type VoteOutcome,
  type WebhookDelivery,
  type WishlistItem,
  type WishlistWrite,
} from './storage.js';

/** `postgres://` and `postgresql://` URLs name this store; anything else is a SQLite path. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(value);
}

/** Each step runs once, in order; `vitrine_schema` remembers the last one applied. */
const MIGRATIONS = [
  `
  CREATE TABLE vitrine_votes (
    campaign text NOT NULL,
    product text NOT NULL,
    person text NOT NULL,
    voted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign, product, person)
  );
  CREATE TABLE vitrine_vote_counts (
    campaign text NOT NULL,
    product text NOT NULL,
    count integer NOT NULL CHECK (count >= 0),
    version bigint NOT NULL,
    PRIMARY KEY (campaign, product)
  );
  CREATE TABLE vitrine_wishlists (
    person text PRIMARY KEY,
    items jsonb NOT NULL,
    version bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE vitrine_shared_lists (
    id text PRIMARY KEY,
    items jsonb NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX vitrine_shared_lists_by_expiry ON vitrine_shared_lists (expires_at);
  `,
  // Who made a shared list (erased with their data), and indexes to find a person's data
  // and the wishlists past retention.
  `
  ALTER TABLE vitrine_shared_lists ADD COLUMN owner text;
  CREATE INDEX vitrine_shared_lists_by_owner ON vitrine_shared_lists (owner)
    WHERE owner IS NOT NULL;
  CREATE INDEX vitrine_votes_by_person ON vitrine_votes (person);
  CREATE INDEX vitrine_wishlists_by_update ON vitrine_wishlists (updated_at);
  CREATE TABLE vitrine_webhook_deliveries (
    event_id text NOT NULL,
    url text NOT NULL,
    key text NOT NULL,
    body text NOT NULL,
    created_at bigint NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at bigint NOT NULL,
    delivered_at bigint,
    PRIMARY KEY (event_id, url),
    UNIQUE (key, url)
  );
  CREATE INDEX vitrine_webhook_deliveries_due ON vitrine_webhook_deliveries (next_attempt_at)
    WHERE delivered_at IS NULL;
  `,
];

/** Any number will do, as long as it is always the same: it names the schema's lock. */
const SCHEMA_LOCK = 7_461_727_110;

/** Votes sent in one statement at most. */
const MAX_VOTES_PER_STATEMENT = 256;

/** Two statements that deadlock: one is cancelled, nothing written; it is sent again. */
async function retryDeadlock<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: unknown })?.code !== '40P01' || attempt === 3) throw error;
    }
  }
}

/** The longest a statement may run before the database cancels it (a 503 to the fan). */
const STATEMENT_TIMEOUT_MS = 5_000;

/** Connection-level failures: the database is down, restarting or out of reach. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
]);

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return false;
  // 08: connection exceptions; 57014: cancelled (the statement timeout); 57P01–57P03: the
  // server is shutting down or starting; 53300: too many connections.
  return (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('08') ||
    /^57(?:014|P0[123])$/.test(code) ||
    code === '53300'
  );
}

const unavailable = (error: unknown) =>
  isUnavailable(error)
    ? new StorageUnavailable('PostgreSQL does not answer.', { cause: error })
    : error;

type Driver = typeof import('postgres');

function loadDriver(): Driver {
  const require = createRequire(import.meta.url);
  try {
    return require('postgres') as Driver;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') {
      throw new Error('vitrine/server needs postgres for a postgres:// database: npm i postgres', {
        cause: error,
      });
    }
    throw error;
  }
}

export interface PostgresStorageOptions {
  /**
   * Connections this process keeps open at most. Default 4: votes for one product queue on
   * its count row, and more writers at once mostly wait on one another (on a 2-core machine
   * 4 took about 2.5 times the votes of 10). Raise it for read-heavy loads on a larger server.
   */
  maxConnections?: number;
  /**
   * Wait for each commit to reach the disk before answering. Default false: commits are
   * flushed in groups a fraction of a second later (`synchronous_commit = off`), so a crash
   * of the database machine can lose the last moment of writes, never half of one; the same
   * trade as the SQLite store's. True makes every answered write survive a power cut.
   */
  durableCommits?: boolean;
}

interface CountRow {
  count: number;
  version: number;
}

/**
 * A store on the PostgreSQL database at `url`. It answers at once; the schema is migrated
 * on first use (`ready()` waits for that, and tells when it failed).
 */
export function openPostgresStorage(
  url: string,
  options: PostgresStorageOptions = {},
): VitrineStorage & { ready(): Promise<void> } {
  const postgres = loadDriver();
  let sql: Sql<{ bigint: number }> | undefined;
  let closed = false;
  const connect = async (): Promise<Sql<{ bigint: number }>> => {
    const client = (sql ??= postgres(url, {
      max: options.maxConnections ?? 4,
      connect_timeout: 5,
      // Seconds before a connection tries again after a failure: at most one, so the store
      // serves again within a second of the database coming back (the default grows to 20).
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
      idle_timeout: 60,
      onnotice: () => {},
      connection: {
        application_name: 'vitrine',
        // A statement stuck behind a lock or a struggling server fails rather than holding
        // the fan's request (and a connection) indefinitely.
        statement_timeout: STATEMENT_TIMEOUT_MS,
        synchronous_commit: options.durableCommits ? 'on' : 'off',
      },
      // Versions are bigint; JavaScript numbers hold them exactly up to 2^53.
      types: {
        bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: Number },
      },
    }));
    await client.begin(async (tx) => {
      // The schema is on disk before anything is written in it, whatever `durableCommits`.
      await tx`SET LOCAL synchronous_commit = on`;
      await tx`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`;
      await tx`CREATE TABLE IF NOT EXISTS vitrine_schema (version integer NOT NULL)`;
      const [row] = await tx<{ version: number }[]>`SELECT version FROM vitrine_schema`;
      const applied = row?.version ?? 0;
      for (let step = applied; step < MIGRATIONS.length; step += 1) {
        await tx.unsafe(MIGRATIONS[step]!);
      }
      if (row === undefined) await tx`INSERT INTO vitrine_schema VALUES (${MIGRATIONS.length})`;
      else if (applied < MIGRATIONS.length)
        await tx`UPDATE vitrine_schema SET version = ${MIGRATIONS.length}`;
    });
    return client;
  };

  // Migrated once; a failed start (the database was down) is tried again by the next call.
  let opening: Promise<Sql<{ bigint: number }>> | undefined;
  const db = async () => {
    if (closed) throw new StorageUnavailable('The store is closed.');
    opening ??= connect().catch((error) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  const run = async <T>(work: (sql: Sql<{ bigint: number }>) => Promise<T>): Promise<T> => {
    try {
      return await work(await db());
    } catch (error) {
      throw unavailable(error);
    }
  };

  const countOf = async (sql: Sql<{ bigint: number }>, campaign: string, productId: string) => {
    const [row] = await sql<CountRow[]>`
      SELECT count, version FROM vitrine_vote_counts
      WHERE campaign = ${campaign} AND product = ${productId}`;
    return row ?? { count: 0, version: 0 };
  };

  const voteOne = async (
    sql: Sql<{ bigint: number }>,
    campaign: string,
    productId: string,
    person: string,
  ): Promise<VoteOutcome> => {
    // One round trip whether the vote is new or not: the count as it now stands either way.
    const [row] = await sql<(CountRow & { changed: boolean })[]>`
          WITH inserted AS (
            INSERT INTO vitrine_votes (campaign, product, person)
            SELECT ${campaign}, ${productId}, ${person}
            -- A repeated vote, the common case under load, then writes nothing at all.
            WHERE NOT EXISTS (
              SELECT 1 FROM vitrine_votes
              WHERE campaign = ${campaign} AND product = ${productId} AND person = ${person}
            )
            ON CONFLICT DO NOTHING
            RETURNING 1
          ), bumped AS (
            INSERT INTO vitrine_vote_counts AS c (campaign, product, count, version)
            SELECT ${campaign}, ${productId}, 1, 1 FROM inserted
            ON CONFLICT (campaign, product)
            DO UPDATE SET count = c.count + 1, version = c.version + 1
            RETURNING count, version
          )
          SELECT count, version, true AS changed FROM bumped
          UNION ALL
          SELECT count, version, false FROM vitrine_vote_counts
          WHERE campaign = ${campaign} AND product = ${productId}
            AND NOT EXISTS (SELECT 1 FROM inserted)`;
    if (row)
      return {
        productId,
        count: row.count,
        version: row.version,
        voted: true,
        changed: row.changed,
      };
    // The vote was there already, its count committed after this statement began.
    return {
      productId,
      ...(await countOf(sql, campaign, productId)),
      voted: true,
      changed: false,
    };
  };

  const unvoteOne = async (
    sql: Sql<{ bigint: number }>,
    campaign: string,
    productId: string,
    person: string,
  ): Promise<VoteOutcome> => {
    const [row] = await sql<(CountRow & { changed: boolean })[]>`
      WITH deleted AS (
        DELETE FROM vitrine_votes
        WHERE campaign = ${campaign} AND product = ${productId} AND person = ${person}
        RETURNING 1
      ), dropped AS (
        UPDATE vitrine_vote_counts
        SET count = count - 1, version = version + 1
        WHERE campaign = ${campaign} AND product = ${productId}
          AND EXISTS (SELECT 1 FROM deleted)
        RETURNING count, version
      )
      SELECT count, version, true AS changed FROM dropped
      UNION ALL
      SELECT count, version, false FROM vitrine_vote_counts
      WHERE campaign = ${campaign} AND product = ${productId}
        AND NOT EXISTS (SELECT 1 FROM deleted)`;
    if (row) {
      return {
        productId,
        count: row.count,
        version: row.version,
        voted: false,
        changed: row.changed,
      };
    }
    // No vote and no count yet: nothing was ever voted for this product.
    return { productId, count: 0, version: 0, voted: false, changed: false };
  };

  type BatchRow = {
    kind: string;
    campaign: string;
    product: string;
    person: string | null;
  } & CountRow;

  /**
   * Each vote of `batch`, in its order, from the rows of one statement: `changed` for each
   * (product, person) it wrote, `total` for each product's count after it, `current` for the
   * counts before it. The changes for a product share its move in the batch's order, each its
   * own count, as if they had come one at a time.
   */
  const outcomesOf = (
    sql: Sql<{ bigint: number }>,
    batch: readonly QueuedVote[],
    rows: readonly BatchRow[],
    voted: boolean,
  ): Promise<VoteOutcome[]> => {
    const key = (campaign: string, product: string) => `${campaign}\u0000${product}`;
    const changed = new Set<string>();
    const moved = new Map<string, number>();
    const total = new Map<string, CountRow>();
    const current = new Map<string, CountRow>();
    for (const row of rows) {
      const product = key(row.campaign, row.product);
      if (row.kind === 'changed') {
        changed.add(`${product}\u0000${row.person}`);
        moved.set(product, (moved.get(product) ?? 0) + 1);
      } else {
        (row.kind === 'total' ? total : current).set(product, row);
      }
    }
    const step = voted ? 1 : -1;
    const given = new Map<string, number>();
    return Promise.all(
      batch.map(async ({ campaign, productId, person }): Promise<VoteOutcome> => {
        const product = key(campaign, productId);
        if (changed.delete(`${product}\u0000${person}`)) {
          const after = total.get(product)!;
          const rank = (given.get(product) ?? 0) + 1;
          given.set(product, rank);
          const behind = moved.get(product)! - rank;
          return {
            productId,
            count: after.count - step * behind,
            version: after.version - behind,
            voted,
            changed: true,
          };
        }
        const known = total.get(product) ?? current.get(product);
        if (known) {
          return { productId, count: known.count, version: known.version, voted, changed: false };
        }
        // Nothing to change, and the count was written after this statement began (or never).
        return { productId, ...(await countOf(sql, campaign, productId)), voted, changed: false };
      }),
    );
  };

  const batchInput = (sql: Sql<{ bigint: number }>, batch: readonly QueuedVote[]) => sql`
    SELECT * FROM unnest(
      ${batch.map((vote) => vote.campaign)}::text[],
      ${batch.map((vote) => vote.productId)}::text[],
      ${batch.map((vote) => vote.person)}::text[]
    ) AS t(campaign, product, person)`;

  /** The votes of `batch`, in its order, each as `vote()` answers it. */
  const voteMany = async (sql: Sql<{ bigint: number }>, batch: readonly QueuedVote[]) => {
    const rows = await sql<BatchRow[]>`
      WITH input AS (${batchInput(sql, batch)}), fresh AS (
        SELECT DISTINCT campaign, product, person FROM input
        WHERE NOT EXISTS (
          SELECT 1 FROM vitrine_votes v
          WHERE v.campaign = input.campaign AND v.product = input.product
            AND v.person = input.person
        )
      ), inserted AS (
        -- Every statement locks rows in the same order, so two never wait on each other.
        INSERT INTO vitrine_votes (campaign, product, person)
        SELECT campaign, product, person FROM fresh ORDER BY campaign, product, person
        ON CONFLICT DO NOTHING
        RETURNING campaign, product, person
      ), grouped AS (
        SELECT campaign, product, count(*)::int AS n FROM inserted GROUP BY campaign, product
      ), bumped AS (
        INSERT INTO vitrine_vote_counts AS c (campaign, product, count, version)
        SELECT campaign, product, n, n FROM grouped ORDER BY campaign, product
        ON CONFLICT (campaign, product)
        DO UPDATE SET count = c.count + excluded.count, version = c.version + excluded.version
        RETURNING c.campaign, c.product, c.count, c.version
      )
      SELECT 'changed' AS kind, campaign, product, person, 0 AS count, 0::bigint AS version
      FROM inserted
      UNION ALL
      SELECT 'total', campaign, product, NULL, count, version FROM bumped
      UNION ALL
      SELECT 'current', campaign, product, NULL, count, version FROM vitrine_vote_counts
      WHERE (campaign, product) IN (SELECT campaign, product FROM input)`;
    return outcomesOf(sql, batch, rows, true);
  };

  /** The withdrawals of `batch`, in its order, each as `unvote()` answers it. */
  const unvoteMany = async (sql: Sql<{ bigint: number }>, batch: readonly QueuedVote[]) => {
    const rows = await sql<BatchRow[]>`
      WITH input AS (${batchInput(sql, batch)}), gone AS MATERIALIZED (
        -- Rows locked in the order every statement locks them, so two never wait on each other.
        SELECT v.campaign, v.product, v.person FROM vitrine_votes v
        JOIN (SELECT DISTINCT campaign, product, person FROM input) i
          ON v.campaign = i.campaign AND v.product = i.product AND v.person = i.person
        ORDER BY v.campaign, v.product, v.person
        FOR UPDATE OF v
      ), deleted AS (
        DELETE FROM vitrine_votes v USING gone g
        WHERE v.campaign = g.campaign AND v.product = g.product AND v.person = g.person
        RETURNING v.campaign, v.product, v.person
      ), grouped AS (
        SELECT campaign, product, count(*)::int AS n FROM deleted GROUP BY campaign, product
      ), counted AS MATERIALIZED (
        SELECT c.campaign, c.product FROM vitrine_vote_counts c
        WHERE (c.campaign, c.product) IN (SELECT campaign, product FROM grouped)
        ORDER BY c.campaign, c.product
        FOR UPDATE
      ), dropped AS (
        UPDATE vitrine_vote_counts c SET count = c.count - g.n, version = c.version + g.n
        FROM grouped g JOIN counted l ON l.campaign = g.campaign AND l.product = g.product
        WHERE c.campaign = g.campaign AND c.product = g.product
        RETURNING c.campaign, c.product, c.count, c.version
      )
      SELECT 'changed' AS kind, campaign, product, person, 0 AS count, 0::bigint AS version
      FROM deleted
      UNION ALL
      SELECT 'total', campaign, product, NULL, count, version FROM dropped
      UNION ALL
      SELECT 'current', campaign, product, NULL, count, version FROM vitrine_vote_counts
      WHERE (campaign, product) IN (SELECT campaign, product FROM input)`;
    return outcomesOf(sql, batch, rows, false);
  };

  // Votes (and withdrawals) that arrive during one turn of the event loop go to the database
  // as one statement each way: under load, one round trip and one commit for many instead of
  // one each.
  interface QueuedVote {
    campaign: string;
    productId: string;
    person: string;
    resolve(outcome: VoteOutcome): void;
    reject(error: unknown): void;
  }
  const queues = { vote: [] as QueuedVote[], unvote: [] as QueuedVote[] };
  const statements = {
    vote: { one: voteOne, many: voteMany },
    unvote: { one: unvoteOne, many: unvoteMany },
  };
  const send = (action: keyof typeof queues) => {
    const queued = queues[action];
    queues[action] = [];
    const { one, many } = statements[action];
    for (let start = 0; start < queued.length; start += MAX_VOTES_PER_STATEMENT) {
      const batch = queued.slice(start, start + MAX_VOTES_PER_STATEMENT);
      const only = batch.length === 1 ? batch[0]! : undefined;
      const outcomes: Promise<VoteOutcome[]> = only
        ? run((sql) => one(sql, only.campaign, only.productId, only.person)).then((outcome) => [
            outcome,
          ])
        : run((sql) => retryDeadlock(() => many(sql, batch)));
      outcomes.then(
        (list) => batch.forEach((vote, index) => vote.resolve(list[index]!)),
        (error: unknown) => batch.forEach((vote) => vote.reject(error)),
      );
    }
  };
  const enqueue = (
    action: keyof typeof queues,
    campaign: string,
    productId: string,
    person: string,
  ) =>
    new Promise<VoteOutcome>((resolve, reject) => {
      if (closed) {
        reject(new StorageUnavailable('The store is closed.'));
        return;
      }
      if (queues[action].length === 0) setImmediate(send, action);
      queues[action].push({ campaign, productId, person, resolve, reject });
    });

  return {
    ready: async () => {
      await run(async () => {});
    },
    vote: (campaign, productId, person) => enqueue('vote', campaign, productId, person),
    unvote: (campaign, productId, person) => enqueue('unvote', campaign, productId, person),
    counts: (campaign) =>
      run(
        (sql) => sql<ProductCount[]>`
          SELECT product AS "productId", count, version FROM vitrine_vote_counts
          WHERE campaign = ${campaign} ORDER BY product`,
      ).then((rows) => [...rows]),
    votedFor: (campaign, productIds, person) =>
      run(async (sql) => {
        if (productIds.length === 0) return new Set<string>();
        const rows = await sql<{ product: string }[]>`
          SELECT product FROM vitrine_votes
          WHERE campaign = ${campaign} AND person = ${person} AND product = ANY(${[...productIds]})`;
        return new Set(rows.map((row) => row.product));
      }),
    wishlist: (person) =>
      run(async (sql): Promise<StoredWishlist> => {
        const [row] = await sql<{ items: WishlistItem[]; version: number }[]>`
          SELECT items, version FROM vitrine_wishlists WHERE person = ${person}`;
        return row ? { items: row.items, version: row.version } : { items: [], version: 0 };
      }),
    saveWishlist: (person, items, expectedVersion) =>
      run(async (sql): Promise<WishlistWrite> => {
        const json = sql.json(items as unknown as Parameters<typeof sql.json>[0]);
        let rows: { version: number }[];
        if (expectedVersion === undefined) {
          rows = await sql`
            INSERT INTO vitrine_wishlists AS w (person, items, version) VALUES (${person}, ${json}, 1)
            ON CONFLICT (person)
            DO UPDATE SET items = excluded.items, version = w.version + 1, updated_at = now()
            RETURNING version`;
        } else if (expectedVersion === 0) {
          rows = await sql`
            INSERT INTO vitrine_wishlists (person, items, version) VALUES (${person}, ${json}, 1)
            ON CONFLICT DO NOTHING
            RETURNING version`;
        } else {
          rows = await sql`
            UPDATE vitrine_wishlists SET items = ${json}, version = version + 1, updated_at = now()
            WHERE person = ${person} AND version = ${expectedVersion}
            RETURNING version`;
        }
        if (rows[0]) return { saved: true, wishlist: { items, version: rows[0].version } };
        const [current] = await sql<{ items: WishlistItem[]; version: number }[]>`
          SELECT items, version FROM vitrine_wishlists WHERE person = ${person}`;
        return { saved: false, current: current ?? { items: [], version: 0 } };
      }),
    saveSharedList: (list) =>
      run(async (sql) => {
        await sql`
          INSERT INTO vitrine_shared_lists (id, items, created_at, expires_at, owner)
          VALUES (${list.id}, ${sql.json(list.items as unknown as Parameters<typeof sql.json>[0])},
                  ${list.createdAt}, ${list.expiresAt}, ${list.owner ?? null})`;
      }),
    sharedList: (id) =>
      run(async (sql): Promise<SharedList | undefined> => {
        const [row] = await sql<{ items: WishlistItem[]; createdAt: number; expiresAt: number }[]>`
          SELECT items, created_at AS "createdAt", expires_at AS "expiresAt"
          FROM vitrine_shared_lists WHERE id = ${id}`;
        return row && { id, items: row.items, createdAt: row.createdAt, expiresAt: row.expiresAt };
      }),
    countSharedLists: () =>
      run(async (sql) => {
        const [row] = await sql<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM vitrine_shared_lists`;
        return row!.n;
      }),
    deleteSharedListsExpiredBefore: (time) =>
      run(async (sql) => {
        const result = await sql`DELETE FROM vitrine_shared_lists WHERE expires_at < ${time}`;
        return result.count;
      }),
    personalData: (person) =>
      run(async (sql): Promise<PersonalData> => {
        // One snapshot, so the three parts agree with one another.
        return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
          const votes = await tx<PersonalData['votes']>`
            SELECT campaign, product AS "productId",
                   (extract(epoch FROM voted_at) * 1000)::bigint AS "votedAt"
            FROM vitrine_votes WHERE person = ${person}
            ORDER BY voted_at, campaign, product`;
          const [wishlist] = await tx<
            { items: WishlistItem[]; version: number; updatedAt: number }[]
          >`
            SELECT items, version, (extract(epoch FROM updated_at) * 1000)::bigint AS "updatedAt"
            FROM vitrine_wishlists WHERE person = ${person}`;
          const shared = await tx<
            { id: string; items: WishlistItem[]; createdAt: number; expiresAt: number }[]
          >`
            SELECT id, items, created_at AS "createdAt", expires_at AS "expiresAt"
            FROM vitrine_shared_lists WHERE owner = ${person}
            ORDER BY created_at, id`;
          return {
            votes: [...votes],
            ...(wishlist && { wishlist: { ...wishlist } }),
            sharedLists: shared.map((list) => ({ ...list, owner: person })),
          };
        });
      }),
    erasePerson: (person) =>
      run((sql) =>
        retryDeadlock(async () => {
          // One statement, so one transaction: every part of it or none.
          const rows = await sql<CampaignCount[]>`
            WITH withdrawn AS (
              DELETE FROM vitrine_votes WHERE person = ${person} RETURNING campaign, product
            ), dropped AS (
              UPDATE vitrine_vote_counts AS c
              SET count = c.count - 1, version = c.version + 1
              FROM withdrawn AS w
              WHERE c.campaign = w.campaign AND c.product = w.product
              RETURNING c.campaign, c.product, c.count, c.version
            ), wishlist AS (
              DELETE FROM vitrine_wishlists WHERE person = ${person} RETURNING 1
            ), shared AS (
              DELETE FROM vitrine_shared_lists WHERE owner = ${person} RETURNING 1
            )
            SELECT campaign, product AS "productId", count, version FROM dropped
            ORDER BY campaign, product`;
          return [...rows];
        }),
      ),
    deleteWishlistsUntouchedSince: (time) =>
      run(async (sql) => {
        const result = await sql`
          DELETE FROM vitrine_wishlists WHERE updated_at < to_timestamp(${time / 1000})`;
        return result.count;
      }),
    queueWebhook: (event, urls) =>
      run(async (sql) => {
        if (urls.length === 0) return 0;
        const result = await sql`
          INSERT INTO vitrine_webhook_deliveries
            (event_id, url, key, body, created_at, next_attempt_at)
          SELECT ${event.eventId}, url, ${event.key}, ${event.body}, ${event.createdAt},
                 ${event.createdAt}
          FROM unnest(${[...urls]}::text[]) AS t(url)
          ON CONFLICT DO NOTHING`;
        return result.count;
      }),
    claimWebhooks: (now, leaseUntil, limit) =>
      run(async (sql) => {
        // SKIP LOCKED: two processes claiming at once take different deliveries.
        const rows = await sql<WebhookDelivery[]>`
          UPDATE vitrine_webhook_deliveries AS d SET next_attempt_at = ${leaseUntil}
          FROM (
            SELECT event_id, url FROM vitrine_webhook_deliveries
            WHERE delivered_at IS NULL AND next_attempt_at <= ${now}
            ORDER BY next_attempt_at, created_at LIMIT ${limit}
            FOR UPDATE SKIP LOCKED
          ) AS due
          WHERE d.event_id = due.event_id AND d.url = due.url
          RETURNING d.event_id AS "eventId", d.url, d.body, d.attempts`;
        return [...rows];
      }),
    webhookDelivered: (eventId, url, time) =>
      run(async (sql) => {
        await sql`
          UPDATE vitrine_webhook_deliveries SET delivered_at = ${time}
          WHERE event_id = ${eventId} AND url = ${url}`;
      }),
    webhookFailed: (eventId, url, attempts, nextAttemptAt) =>
      run(async (sql) => {
        await sql`
          UPDATE vitrine_webhook_deliveries SET attempts = ${attempts},
            next_attempt_at = ${nextAttemptAt}
          WHERE event_id = ${eventId} AND url = ${url} AND delivered_at IS NULL`;
      }),
    ping: () =>
      run(async (sql) => {
        await sql`SELECT 1`;
      }),
    async close() {
      // Votes and withdrawals still queued go first; `end` waits for them.
      if (queues.vote.length > 0) send('vote');
      if (queues.unvote.length > 0) send('unvote');
      closed = true;
      await sql?.end({ timeout: 5 });
    },
  };
}
