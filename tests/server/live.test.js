// Live counts over Server-Sent Events, read as raw HTTP the way EventSource reads them:
// snapshot first, then only what changed, coalesced; resume after a reconnect; heartbeats;
// the closing of a campaign; a server that shuts down ends its streams.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, openEvents, pool, rawCall, startVitrine } from '../support/vitrine-server.js';

const PRODUCTS = ['sac-lune', 'carre-jardin', 'pochette-soiree'];
const productsOf = (event) => event.json.products.map((product) => product.productId).sort();
const countIn = (event, productId) =>
  event.json.products.find((product) => product.productId === productId)?.count;

describe('live counts', { timeout: 120_000 }, () => {
  let op;
  let vitrine;
  const tokens = {};

  const vote = (person, productId, method = 'PUT') =>
    call(vitrine.base, method, `/campaigns/next-icon/votes/${productId}`, {
      token: tokens[person],
    });

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    for (const person of ['alice', 'bob', 'carol']) {
      tokens[person] = await idTokenFor(op.issuer, person);
    }
    vitrine = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      origins: ['https://maison.example'],
      campaigns: [{ id: 'next-icon', title: 'Next icon', products: PRODUCTS }],
      rateLimits: { person: false, ip: false },
      heartbeatMs: 200,
    });
  });
  after(async () => {
    pool.destroy();
    await vitrine?.close();
    await op?.close();
  });

  it('sends a snapshot of every product first, then the products that changed', async () => {
    await vote('alice', 'sac-lune');
    const stream = openEvents(`${vitrine.base}/campaigns/next-icon/events`, {
      origin: 'https://maison.example',
    });
    try {
      await stream.nextEvents(1);
      assert.equal(stream.status, 200);
      assert.equal(stream.headers['content-type'], 'text/event-stream; charset=utf-8');
      assert.equal(stream.headers['access-control-allow-origin'], 'https://maison.example');
      assert.equal(stream.retry, 2000);
      const [snapshot] = stream.events;
      assert.equal(snapshot.type, 'counts');
      assert.match(snapshot.id, /^[0-9a-f]+-\d+$/);
      assert.deepEqual(snapshot.json, {
        products: [
          { productId: 'sac-lune', count: 1 },
          { productId: 'carre-jardin', count: 0 },
          { productId: 'pochette-soiree', count: 0 },
        ],
      });
      await vote('bob', 'carre-jardin');
      await stream.nextEvents(2);
      const update = stream.events[1];
      assert.deepEqual(update.json, { products: [{ productId: 'carre-jardin', count: 1 }] });
      assert.notEqual(update.id, snapshot.id);
      // A repeated vote changes no count and sends nothing.
      await vote('bob', 'carre-jardin');
      await sleep(400);
      assert.equal(stream.events.length, 2);
    } finally {
      stream.close();
    }
  });

  it('coalesces a burst of votes: at most 4 updates a second per product, ending on the true count', async () => {
    const stream = openEvents(`${vitrine.base}/campaigns/next-icon/events`);
    try {
      await stream.nextEvents(1);
      const people = ['alice', 'bob', 'carol'];
      let final;
      const started = performance.now();
      // Three fans toggle their vote for 1.5 s, as fast as the server answers.
      while (performance.now() - started < 1500) {
        const replies = await Promise.all(
          people.map((person) =>
            rawCall(vitrine.base, 'PUT', '/campaigns/next-icon/votes/pochette-soiree', {
              authorization: `Bearer ${tokens[person]}`,
            }).then(() =>
              rawCall(vitrine.base, 'DELETE', '/campaigns/next-icon/votes/pochette-soiree', {
                authorization: `Bearer ${tokens[person]}`,
              }),
            ),
          ),
        );
        final = replies.at(-1).body.count;
      }
      assert.equal(final, 0);
      const changes = 2 * people.length;
      await stream.waitFor(
        () => countIn(stream.events.at(-1), 'pochette-soiree') === 0 && stream.events.length > 1,
        'the final count',
      );
      await sleep(600);
      const updates = stream.events
        .slice(1)
        .filter((event) => countIn(event, 'pochette-soiree') !== undefined);
      const spanMs = updates.at(-1).at - updates[0].at;
      assert.ok(updates.length >= 2, 'the burst showed while it went on');
      // Arrival times can only bunch up, never spread out: the bound holds on a busy machine.
      assert.ok(
        updates.length <= Math.floor(spanMs / 250) + 2,
        `${updates.length} updates in ${Math.round(spanMs)} ms (${changes} votes per round)`,
      );
      assert.equal(countIn(updates.at(-1), 'pochette-soiree'), 0);
    } finally {
      stream.close();
    }
  });

  it('resumes after Last-Event-ID with just the missed events, or sends a snapshot', async () => {
    const first = openEvents(`${vitrine.base}/campaigns/next-icon/events`);
    await first.nextEvents(1);
    await vote('carol', 'sac-lune');
    await first.nextEvents(2);
    const lastSeen = first.events.at(-1);
    first.close();
    await first.ended;

    await vote('carol', 'carre-jardin');
    await sleep(300);
    await vote('carol', 'carre-jardin', 'DELETE');
    await sleep(300);

    const resumed = openEvents(`${vitrine.base}/campaigns/next-icon/events`, {
      'last-event-id': lastSeen.id,
    });
    const byQuery = openEvents(
      `${vitrine.base}/campaigns/next-icon/events?lastEventId=${encodeURIComponent(lastSeen.id)}`,
    );
    const unknown = openEvents(`${vitrine.base}/campaigns/next-icon/events`, {
      'last-event-id': 'deadbeef-3',
    });
    try {
      for (const stream of [resumed, byQuery]) {
        await stream.waitFor(
          () => stream.events.some((event) => countIn(event, 'carre-jardin') === 1),
          'the missed events',
        );
        await sleep(300);
        assert.ok(stream.events.length >= 2, 'two missed events, not merged into a snapshot');
        for (const event of stream.events) assert.deepEqual(productsOf(event), ['carre-jardin']);
        assert.equal(countIn(stream.events.at(-1), 'carre-jardin'), 1);
        const [prefix, sequence] = lastSeen.id.split('-');
        assert.equal(stream.events[0].id, `${prefix}-${Number(sequence) + 1}`);
      }
      await unknown.nextEvents(1);
      assert.deepEqual(productsOf(unknown.events[0]), [...PRODUCTS].sort());
      assert.equal(countIn(unknown.events[0], 'carre-jardin'), 1);
    } finally {
      for (const stream of [resumed, byQuery, unknown]) stream.close();
    }
  });

  it('sends a heartbeat comment while nothing changes', async () => {
    const stream = openEvents(`${vitrine.base}/campaigns/next-icon/events`);
    try {
      await stream.waitFor(
        () => stream.comments.filter((c) => c === 'heartbeat').length >= 2,
        'heartbeats',
      );
      assert.equal(stream.events.length, 1, 'heartbeats are not events');
    } finally {
      stream.close();
    }
  });

  it('answers 404 for the events of an unknown campaign', async () => {
    const reply = await call(vitrine.base, 'GET', '/campaigns/nothing/events');
    assert.equal(reply.status, 404);
    assert.equal(reply.body.error.code, 'not_found');
  });

  it('sends `closed` when the campaign closes and ends the stream; later streams get the final counts', async () => {
    const closing = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns: [
        {
          id: 'flash',
          title: 'Flash vote',
          products: ['sac-lune'],
          closesAt: new Date(Date.now() + 1500).toISOString(),
        },
      ],
    });
    try {
      await call(closing.base, 'PUT', '/campaigns/flash/votes/sac-lune', { token: tokens.alice });
      const stream = openEvents(`${closing.base}/campaigns/flash/events`);
      await stream.waitFor(() => stream.done, 'the end of the stream');
      assert.deepEqual(
        stream.events.map((event) => event.type),
        ['counts', 'closed'],
      );
      assert.deepEqual(stream.events[1].json, { closed: true });
      const late = await call(closing.base, 'PUT', '/campaigns/flash/votes/sac-lune', {
        token: tokens.bob,
      });
      assert.equal(late.status, 409);
      const after = openEvents(`${closing.base}/campaigns/flash/events`);
      await after.waitFor(() => after.done, 'the end of the stream');
      assert.deepEqual(
        after.events.map((event) => event.type),
        ['counts', 'closed'],
      );
      assert.equal(countIn(after.events[0], 'sac-lune'), 1);
    } finally {
      await closing.close();
    }
  });

  it('ends open streams and refuses new requests when the handler closes', async () => {
    const closing = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns: [{ id: 'next-icon', title: 'Next icon', products: PRODUCTS }],
    });
    const streams = [1, 2, 3].map(() => openEvents(`${closing.base}/campaigns/next-icon/events`));
    for (const stream of streams) await stream.nextEvents(1);
    const closed = closing.handler.close();
    const late = await call(closing.base, 'GET', '/campaigns/next-icon');
    await closed;
    await Promise.all(streams.map((stream) => stream.ended));
    assert.ok(streams.every((stream) => stream.done));
    assert.equal(late.status, 503);
    assert.equal(late.body.error.code, 'unavailable');
    await closing.close();
  });
});
