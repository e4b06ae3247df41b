// The back office (admin.ts): `/admin/` routes exist only with an admin token, answer 401 to
// any other token (a fan's ID token included), and export a campaign's counts per product
// as JSON or CSV with no personal data in either.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { createVitrineHandler } from '../../dist/server/index.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, recordingLogger, startVitrine } from '../support/vitrine-server.js';

const ADMIN_TOKEN = 'back-office-9f2c1e7a5d3b';
const CAMPAIGN = {
  id: 'next-icon',
  title: 'Next icon',
  products: ['sac-lune', 'carre-jardin', '+pochette'],
  goal: 100,
};
const EXPORT = '/admin/campaigns/next-icon/export';

describe('the back office', { timeout: 120_000 }, () => {
  let op;
  let withToken;
  let withoutToken;
  const tokens = {};

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    for (const person of ['alice', 'bob']) tokens[person] = await idTokenFor(op.issuer, person);
    const options = {
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      origins: ['https://maison.example'],
      campaigns: [CAMPAIGN],
      rateLimits: { person: false, ip: false },
    };
    withToken = await startVitrine({ ...options, adminToken: ADMIN_TOKEN });
    withoutToken = await startVitrine(options);
    for (const person of ['alice', 'bob']) {
      await call(withToken.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
        token: tokens[person],
      });
    }
    await call(withToken.base, 'PUT', '/campaigns/next-icon/votes/+pochette', {
      token: tokens.alice,
    });
  });
  after(async () => {
    await withToken?.close();
    await withoutToken?.close();
    await op?.close();
  });

  const admin = (path, token = ADMIN_TOKEN, method = 'GET') =>
    call(withToken.base, method, path, { token });

  it('does not exist without an admin token', async () => {
    for (const method of ['GET', 'POST', 'OPTIONS']) {
      const reply = await call(withoutToken.base, method, EXPORT, { token: ADMIN_TOKEN });
      assert.equal(reply.status, 404, method);
      assert.equal(reply.body.error.code, 'not_found');
    }
  });

  it('answers 401 to no token, a wrong one, and a fan’s ID token', async () => {
    const wrongSameLength = ADMIN_TOKEN.replace(/.$/, 'c');
    for (const token of [undefined, 'nope', wrongSameLength, `${ADMIN_TOKEN}x`, tokens.alice]) {
      const reply = await call(withToken.base, 'GET', EXPORT, { token });
      assert.equal(reply.status, 401, String(token));
      assert.equal(reply.body.error.code, 'unauthorized');
      assert.match(reply.headers.get('www-authenticate'), /^Bearer/);
      assert.ok(!JSON.stringify(reply.body).includes('sac-lune'), 'no counts');
    }
    const basic = await call(withToken.base, 'GET', EXPORT, {
      headers: { authorization: `Basic ${ADMIN_TOKEN}` },
    });
    assert.equal(basic.status, 401);
  });

  it('exports the counts per product as JSON, and nothing personal', async () => {
    const reply = await admin(EXPORT);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    const { exportedAt, ...rest } = reply.body;
    assert.ok(!Number.isNaN(Date.parse(exportedAt)));
    assert.deepEqual(rest, {
      id: 'next-icon',
      title: 'Next icon',
      goal: 100,
      closed: false,
      total: 3,
      products: [
        { productId: 'sac-lune', count: 2 },
        { productId: 'carre-jardin', count: 0 },
        { productId: '+pochette', count: 1 },
      ],
    });
    assert.deepEqual(
      await admin(`${EXPORT}?format=json`).then((r) => r.body.products),
      rest.products,
    );
    for (const person of ['alice', 'bob']) {
      assert.ok(!JSON.stringify(reply.body).includes(person));
    }
  });

  it('exports the same counts as CSV a spreadsheet opens safely', async () => {
    const reply = await admin(`${EXPORT}?format=csv`);
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('content-type'), /^text\/csv; charset=utf-8/);
    assert.match(
      reply.headers.get('content-disposition'),
      /attachment; filename="next-icon-votes.csv"/,
    );
    assert.equal(
      reply.body,
      "campaign,productId,count\r\nnext-icon,sac-lune,2\r\nnext-icon,carre-jardin,0\r\nnext-icon,'+pochette,1\r\n",
    );
  });

  it('refuses an unknown format or campaign with a JSON error', async () => {
    for (const [path, status] of [
      [`${EXPORT}?format=xml`, 400],
      [`${EXPORT}?format=csv&format=json`, 400],
      ['/admin/campaigns/unknown/export', 404],
      ['/admin/campaigns/%20bad/export', 400],
      ['/admin/campaigns/next-icon', 404],
      ['/admin', 404],
    ]) {
      const reply = await admin(path);
      assert.equal(reply.status, status, path);
      assert.equal(typeof reply.body.error.code, 'string');
    }
    assert.equal((await admin(EXPORT, ADMIN_TOKEN, 'DELETE')).status, 405);
  });

  it('refuses a short admin token at start', () => {
    for (const adminToken of ['short', '', 'with spaces in the token', 42]) {
      assert.throws(
        () =>
          createVitrineHandler({
            db: ':memory:',
            issuer: op.issuer,
            audience: op.clientId,
            adminToken,
            logger: recordingLogger(),
          }),
        /adminToken/,
      );
    }
  });
});
