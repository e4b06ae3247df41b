// Token buckets through HTTP: 429 with Retry-After per person and per address, changing
// nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, startVitrine } from '../support/vitrine-server.js';

const campaigns = [
  {
    id: 'next-icon',
    title: 'Which icon should the house make next?',
    products: ['sac-lune', 'carre-jardin', 'pochette-soiree'],
  },
];

describe('rate limits', { timeout: 120_000 }, () => {
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
