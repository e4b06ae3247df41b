/**
 * The store for several processes: PostgreSQL through `postgres` (an optional peer
 * dependency, loaded only when this store is opened, like better-sqlite3 for SQLite).
 *
 * The schema is created and migrated at start inside one transaction that holds an advisory
 * lock, so processes starting together on an empty database wait for each other instead of
 * racing on `CREATE TABLE`. Votes are written by one transaction for all that arrive
 * together (the function `vitrine_cast`): the vote row (primary key (campaign, product,
 * person), so a person's vote counts once whichever process takes it) and, only when that
 * row went in or out, its count and version (which only grows), both or neither. The row
 * lock on a product's count, taken first, orders concurrent votes for it.
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
  // Votes and withdrawals, many in one call: each a row write with a plan the session keeps,
  // instead of one statement planned anew around all of them. Entries are taken product by
  // product (in the order of the call within each), the product's count row locked first, so
  // two calls never wait on each other in a cycle, and each entry answers as if alone: its
  // count and version after it, and whether it changed anything.
  `
  CREATE FUNCTION vitrine_cast(campaigns text[], products text[], persons text[], wants boolean[])
  RETURNS TABLE (ord integer, count integer, version bigint, changed boolean)
  LANGUAGE plpgsql AS $$
  DECLARE
    entry record;
    group_campaign text;
    group_product text;
    current_count integer := 0;
    current_version bigint := 0;
    counted boolean := false;
    dirty boolean := false;
    did boolean;
  BEGIN
    FOR entry IN
      SELECT t.i::integer AS i, t.campaign, t.product, t.person, t.want,
             bool_or(t.want) OVER (PARTITION BY t.campaign, t.product) AS any_want
      FROM unnest(campaigns, products, persons, wants)
        WITH ORDINALITY AS t(campaign, product, person, want, i)
      ORDER BY t.campaign, t.product, t.i
    LOOP
      IF group_campaign IS DISTINCT FROM entry.campaign
         OR group_product IS DISTINCT FROM entry.product THEN
        IF dirty THEN
          UPDATE vitrine_vote_counts AS c SET count = current_count, version = current_version
          WHERE c.campaign = group_campaign AND c.product = group_product;
        END IF;
        group_campaign := entry.campaign;
        group_product := entry.product;
        dirty := false;
        -- A product about to get its first vote gets its count row first, to lock it.
        IF entry.any_want THEN
          INSERT INTO vitrine_vote_counts AS c (campaign, product, count, version)
          VALUES (entry.campaign, entry.product, 0, 0) ON CONFLICT DO NOTHING;
        END IF;
        SELECT c.count, c.version INTO current_count, current_version
        FROM vitrine_vote_counts AS c
        WHERE c.campaign = entry.campaign AND c.product = entry.product
        FOR UPDATE;
        counted := FOUND;
        IF NOT counted THEN
          current_count := 0;
          current_version := 0;
        END IF;
      END IF;
      did := false;
      IF entry.want THEN
        INSERT INTO vitrine_votes (campaign, product, person)
        VALUES (entry.campaign, entry.product, entry.person) ON CONFLICT DO NOTHING;
        did := FOUND;
        IF did THEN
          current_count := current_count + 1;
        END IF;
      ELSIF counted THEN
        DELETE FROM vitrine_votes AS v
        WHERE v.campaign = entry.campaign AND v.product = entry.product
          AND v.person = entry.person;
        did := FOUND;
        IF did THEN
          current_count := current_count - 1;
        END IF;
      END IF;
      IF did THEN
        current_version := current_version + 1;
        dirty := true;
      END IF;
      ord := entry.i;
      count := current_count;
      version := current_version;
      changed := did;
      RETURN NEXT;
    END LOOP;
    IF dirty THEN
      UPDATE vitrine_vote_counts AS c SET count = current_count, version = current_version
      WHERE c.campaign = group_campaign AND c.product = group_product;
    END IF;
  END
  $$;
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
  /** No new votes are taken; those queued or in flight are still sent. */
  let closing = false;
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

  // Votes and withdrawals go to the database together, in one call of `vitrine_cast`, at
  // most one call in flight per process: what arrives while a call runs waits for it and
  // goes out in the next. Under load that is one round trip and one commit for many votes,
  // and one process's votes never queue on their own row locks; when it is quiet a vote
  // goes out alone, on the next turn of the event loop.
  interface QueuedVote {
    campaign: string;
    productId: string;
    person: string;
    voted: boolean;
    resolve(outcome: VoteOutcome): void;
    reject(error: unknown): void;
  }
  let queue: QueuedVote[] = [];
  /** The calls in flight, settled once all are answered. */
  let inFlight: Promise<void> | undefined;
  let scheduled = false;

  const cast = async (
    sql: Sql<{ bigint: number }>,
    batch: readonly QueuedVote[],
  ): Promise<VoteOutcome[]> => {
    const rows = await sql<(CountRow & { ord: number; changed: boolean })[]>`
      SELECT ord, count, version, changed FROM vitrine_cast(
        ${batch.map((vote) => vote.campaign)}::text[],
        ${batch.map((vote) => vote.productId)}::text[],
        ${batch.map((vote) => vote.person)}::text[],
        -- The driver sends no array of booleans: letters, cast.
        ${batch.map((vote) => (vote.voted ? 't' : 'f'))}::text[]::boolean[]
      )`;
    const outcomes: VoteOutcome[] = new Array(batch.length);
    for (const row of rows) {
      const vote = batch[row.ord - 1]!;
      outcomes[row.ord - 1] = {
        productId: vote.productId,
        count: row.count,
        version: row.version,
        voted: vote.voted,
        changed: row.changed,
      };
    }
    return outcomes;
  };

  const send = () => {
    scheduled = false;
    if (inFlight || queue.length === 0) return;
    const queued = queue;
    queue = [];
    const sent: Promise<void>[] = [];
    for (let start = 0; start < queued.length; start += MAX_VOTES_PER_STATEMENT) {
      const batch = queued.slice(start, start + MAX_VOTES_PER_STATEMENT);
      sent.push(
        run((sql) => retryDeadlock(() => cast(sql, batch))).then(
          (outcomes) => batch.forEach((vote, index) => vote.resolve(outcomes[index]!)),
          (error: unknown) => batch.forEach((vote) => vote.reject(error)),
        ),
      );
    }
    inFlight = Promise.all(sent).then(() => {
      inFlight = undefined;
      send();
    });
  };
  const enqueue = (campaign: string, productId: string, person: string, voted: boolean) =>
    new Promise<VoteOutcome>((resolve, reject) => {
      if (closing) {
        reject(new StorageUnavailable('The store is closed.'));
        return;
      }
      queue.push({ campaign, productId, person, voted, resolve, reject });
      if (!scheduled && !inFlight) {
        scheduled = true;
        setImmediate(send);
      }
    });
  /** Resolves once nothing is queued or in flight. */
  const drain = async () => {
    for (send(); inFlight; send()) await inFlight;
  };

  return {
    ready: async () => {
      await run(async () => {});
    },
    vote: (campaign, productId, person) => enqueue(campaign, productId, person, true),
    unvote: (campaign, productId, person) => enqueue(campaign, productId, person, false),
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
            WITH locked AS MATERIALIZED (
              -- The counts first, in order, as vitrine_cast takes them: the two never wait
              -- on each other in a cycle.
              SELECT 1 FROM vitrine_vote_counts
              WHERE (campaign, product) IN (
                SELECT campaign, product FROM vitrine_votes WHERE person = ${person}
              )
              ORDER BY campaign, product
              FOR UPDATE
            ), withdrawn AS (
              DELETE FROM vitrine_votes
              WHERE person = ${person} AND (SELECT count(*) FROM locked) >= 0
              RETURNING campaign, product
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
      // Votes and withdrawals still queued go first.
      closing = true;
      await drain();
      closed = true;
      await sql?.end({ timeout: 5 });
    },
  };
}
