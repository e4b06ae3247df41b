// `npm start` serves the back end at /api beside the demo pages, from its TypeScript sources,
// trusting the demo's own identity provider and declaring the campaigns of demo/campaigns.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../demo/serve.js';
import { idTokenFor } from '../support/id-tokens.js';
import { call, openEvents, temporaryDirectory } from '../support/vitrine-server.js';

const declared = JSON.parse(
  readFileSync(new URL('../../demo/campaigns.json', import.meta.url), 'utf8'),
);

describe('the demo’s back end at /api', { timeout: 60_000 }, () => {
  let demo;
  let directory;
  let origin;
  before(async () => {
    directory = temporaryDirectory();
    demo = await startDemo({ port: 0, logLevel: 'silent', db: join(directory.path, 'demo.db') });
    origin = new URL(demo.url).origin;
  });
  after(async () => {
    await demo?.close();
    directory?.remove();
  });

  it('declares campaigns of demo products', () => {
    for (const campaign of declared.campaigns) {
      for (const product of campaign.products) {
        readFileSync(new URL(`../../demo/public/products/${product}.svg`, import.meta.url));
      }
    }
  });

  it('takes a vote signed in at the demo’s identity provider and streams the count', async () => {
    const [campaign] = declared.campaigns;
    const [productId] = campaign.products;
    const stream = openEvents(`${origin}/api/campaigns/${campaign.id}/events`);
    try {
      await stream.nextEvents(1);
      const start = stream.events[0].json.products.find((p) => p.productId === productId).count;
      const token = await idTokenFor(demo.issuer, 'camille', { redirectUri: `${origin}/` });
      const vote = await call(origin, 'PUT', `/api/campaigns/${campaign.id}/votes/${productId}`, {
        token,
        origin,
      });
      assert.equal(vote.status, 200);
      assert.deepEqual(vote.body, { productId, count: start + 1, voted: true });
      await stream.nextEvents(2);
      assert.deepEqual(stream.events[1].json.products, [{ productId, count: start + 1 }]);
      const page = await call(origin, 'GET', `/api/campaigns/${campaign.id}`, { token });
      assert.equal(page.body.title, campaign.title);
      assert.equal(page.body.products.find((p) => p.productId === productId).voted, true);
    } finally {
      stream.close();
    }
  });

  it('answers unknown /api paths with the contract’s JSON 404, not the site', async () => {
    const reply = await call(origin, 'GET', '/api/nothing-here');
    assert.equal(reply.status, 404);
    assert.equal(reply.body.error.code, 'not_found');
  });
});
