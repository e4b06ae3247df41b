// What one client, signed in or not, can make the server hold (routes.ts, stream-cap.ts,
// sqlite-storage.ts): shared lists are bounded in size and in number, expired ones go at
// start-up and older ones are served by today's origin rule; live streams are capped per
// address; preflights spend from the address's bucket; and a database locked by another
// process is an outage (503), not a fault (500).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStorage } from '../../dist/server/index.js';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, openEvents, startVitrine, temporaryDirectory } from '../support/vitrine-server.js';

const BRAND = 'https://maison.example';
const campaigns = [{ id: 'next-icon', title: 'Next icon', products: ['sac-lune', 'carre-jardin'] }];
const item = (productId, extra = {}) => ({ productId, addedAt: 1_760_000_000_000, ...extra });
const share = (base, items) =>
  call(base, 'POST', '/wishlists/shared', { body: { items, landing: `${BRAND}/shared` } });

describe('what one client can make the server hold', { timeout: 120_000 }, () => {
  let op;
  let directory;
  let alice;
  /** A server for one test, closed after it. */
  const serve = async (t, options = {}) => {
    const vitrine = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      origins: [BRAND],
      campaigns,
      rateLimits: { person: false, ip: false, share: false },
      ...options,
    });
    t.after(() => vitrine.close());
    return vitrine;
  };

  // Hooks have no time limit of their own: a sign-in or a close that stalls fails here,
  // named, instead of holding the whole file until the runner gives up.
  before(
    async () => {
      op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
      alice = await idTokenFor(op.issuer, 'alice');
      directory = temporaryDirectory();
    },
    { timeout: 30_000 },
  );
  after(
    async () => {
      await op?.close();
      directory?.remove();
    },
    { timeout: 30_000 },
  );

  it('takes a share of at most 100 items and 16 KB, with 413 beyond', async (t) => {
    const { base } = await serve(t);
    const hundred = Array.from({ length: 100 }, (_, index) => item(`p-${index}`));
    assert.equal((await share(base, hundred)).status, 201);
    const many = await share(base, [...hundred, item('p-100')]);
    assert.equal(many.status, 413);
    assert.equal(many.body.error.code, 'payload_too_large');
    const heavy = await share(base, [
      item('sac-lune', { name: 'n'.repeat(200), url: `${BRAND}/${'p'.repeat(2000)}` }),
      ...Array.from({ length: 9 }, (_, index) =>
        item(`p-${index}`, { url: `${BRAND}/${'p'.repeat(2000)}` }),
      ),
    ]);
    assert.equal(heavy.status, 413);
    assert.match(heavy.body.error.message, /16 KB/);
    // A signed-in fan's own list still takes its 64 KB.
    const own = await call(base, 'PUT', '/wishlists/me', {
      token: alice,
      body: {
        items: Array.from({ length: 20 }, (_, index) =>
          item(`p-${index}`, { url: `${BRAND}/${'p'.repeat(2000)}` }),
        ),
      },
    });
    assert.equal(own.status, 200);
  });

  it('keeps at most maxSharedLists, then answers 503 share_quota with Retry-After', async (t) => {
    const { base } = await serve(t, { maxSharedLists: 3 });
    for (let index = 0; index < 3; index += 1) {
      assert.equal((await share(base, [item(`p-${index}`)])).status, 201);
    }
    const full = await share(base, [item('p-3')]);
    assert.equal(full.status, 503);
    assert.equal(full.body.error.code, 'share_quota');
    assert.ok(Number(full.headers.get('retry-after')) >= 1);
  });

  it('deletes lists that expired long ago as soon as it starts', async () => {
    const file = join(directory.path, 'sweep.db');
    const store = openSqliteStorage(file);
    const day = 24 * 60 * 60 * 1000;
    await store.saveSharedList({
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      items: [item('sac-lune')],
      createdAt: Date.now() - 90 * day,
      expiresAt: Date.now() - 60 * day,
    });
    await store.saveSharedList({
      id: 'BBBBBBBBBBBBBBBBBBBBBB',
      items: [item('sac-lune')],
      createdAt: Date.now(),
      expiresAt: Date.now() + day,
    });
    await store.close();
    const vitrine = await startVitrine({
      db: file,
      issuer: op.issuer,
      audience: op.clientId,
      origins: [BRAND],
    });
    try {
      const gone = await call(vitrine.base, 'GET', '/wishlists/shared/AAAAAAAAAAAAAAAAAAAAAA');
      assert.equal(gone.status, 404);
      const kept = await call(vitrine.base, 'GET', '/wishlists/shared/BBBBBBBBBBBBBBBBBBBBBB');
      assert.equal(kept.status, 200);
    } finally {
      await vitrine.close();
    }
  });

  it('serves a list stored before the origin rule without its foreign links and pictures', async () => {
    const file = join(directory.path, 'legacy.db');
    const store = openSqliteStorage(file);
    const brandItem = item('carre-jardin', {
      url: `${BRAND}/carre-jardin`,
      image: `${BRAND}/carre-jardin.svg`,
    });
    await store.saveSharedList({
      id: 'CCCCCCCCCCCCCCCCCCCCCC',
      items: [
        item('sac-lune', {
          name: 'Sac Lune',
          url: 'https://evil.example/pay',
          image: 'https://tracker.example/pixel.gif',
        }),
        brandItem,
      ],
      createdAt: Date.now(),
      expiresAt: Date.now() + 60_000,
    });
    await store.close();
    const vitrine = await startVitrine({
      db: file,
      issuer: op.issuer,
      audience: op.clientId,
      origins: [BRAND],
    });
    try {
      const shared = await call(vitrine.base, 'GET', '/wishlists/shared/CCCCCCCCCCCCCCCCCCCCCC');
      assert.equal(shared.status, 200);
      assert.deepEqual(shared.body.items, [item('sac-lune', { name: 'Sac Lune' }), brandItem]);
    } finally {
      await vitrine.close();
    }
  });

  it('holds at most maxStreamsPerAddress live streams per address, nosniff on each', async (t) => {
    const { base } = await serve(t, { maxStreamsPerAddress: 3 });
    const url = `${base}/campaigns/next-icon/events`;
    const streams = [openEvents(url), openEvents(url), openEvents(url)];
    t.after(() => streams.forEach((stream) => stream.close()));
    await Promise.all(streams.map((stream) => stream.nextEvents(1)));
    for (const stream of streams) {
      assert.equal(stream.status, 200);
      assert.equal(stream.headers['x-content-type-options'], 'nosniff');
    }
    const refused = await call(base, 'GET', '/campaigns/next-icon/events');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'too_many_streams');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    // A stream that ends gives its place back.
    streams[0].close();
    await streams[0].ended;
    let again;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      again = openEvents(url);
      streams.push(again);
      await again.waitFor(() => again.status !== undefined || again.done, 'a reply');
      if (again.status === 200) break;
    }
    assert.equal(again.status, 200);
    // Other requests from the address are not streams: still served.
    assert.equal((await call(base, 'GET', '/campaigns/next-icon')).status, 200);
  });

  it('counts preflights in the address’s bucket', async (t) => {
    const { base } = await serve(t, { rateLimits: { ip: { burst: 3, perMinute: 1 } } });
    const preflight = () =>
      call(base, 'OPTIONS', '/campaigns/next-icon/votes/sac-lune', {
        origin: BRAND,
        headers: { 'access-control-request-method': 'PUT' },
      });
    for (let index = 0; index < 3; index += 1) assert.equal((await preflight()).status, 204);
    const refused = await preflight();
    assert.equal(refused.status, 429);
    assert.equal((await call(base, 'GET', '/campaigns/next-icon')).status, 429);
  });

  it('answers 503 unavailable with Retry-After while another process holds the database', async (t) => {
    const file = join(directory.path, 'locked.db');
    const { base } = await serve(t, { storage: openSqliteStorage(file, { busyTimeoutMs: 100 }) });
    const Database = createRequire(import.meta.url)('better-sqlite3');
    // No busy timeout: this connection lives in the server's own process, and a synchronous
    // busy wait here would block the event loop the server needs to let go of its lock.
    const other = new Database(file, { timeout: 0 });
    t.after(() => other.close());
    const votes = '/campaigns/next-icon/votes/sac-lune';
    assert.equal((await call(base, 'PUT', votes, { token: alice })).status, 200);
    other.exec('BEGIN IMMEDIATE');
    const locked = await call(base, 'DELETE', votes, { token: alice });
    assert.equal(locked.status, 503);
    assert.equal(locked.body.error.code, 'unavailable');
    assert.ok(Number(locked.headers.get('retry-after')) >= 1);
    const sharedWhileLocked = await share(base, [item('sac-lune')]);
    assert.equal(sharedWhileLocked.status, 503);
    other.exec('ROLLBACK');
    const campaign = await call(base, 'GET', '/campaigns/next-icon', { token: alice });
    assert.equal(campaign.body.products[0].count, 1, 'the refused DELETE changed nothing');
    assert.equal((await call(base, 'DELETE', votes, { token: alice })).status, 200);
  });
});
