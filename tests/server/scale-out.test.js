// Three vitrine/server processes on one PostgreSQL and one Redis (throwaway instances on
// loopback ports) acting as one server, as a brand runs them behind a load balancer: a vote
// through one reaches the live streams of the others, a person's vote counts once whichever
// process takes it, wishlist writes from two devices lose nothing, the per-person rate limit
// holds across processes, a process killed under load leaves counts equal to the votes
// stored, and when Redis or PostgreSQL stops and comes back the servers carry on by
// themselves (503 `unavailable` while PostgreSQL is away, never a 500).
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { startPostgres, startRedis } from '../support/engines.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { eventually, startVitrineProcess } from '../support/vitrine-process.js';
import { call, openEvents } from '../support/vitrine-server.js';

const PRODUCTS = ['sac-lune', 'carre-jardin', 'pochette-soiree'];
const campaigns = [
  { id: 'next-icon', title: 'Which icon should the house make next?', products: PRODUCTS },
  { id: 'duplicates', title: 'One vote, many requests', products: ['sac-lune'] },
  { id: 'under-load', title: 'Votes while a process dies', products: PRODUCTS },
  { id: 'faults', title: 'Votes while an engine is away', products: PRODUCTS },
];

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
/** One request on a keep-alive pool; resolves with the status, headers and JSON body. */
function send(base, method, path, token) {
  return new Promise((resolve, reject) => {
    const sent = request(
      `${base}${path}`,
      { method, agent, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: JSON.parse(text),
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

const countIn = (event, productId) =>
  event.json.products?.find((product) => product.productId === productId)?.count;
/** The latest count of `productId` a stream has received. */
const latest = (stream, productId) =>
  stream.events
    .filter((event) => event.type === 'counts')
    .map((event) => countIn(event, productId))
    .filter((count) => count !== undefined)
    .at(-1);

describe('three processes on one PostgreSQL and one Redis', { timeout: 240_000 }, () => {
  let op;
  let pg;
  let redis;
  let admin;
  let options;
  const processes = [];
  const streams = [];
  const tokens = {};
  const token = async (login) => (tokens[login] ??= await idTokenFor(op.issuer, login));
  const start = async (extra = {}) => {
    const started = await startVitrineProcess({ ...options, ...extra });
    processes.push(started);
    return started;
  };
  const events = (server, campaign) => {
    const stream = openEvents(`${server.base}/campaigns/${campaign}/events`);
    streams.push(stream);
    return stream;
  };
  /** What PostgreSQL holds: stored votes and kept counts, per product. */
  const stored = async (campaign) => {
    const votes = await admin`
      SELECT product, count(*)::int AS n FROM vitrine_votes WHERE campaign = ${campaign}
      GROUP BY product`;
    const counts = await admin`
      SELECT product, count FROM vitrine_vote_counts WHERE campaign = ${campaign}`;
    return {
      votes: Object.fromEntries(votes.map((row) => [row.product, row.n])),
      counts: Object.fromEntries(
        counts.filter((row) => row.count > 0).map((row) => [row.product, row.count]),
      ),
    };
  };

  before(async () => {
    [op, pg, redis] = await Promise.all([
      startIdentityProvider({ redirectUris: [REDIRECT_URI] }),
      startPostgres(),
      startRedis(),
    ]);
    admin = postgres(pg.url, { max: 2, onnotice: () => {} });
    options = {
      db: pg.url,
      redis: redis.url,
      issuer: op.issuer,
      audience: op.clientId,
      campaigns,
      rateLimits: { person: false, ip: false },
    };
    // Started together on an empty database: the schema's lock lets each come up.
    processes.push(
      ...(await Promise.all([
        startVitrineProcess(options),
        startVitrineProcess(options),
        startVitrineProcess(options),
      ])),
    );
  });

  after(async () => {
    for (const stream of streams) stream.close();
    agent.destroy();
    await Promise.allSettled(processes.map((server) => server.kill()));
    await admin?.end({ timeout: 1 });
    await Promise.allSettled([pg?.remove(), redis?.remove(), op?.close()]);
  });

  it('sends a vote taken by one process to the live streams of the other two within a second', async () => {
    const [first, second, third] = processes;
    const watching = [events(second, 'next-icon'), events(third, 'next-icon')];
    await Promise.all(watching.map((stream) => stream.nextEvents(1)));
    assert.ok(watching.every((stream) => latest(stream, 'sac-lune') === 0));

    const voted = await send(
      first.base,
      'PUT',
      '/campaigns/next-icon/votes/sac-lune',
      await token('alice'),
    );
    assert.equal(voted.status, 200);
    assert.equal(voted.body.count, 1);
    const sentAt = performance.now();
    await Promise.all(
      watching.map((stream) =>
        stream.waitFor(() => latest(stream, 'sac-lune') === 1, 'the new count', 1_000),
      ),
    );
    for (const stream of watching) {
      const arrival = stream.events.find((event) => countIn(event, 'sac-lune') === 1).at;
      assert.ok(
        arrival - sentAt < 1_000,
        `the count arrived ${arrival - sentAt} ms after the vote`,
      );
    }
  });

  it('counts 1,000 concurrent duplicate votes of one person, spread over the three, once', async () => {
    const fan = await token('duplicate-fan');
    const watching = events(processes[2], 'duplicates');
    await watching.nextEvents(1);
    const replies = await Promise.all(
      Array.from({ length: 1000 }, (_, index) =>
        send(processes[index % 3].base, 'PUT', '/campaigns/duplicates/votes/sac-lune', fan),
      ),
    );
    assert.deepEqual(new Set(replies.map((reply) => reply.status)), new Set([200]));
    assert.ok(replies.every((reply) => reply.body.count === 1 && reply.body.voted === true));
    assert.deepEqual(await stored('duplicates'), {
      votes: { 'sac-lune': 1 },
      counts: { 'sac-lune': 1 },
    });
    for (const server of processes) {
      const campaign = await call(server.base, 'GET', '/campaigns/duplicates');
      assert.equal(campaign.body.products[0].count, 1);
    }
    await watching.waitFor(() => latest(watching, 'sac-lune') === 1, 'the count of one vote');
    const seen = watching.events.map((event) => countIn(event, 'sac-lune'));
    assert.ok(
      seen.every((count) => count === undefined || count <= 1),
      `counts seen: ${seen}`,
    );
  });

  it('loses nothing when two devices write one wishlist through two processes at once', async () => {
    const fan = await token('two-devices');
    /** A device adds `products` one by one, merging with the server copy on every conflict. */
    const device = async (server, products) => {
      for (const productId of products) {
        let current = (await call(server.base, 'GET', '/wishlists/me', { token: fan })).body;
        for (;;) {
          const items = [...current.items, { productId, addedAt: Date.now() }];
          const put = await call(server.base, 'PUT', '/wishlists/me', {
            token: fan,
            body: { items },
            headers: { 'if-match': `"${current.version}"` },
          });
          if (put.status === 200) break;
          assert.equal(put.status, 412);
          current = { items: put.body.items, version: put.body.version };
        }
      }
    };
    const phone = Array.from({ length: 15 }, (_, index) => `phone-${index}`);
    const laptop = Array.from({ length: 15 }, (_, index) => `laptop-${index}`);
    await Promise.all([device(processes[0], phone), device(processes[1], laptop)]);
    const final = await call(processes[2].base, 'GET', '/wishlists/me', { token: fan });
    assert.deepEqual(
      final.body.items.map((item) => item.productId).sort(),
      [...phone, ...laptop].sort(),
    );
    assert.equal(final.body.version, 30);
  });

  it('holds the per-person rate limit across processes', async () => {
    const limited = await Promise.all(
      [0, 1, 2].map(() =>
        start({ rateLimits: { person: { burst: 10, perMinute: 1 }, ip: false } }),
      ),
    );
    const fan = await token('eager-fan');
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        send(
          limited[index % 3].base,
          'PUT',
          `/campaigns/next-icon/votes/${PRODUCTS[index % 3]}`,
          fan,
        ),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    assert.equal(statuses.filter((status) => status === 200).length, 10, `statuses: ${statuses}`);
    assert.equal(statuses.filter((status) => status === 429).length, 20);
    const refused = replies.find((reply) => reply.status === 429);
    assert.equal(refused.body.error.code, 'rate_limited');
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    await Promise.all(limited.map((server) => server.stop()));
  });

  it('keeps counts equal to the stored votes when a process is killed under load', async () => {
    const victim = await start();
    const fans = await Promise.all(
      Array.from({ length: 20 }, (_, index) => token(`load-${index}`)),
    );
    let stop = false;
    let answered = 0;
    const worker = async (server, offset) => {
      for (let index = offset; !stop; index += 1) {
        const method = index % 3 === 0 ? 'DELETE' : 'PUT';
        const path = `/campaigns/under-load/votes/${PRODUCTS[index % PRODUCTS.length]}`;
        try {
          const reply = await send(server.base, method, path, fans[index % fans.length]);
          if (reply.status === 200) answered += 1;
        } catch {
          // The victim's connections break when it dies.
          if (server === victim) return;
        }
      }
    };
    const workers = [
      ...Array.from({ length: 8 }, (_, index) => worker(victim, index * 7)),
      ...Array.from({ length: 4 }, (_, index) => worker(processes[0], index * 11)),
    ];
    await eventually(() => answered >= 300, '300 votes answered under load');
    await victim.kill();
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop = true;
    await Promise.all(workers);

    const { votes, counts } = await stored('under-load');
    assert.ok(Object.keys(votes).length > 0);
    assert.deepEqual(counts, votes);
    const campaign = await call(processes[1].base, 'GET', '/campaigns/under-load');
    assert.deepEqual(
      Object.fromEntries(
        campaign.body.products
          .filter((product) => product.count > 0)
          .map((product) => [product.productId, product.count]),
      ),
      votes,
    );
  });

  it('answers votes while Redis is stopped, and sends every stream a snapshot when it is back', async () => {
    const [first, second, third] = processes;
    const watching = [events(second, 'faults'), events(third, 'faults')];
    await Promise.all(watching.map((stream) => stream.nextEvents(1)));
    const initial = latest(watching[0], 'carre-jardin');

    await redis.stop();
    await eventually(
      async () => (await send(first.base, 'GET', '/readyz')).status === 503,
      '/readyz to report Redis down',
    );
    const ready = await send(first.base, 'GET', '/readyz');
    assert.equal(ready.body.error.code, 'unavailable');
    assert.deepEqual(ready.body.checks, { database: 'ok', redis: 'down' });
    const voted = await send(
      first.base,
      'PUT',
      '/campaigns/faults/votes/carre-jardin',
      await token('redis-fan'),
    );
    assert.equal(voted.status, 200);
    assert.equal(voted.body.count, initial + 1);
    // Rate limits fall back to each process's own buckets: requests are still answered.
    assert.equal((await send(second.base, 'GET', '/campaigns/faults')).status, 200);

    await redis.start();
    await Promise.all(
      watching.map((stream) =>
        stream.waitFor(
          () => latest(stream, 'carre-jardin') === initial + 1,
          'a snapshot with the vote taken while Redis was away',
          15_000,
        ),
      ),
    );
    const snapshot = watching[0].events.at(-1);
    assert.deepEqual(
      snapshot.json.products.map((product) => product.productId),
      PRODUCTS,
      'the snapshot names every product',
    );
    await eventually(
      async () => (await send(first.base, 'GET', '/readyz')).status === 200,
      '/readyz once Redis is back',
    );
    // And the bus carries votes again.
    await send(
      first.base,
      'PUT',
      '/campaigns/faults/votes/pochette-soiree',
      await token('redis-fan'),
    );
    await Promise.all(
      watching.map((stream) =>
        stream.waitFor(
          () => latest(stream, 'pochette-soiree') === 1,
          'a vote after Redis came back',
        ),
      ),
    );
  });

  it('answers 503 unavailable while PostgreSQL is stopped, and serves again by itself', async () => {
    const [first, second] = processes;
    const fan = await token('pg-fan');
    await pg.stop();
    const refused = await send(first.base, 'PUT', '/campaigns/faults/votes/sac-lune', fan);
    assert.equal(refused.status, 503);
    assert.equal(refused.body.error.code, 'unavailable');
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    const read = await send(second.base, 'GET', '/campaigns/faults');
    assert.equal(read.status, 503);
    assert.equal(read.body.error.code, 'unavailable');
    const wishlist = await send(second.base, 'GET', '/wishlists/me', fan);
    assert.equal(wishlist.status, 503);
    const ready = await send(first.base, 'GET', '/readyz');
    assert.equal(ready.status, 503);
    assert.equal(ready.body.checks.database, 'down');
    assert.equal((await send(first.base, 'GET', '/healthz')).status, 200);

    await pg.start();
    await eventually(
      async () =>
        (await send(first.base, 'PUT', '/campaigns/faults/votes/sac-lune', fan)).status === 200,
      'a vote accepted once PostgreSQL is back',
    );
    const { votes, counts } = await stored('faults');
    assert.deepEqual(counts, votes, 'nothing half-written');
    assert.equal(votes['sac-lune'], 1);
    const campaign = await send(second.base, 'GET', '/campaigns/faults');
    assert.equal(campaign.status, 200);
    assert.equal(campaign.body.products.find((p) => p.productId === 'sac-lune').count, 1);
    await eventually(
      async () => (await send(second.base, 'GET', '/readyz')).status === 200,
      '/readyz once PostgreSQL is back',
    );
  });
});
