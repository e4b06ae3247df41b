// Webhooks (webhooks.ts) as a brand's receiver sees them: a real HTTP server on loopback
// that fails the first two tries gets the event on the third, signed (`Vitrine-Signature`)
// and with the same `id` each time, also when the server restarts between the tries; the
// queue is in the database (SQLite and PostgreSQL); a goal is told once per product.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { setImmediate } from 'node:timers';
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

const SECRET = 'whsec-5e1f0c9d8b7a6f4e';

/** The check a brand's receiver makes (the README's), with a five-minute tolerance. */
function verify(header, body, secret) {
  const { t, v1 } = Object.fromEntries(header.split(',').map((part) => part.split('=')));
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300;
  return (
    fresh &&
    v1?.length === expected.length &&
    timingSafeEqual(Buffer.from(v1), Buffer.from(expected))
  );
}

/** A loopback receiver answering each try with `answer(try number)`; `tries` as received. */
async function startReceiver(answer) {
  const tries = [];
  const waiters = new Set();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const received = { headers: req.headers, method: req.method, body, json: JSON.parse(body) };
      tries.push(received);
      res.statusCode = await answer(tries.length, received);
      res.end();
      for (const waiter of waiters) waiter();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks/vitrine`,
    tries,
    /** Resolves once `count` tries were answered; fails after 15 s. */
    waitForTries: (count) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (tries.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${tries.length} tries, not ${count}`));
        }, 15_000);
        waiters.add(check);
        setImmediate(check);
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

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
  describe(`webhooks on ${engine.name}`, { timeout: 120_000 }, () => {
    let op;
    let database;
    const receivers = [];
    const servers = [];
    const tokens = {};

    before(async () => {
      op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
      for (const person of ['alice', 'bob', 'carol']) {
        tokens[person] = await idTokenFor(op.issuer, person);
      }
      database = await engine.start();
    });
    after(async () => {
      await Promise.allSettled(servers.map((server) => server.close()));
      await Promise.allSettled(receivers.map((receiver) => receiver.close()));
      await database?.remove();
      await op?.close();
    });

    const receiver = async (answer) => {
      const started = await startReceiver(answer);
      receivers.push(started);
      return started;
    };
    const vitrineFor = async (url, campaigns) => {
      const server = await startVitrine({
        db: database.db,
        issuer: op.issuer,
        audience: op.clientId,
        campaigns,
        rateLimits: { person: false, ip: false },
        webhooks: [url],
        webhookSecret: SECRET,
        webhookRetryMs: 50,
      });
      servers.push(server);
      return server;
    };

    it('tells a goal reached on the third try, signed, with the same id, and once', async () => {
      const hooks = await receiver((count) => (count <= 2 ? 500 : 204));
      const campaign = { id: 'goal-icon', title: 'Goal icon', products: ['sac-lune'], goal: 2 };
      const vitrine = await vitrineFor(hooks.url, [campaign]);
      const vote = (person, method = 'PUT') =>
        call(vitrine.base, method, '/campaigns/goal-icon/votes/sac-lune', {
          token: tokens[person],
        });
      await vote('alice');
      await vote('bob');
      await hooks.waitForTries(3);
      // Past the goal, down and up again: nothing more to tell.
      await vote('carol');
      await vote('carol', 'DELETE');
      await vote('bob', 'DELETE');
      await vote('bob');
      await vitrine.close();

      assert.equal(hooks.tries.length, 3);
      const [first] = hooks.tries;
      assert.deepEqual(Object.keys(first.json).sort(), ['createdAt', 'data', 'id', 'type']);
      assert.equal(first.json.type, 'campaign.goal_reached');
      assert.deepEqual(first.json.data, {
        campaign: 'goal-icon',
        title: 'Goal icon',
        productId: 'sac-lune',
        goal: 2,
        count: 2,
      });
      assert.ok(!Number.isNaN(Date.parse(first.json.createdAt)));
      for (const attempt of hooks.tries) {
        assert.equal(attempt.method, 'POST');
        assert.equal(attempt.headers['content-type'], 'application/json');
        assert.equal(attempt.json.id, first.json.id, 'the same id on every try');
        assert.equal(attempt.body, first.body);
        assert.match(attempt.headers['vitrine-signature'], /^t=\d+,v1=[0-9a-f]{64}$/);
        assert.ok(verify(attempt.headers['vitrine-signature'], attempt.body, SECRET));
        assert.ok(
          !verify(attempt.headers['vitrine-signature'], attempt.body, 'another-secret-0000'),
        );
        assert.ok(!attempt.body.includes('alice') && !attempt.body.includes('bob'));
      }

      // A restart remembers the goal was told.
      const again = await vitrineFor(hooks.url, [campaign]);
      await call(again.base, 'PUT', '/campaigns/goal-icon/votes/sac-lune', {
        token: tokens.carol,
      });
      await again.close();
      assert.equal(hooks.tries.length, 3);
    });

    it('keeps a closing through a restart and delivers it on the third try', async () => {
      let first;
      const closedAt = new Date(Date.now() - 60_000).toISOString();
      const campaign = {
        id: 'closed-icon',
        title: 'Closed',
        products: ['sac-lune'],
        closesAt: closedAt,
      };
      const hooks = await receiver(async (count) => {
        if (count === 2) {
          // The server stops while this try is answered: the next one is another process's.
          void first.close();
        }
        return count <= 2 ? 503 : 200;
      });
      first = await vitrineFor(hooks.url, [campaign]);
      await hooks.waitForTries(2);
      await first.close();
      assert.equal(hooks.tries.length, 2);

      const second = await vitrineFor(hooks.url, [campaign]);
      await hooks.waitForTries(3);
      await second.close();
      assert.equal(hooks.tries.length, 3);
      const ids = hooks.tries.map((attempt) => attempt.json.id);
      assert.deepEqual(new Set(ids).size, 1, 'the same id before and after the restart');
      const delivered = hooks.tries[2];
      assert.ok(verify(delivered.headers['vitrine-signature'], delivered.body, SECRET));
      assert.equal(delivered.json.type, 'campaign.closed');
      assert.deepEqual(delivered.json.data, {
        campaign: 'closed-icon',
        title: 'Closed',
        closesAt: closedAt,
        products: [{ productId: 'sac-lune', count: 0 }],
      });
    });

    it('refuses webhooks without a secret, or a URL that is not http(s)', () => {
      const base = { db: ':memory:', issuer: op.issuer, audience: op.clientId };
      for (const options of [
        { webhooks: ['https://crm.maison.example/hooks'] },
        { webhooks: ['https://crm.maison.example/hooks'], webhookSecret: 'short' },
        { webhooks: ['ftp://crm.maison.example/hooks'], webhookSecret: SECRET },
        { webhooks: ['not a url'], webhookSecret: SECRET },
      ]) {
        assert.throws(
          () => createVitrineHandler({ ...base, ...options, logger: recordingLogger() }),
          /webhook/i,
        );
      }
    });
  });
}
