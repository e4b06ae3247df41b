// What operators and their load balancers read: `GET /healthz` (the process answers),
// `GET /readyz` (its database and Redis answer, 503 otherwise) and `GET /metrics` in
// Prometheus's text format, on the default SQLite store and with a Redis that is not there.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { createVitrineHandler, openSqliteStorage } from '../../dist/server/index.js';
import { freePort } from '../support/engines.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, openEvents, recordingLogger, startVitrine } from '../support/vitrine-server.js';

const campaigns = [{ id: 'next-icon', title: 'Next icon', products: ['sac-lune', 'carre-jardin'] }];

/** The value of one sample line of the metrics text, or undefined. */
function sample(text, name, labels = {}) {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.startsWith(name)) continue;
    const match = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

describe('health, readiness and metrics', { timeout: 60_000 }, () => {
  let op;
  let vitrine;
  let token;

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    token = await idTokenFor(op.issuer, 'alice');
    vitrine = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns,
    });
  });
  after(async () => {
    await vitrine?.close();
    await op?.close();
  });

  it('says it is up and ready on its SQLite file', async () => {
    const health = await call(vitrine.base, 'GET', '/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });
    const ready = await call(vitrine.base, 'GET', '/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ready', checks: { database: 'ok' } });
    // Only GET (and HEAD) are the probes; anything else is the API's.
    assert.equal((await call(vitrine.base, 'POST', '/healthz')).status, 404);
  });

  it('counts requests by route and status, votes, and open live streams', async () => {
    await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', { token });
    await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', { token });
    await call(vitrine.base, 'DELETE', '/campaigns/next-icon/votes/sac-lune', { token });
    await call(vitrine.base, 'GET', '/campaigns/next-icon');
    await call(vitrine.base, 'GET', '/campaigns/unknown');
    const stream = openEvents(`${vitrine.base}/campaigns/next-icon/events`);
    try {
      await stream.nextEvents(1);
      const response = await fetch(`${vitrine.base}/metrics`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      const requests = 'vitrine_http_requests_total';
      assert.equal(sample(text, requests, { route: 'vote', method: 'PUT', status: '200' }), 2);
      assert.equal(sample(text, requests, { route: 'vote', method: 'DELETE', status: '200' }), 1);
      assert.equal(sample(text, requests, { route: 'campaign', method: 'GET', status: '200' }), 1);
      assert.equal(sample(text, requests, { route: 'campaign', method: 'GET', status: '404' }), 1);
      assert.equal(
        sample(text, 'vitrine_http_request_duration_seconds_count', { route: 'vote' }),
        2,
      );
      assert.ok(sample(text, 'vitrine_http_request_duration_seconds_bucket', { le: '+Inf' }) >= 1);
      assert.equal(sample(text, 'vitrine_votes_total', { action: 'vote' }), 1);
      assert.equal(sample(text, 'vitrine_votes_total', { action: 'unvote' }), 1);
      assert.equal(sample(text, 'vitrine_live_streams'), 1);
      assert.ok(sample(text, 'process_resident_memory_bytes') > 0);
    } finally {
      stream.close();
    }
  });

  it('is not ready while its database or its Redis does not answer', async () => {
    const port = await freePort();
    const storage = openSqliteStorage(':memory:');
    let databaseAnswers = true;
    const served = await startVitrine({
      storage: {
        ...storage,
        async ping() {
          if (!databaseAnswers) throw new Error('down');
        },
      },
      redis: `redis://127.0.0.1:${port}`,
      issuer: op.issuer,
      audience: op.clientId,
      campaigns,
      logger: recordingLogger(),
    });
    try {
      const ready = await call(served.base, 'GET', '/readyz');
      assert.equal(ready.status, 503);
      assert.equal(ready.headers.get('retry-after'), '2');
      assert.equal(ready.body.error.code, 'unavailable');
      assert.deepEqual(ready.body.checks, { database: 'ok', redis: 'down' });
      databaseAnswers = false;
      assert.deepEqual((await call(served.base, 'GET', '/readyz')).body.checks, {
        database: 'down',
        redis: 'down',
      });
      // Up all the same, and votes are answered without Redis.
      assert.equal((await call(served.base, 'GET', '/healthz')).status, 200);
      const vote = await call(served.base, 'PUT', '/campaigns/next-icon/votes/carre-jardin', {
        token,
      });
      assert.equal(vote.status, 200);
      assert.equal(vote.body.count, 1);
    } finally {
      await served.close();
    }
  });

  it('keeps its rate limits in its own buckets while Redis does not answer', async () => {
    const served = await startVitrine({
      db: ':memory:',
      redis: `redis://127.0.0.1:${await freePort()}`,
      issuer: op.issuer,
      audience: op.clientId,
      campaigns,
      rateLimits: { person: { burst: 2, perMinute: 1 }, ip: false },
      logger: recordingLogger(),
    });
    try {
      const statuses = [];
      for (const product of ['sac-lune', 'carre-jardin', 'sac-lune']) {
        const reply = await call(served.base, 'PUT', `/campaigns/next-icon/votes/${product}`, {
          token,
        });
        statuses.push(reply.status);
      }
      assert.deepEqual(statuses, [200, 200, 429]);
    } finally {
      await served.close();
    }
  });

  it('closes at once with live streams open on a Redis that never answered', async () => {
    const served = await startVitrine({
      db: ':memory:',
      redis: `redis://127.0.0.1:${await freePort()}`,
      issuer: op.issuer,
      audience: op.clientId,
      campaigns,
      logger: recordingLogger(),
    });
    // A stream asks Redis for the campaign's channel: a request that cannot be sent yet.
    const stream = openEvents(`${served.base}/campaigns/next-icon/events`);
    await stream.nextEvents(1);
    stream.close();
    let timer;
    const late = new Promise((resolve) => (timer = setTimeout(resolve, 20_000, 'still open')));
    const result = await Promise.race([served.close().then(() => 'closed'), late]);
    clearTimeout(timer);
    assert.equal(result, 'closed');
  });

  it('refuses a Redis option that is not a redis:// URL', () => {
    assert.throws(
      () =>
        createVitrineHandler({
          db: ':memory:',
          redis: 'localhost:6379',
          issuer: op.issuer,
          audience: op.clientId,
        }),
      /`redis` must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });
});
