// Token buckets (`createMemoryRateLimiter`, `DEFAULT_RATE_LIMITS`, the `rateLimits` option):
// a burst at once, then one request per share of a minute, the wait given in whole seconds;
// and through HTTP, 429 with Retry-After per person and per address, changing nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import {
  DEFAULT_RATE_LIMITS,
  createMemoryRateLimiter,
  createVitrineHandler,
} from '../../dist/server/index.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, startVitrine } from '../support/vitrine-server.js';

const campaigns = [
  {
    id: 'next-icon',
    title: 'Which icon should the house make next?',
    products: ['sac-lune', 'carre-jardin', 'pochette-soiree'],
  },
];

/** A limiter for the test `t`, closed after it. */
function limiter(t, limits) {
  const created = createMemoryRateLimiter({
    person: false,
    ip: false,
    share: false,
    ...limits,
  });
  t.after(() => created.close());
  return created;
}

describe('rate limits', { timeout: 120_000 }, () => {
  it('are by default those the server README states', () => {
    assert.deepEqual(DEFAULT_RATE_LIMITS, {
      person: { burst: 30, perMinute: 120 },
      ip: { burst: 300, perMinute: 1200 },
      share: { burst: 10, perMinute: 6 },
    });
  });

  it('allow a burst, then refuse with the whole seconds until the next request', (t) => {
    const buckets = limiter(t, { share: { burst: 3, perMinute: 6 } });
    for (let request = 0; request < 3; request += 1) {
      assert.equal(buckets.take('share', '198.51.100.7'), 0);
    }
    // One request is earned back every 10 s.
    assert.equal(buckets.take('share', '198.51.100.7'), 10);
    assert.equal(buckets.take('share', '198.51.100.7'), 10, 'a refusal costs nothing');
  });

  it('earn requests back as time passes, never more than the burst', async (t) => {
    // 600 a minute: one request every 100 ms.
    const buckets = limiter(t, { person: { burst: 2, perMinute: 600 } });
    assert.equal(buckets.take('person', 'alice'), 0);
    assert.equal(buckets.take('person', 'alice'), 0);
    assert.equal(buckets.take('person', 'alice'), 1, 'less than a second, said as 1');
    await sleep(300);
    assert.equal(buckets.take('person', 'alice'), 0);
    assert.equal(buckets.take('person', 'alice'), 0);
    assert.ok(buckets.take('person', 'alice') > 0, 'three requests earned, two kept');
  });

  it('keep one bucket per key and per kind, and none for a kind turned off', (t) => {
    const buckets = limiter(t, {
      person: { burst: 1, perMinute: 1 },
      ip: { burst: 1, perMinute: 1 },
    });
    assert.equal(buckets.take('person', 'alice'), 0);
    assert.equal(buckets.take('person', 'alice'), 60);
    assert.equal(buckets.take('person', 'bob'), 0, 'another person');
    assert.equal(buckets.take('ip', 'alice'), 0, 'another kind of bucket, same key');
    for (let request = 0; request < 100; request += 1) {
      assert.equal(buckets.take('share', 'alice'), 0);
    }
  });

  it('refuse a limit that could never let a request through, naming it', () => {
    const options = { db: ':memory:', issuer: 'https://id.maison.example', audience: 'web' };
    for (const rateLimits of [
      { person: { burst: 0, perMinute: 10 } },
      { ip: { burst: 10, perMinute: 0 } },
      { share: { burst: Number.NaN, perMinute: 1 } },
    ]) {
      const [name] = Object.keys(rateLimits);
      assert.throws(
        () => createVitrineHandler({ ...options, rateLimits }),
        new RegExp(`rateLimits\\.${name} needs burst >= 1 and perMinute > 0`),
      );
    }
  });

  describe('over HTTP', () => {
    let op;
    const tokens = {};

    before(async () => {
      op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
      for (const person of ['alice', 'bob']) tokens[person] = await idTokenFor(op.issuer, person);
    });
    after(async () => {
      await op?.close();
    });

    it('rate-limits per person and per address with 429 and Retry-After', async () => {
      const limited = await startVitrine({
        db: ':memory:',
        issuer: op.issuer,
        audience: op.clientId,
        campaigns,
        rateLimits: { person: { burst: 3, perMinute: 1 }, ip: { burst: 12, perMinute: 1 } },
      });
      try {
        const vote = (person, method = 'PUT') =>
          call(limited.base, method, '/campaigns/next-icon/votes/sac-lune', {
            token: tokens[person],
          });
        for (const method of ['PUT', 'DELETE', 'PUT'])
          assert.equal((await vote('alice', method)).status, 200);
        const refused = await vote('alice', 'DELETE');
        assert.equal(refused.status, 429);
        assert.equal(refused.body.error.code, 'rate_limited');
        const retryAfter = Number(refused.headers.get('retry-after'));
        assert.ok(
          Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
          `${retryAfter}`,
        );
        const campaign = await call(limited.base, 'GET', '/campaigns/next-icon', {
          token: tokens.alice,
        });
        assert.equal(campaign.body.products[0].count, 1, 'the refused DELETE changed nothing');
        assert.equal(campaign.body.products[0].voted, true);
        // Another person still votes, until the address runs out of requests.
        assert.equal((await vote('bob')).status, 200);
        let addressRefusal;
        for (let attempt = 0; attempt < 20 && !addressRefusal; attempt += 1) {
          const reply = await call(limited.base, 'GET', '/campaigns/next-icon');
          if (reply.status === 429) addressRefusal = reply;
        }
        assert.ok(addressRefusal, 'the address limit never applied');
        assert.ok(Number(addressRefusal.headers.get('retry-after')) >= 1);
      } finally {
        await limited.close();
      }
    });
  });
});
