// Retention (index.ts): the server itself deletes a signed-in fan's wishlist once it has gone
// untouched for `retentionDays` (default 730), and nothing sooner. The server's clock is
// given (`now`), so two years pass at once; `close()` waits for the sweep a server runs at
// start, so each step is read after its sweep.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { createVitrineHandler } from '../../dist/server/index.js';
import { startPostgres } from '../support/engines.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import {
  call,
  recordingLogger,
  startVitrine,
  temporaryDirectory,
} from '../support/vitrine-server.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const item = (productId) => ({ productId, addedAt: 1_760_000_000_000 });

const engines = [
  {
    name: 'SQLite',
    start: async () => {
      const directory = temporaryDirectory();
      return { db: join(directory.path, 'vitrine.db'), remove: async () => directory.remove() };
    },
  },
  {
    name: 'PostgreSQL',
    start: async () => {
      const engine = await startPostgres();
      return { db: engine.url, remove: () => engine.remove() };
    },
  },
];

for (const engine of engines) {
  describe(`retention on ${engine.name}`, { timeout: 120_000 }, () => {
    let op;
    let database;
    const tokens = {};

    before(async () => {
      op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
      tokens.alice = await idTokenFor(op.issuer, 'alice');
      database = await engine.start();
    });
    after(async () => {
      await database?.remove();
      await op?.close();
    });

    /** A server on the test's database whose clock reads `offsetDays` from now. */
    const serverIn = (offsetDays, extra = {}) =>
      startVitrine({
        db: database.db,
        issuer: op.issuer,
        audience: op.clientId,
        rateLimits: { person: false, ip: false },
        now: () => Date.now() + offsetDays * DAY_MS,
        ...extra,
      });
    const wishlistOf = async (offsetDays) => {
      const vitrine = await serverIn(offsetDays);
      try {
        return (await call(vitrine.base, 'GET', '/wishlists/me', { token: tokens.alice })).body;
      } finally {
        await vitrine.close();
      }
    };

    it('keeps a wishlist for 730 days after its last change, then deletes it', async () => {
      const today = await serverIn(0);
      const saved = await call(today.base, 'PUT', '/wishlists/me', {
        token: tokens.alice,
        body: { items: [item('sac-lune')] },
      });
      assert.equal(saved.status, 200);
      await today.close();

      // A server started 729 days on sweeps and keeps it.
      await (await serverIn(729)).close();
      assert.deepEqual((await wishlistOf(0)).items, [item('sac-lune')]);

      // One started 731 days on deletes it by itself.
      await (await serverIn(731)).close();
      assert.deepEqual(await wishlistOf(0), { items: [], version: 0 });
    });

    it('follows --retention-days', async () => {
      const today = await serverIn(0);
      await call(today.base, 'PUT', '/wishlists/me', {
        token: tokens.alice,
        body: { items: [item('carre-jardin')] },
      });
      await today.close();
      await (await serverIn(29, { retentionDays: 30 })).close();
      assert.deepEqual((await wishlistOf(0)).items, [item('carre-jardin')]);
      await (await serverIn(31, { retentionDays: 30 })).close();
      assert.deepEqual(await wishlistOf(0), { items: [], version: 0 });
    });

    it('refuses a retention that is not a number of days', () => {
      for (const retentionDays of [0, -1, 0.5, 'forever', Number.NaN]) {
        assert.throws(
          () =>
            createVitrineHandler({
              db: ':memory:',
              issuer: op.issuer,
              audience: op.clientId,
              retentionDays,
              logger: recordingLogger(),
            }),
          /retentionDays/,
        );
      }
    });
  });
}
