// Campaigns declared in a JSON file: validated at start, reloaded when the file changes (in
// place or replaced by a rename, as deploy tools do), a broken edit keeping the last good ones.
import assert from 'node:assert/strict';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { createVitrineHandler } from '../../dist/server/index.js';
import { REDIRECT_URI } from '../support/id-tokens.js';
import {
  call,
  openEvents,
  recordingLogger,
  startVitrine,
  temporaryDirectory,
} from '../support/vitrine-server.js';

const campaign = (id, products = ['sac-lune', 'carre-jardin']) => ({
  id,
  title: `Campaign ${id}`,
  products,
});
const write = (path, campaigns) => writeFileSync(path, JSON.stringify({ campaigns }));

/** Polls until `check` holds: file events arrive when the system delivers them. */
async function eventually(check, what) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('campaigns file', { timeout: 60_000 }, () => {
  let op;
  let directory;
  let file;
  let vitrine;
  const status = async (id) => (await call(vitrine.base, 'GET', `/campaigns/${id}`)).status;

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    directory = temporaryDirectory();
    file = join(directory.path, 'campaigns.json');
    write(file, [campaign('first')]);
    vitrine = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns: file,
    });
  });
  after(async () => {
    await vitrine?.close();
    await op?.close();
    directory?.remove();
  });

  it('serves the campaigns of the file', async () => {
    assert.equal(await status('first'), 200);
    assert.equal(await status('second'), 404);
  });

  it('reloads the file when it is written', async () => {
    write(file, [campaign('first'), campaign('second')]);
    await eventually(async () => (await status('second')) === 200, 'the new campaign');
    assert.ok(vitrine.logger.lines.some((line) => /campaigns reloaded/.test(line.message)));
  });

  it('reloads the file when another one is renamed over it', async () => {
    const staged = join(directory.path, 'campaigns.json.new');
    write(staged, [campaign('first'), campaign('third')]);
    renameSync(staged, file);
    await eventually(async () => (await status('third')) === 200, 'the renamed file');
    assert.equal(await status('second'), 404);
  });

  it('keeps the last good campaigns when an edit breaks the file, and says why', async () => {
    writeFileSync(file, '{"campaigns": [{"id": "bad id", "title": "x", "products": ["a"]}]}');
    await eventually(
      () =>
        vitrine.logger.lines.some(
          (line) => line.level === 'error' && /bad id|\.id/.test(line.message),
        ),
      'the reload error',
    );
    assert.equal(await status('third'), 200);
    writeFileSync(file, '{"campaigns": [');
    await eventually(
      () => vitrine.logger.lines.some((line) => /not valid JSON/.test(line.message)),
      'the JSON error',
    );
    assert.equal(await status('third'), 200);
  });

  it('ends the live streams of a campaign the file no longer declares', async () => {
    write(file, [campaign('first'), campaign('fourth')]);
    await eventually(async () => (await status('fourth')) === 200, 'the fourth campaign');
    const stream = openEvents(`${vitrine.base}/campaigns/fourth/events`);
    await stream.nextEvents(1);
    write(file, [campaign('first')]);
    await stream.ended;
    assert.equal(await status('fourth'), 404);
  });

  it('declares products by the id rule wishlists follow: SKUs, slugs, platform ids', async () => {
    const products = ['gid://shopify/Product/7982', 'M40712', 'sac-lune', 'p'.repeat(128)];
    const platform = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns: [{ id: 'shop:ss27', title: 'SS27', products }],
    });
    try {
      const shown = await call(platform.base, 'GET', '/campaigns/shop:ss27');
      assert.equal(shown.status, 200);
      assert.deepEqual(
        shown.body.products.map((product) => product.productId),
        products,
      );
    } finally {
      await platform.close();
    }
  });

  it('gives titles and product names in several languages, as the brand wrote them', async () => {
    const title = { en: 'Which piece next?', fr: 'Quelle pièce ensuite ?' };
    const named = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns: [
        {
          id: 'maison',
          title,
          products: [
            { productId: 'sac-lune', name: { en: 'Moon Bag', fr: 'Sac Lune' } },
            'carre-jardin',
          ],
        },
      ],
    });
    try {
      const shown = await call(named.base, 'GET', '/campaigns/maison');
      assert.equal(shown.status, 200);
      assert.deepEqual(shown.body.title, title);
      assert.deepEqual(shown.body.products, [
        { productId: 'sac-lune', name: { en: 'Moon Bag', fr: 'Sac Lune' }, count: 0 },
        { productId: 'carre-jardin', count: 0 },
      ]);
    } finally {
      await named.close();
    }
  });

  it('takes a bare array of campaigns as well as {"campaigns": [...]}', async () => {
    const bare = join(directory.path, 'bare.json');
    writeFileSync(bare, JSON.stringify([campaign('bare-array'), campaign('second')]));
    const served = await startVitrine({
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      campaigns: bare,
    });
    try {
      assert.equal((await call(served.base, 'GET', '/campaigns/bare-array')).status, 200);
      assert.equal((await call(served.base, 'GET', '/campaigns/second')).status, 200);
      writeFileSync(bare, JSON.stringify([campaign('reloaded')]));
      await eventually(
        async () => (await call(served.base, 'GET', '/campaigns/reloaded')).status === 200,
        'the bare array to be reloaded',
      );
    } finally {
      await served.close();
    }
  });

  it('says what it found in a file it refuses', () => {
    const options = {
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      logger: recordingLogger(),
    };
    const refused = join(directory.path, 'refused.json');
    const cases = [
      [
        { campaign: [campaign('x')] },
        /expected \{"campaigns": \[\.\.\.\]\} or an array of campaigns; found an object with "campaign"/,
      ],
      [{ campaigns: { id: 'x' } }, /"campaigns" is an object with "id"/],
      [{ campaigns: 'x' }, /"campaigns" is a string "x"/],
      [{}, /found an empty object/],
      ['campaigns', /found a string "campaigns"/],
      [42, /found the number 42/],
      [null, /found null/],
    ];
    for (const [content, message] of cases) {
      writeFileSync(refused, JSON.stringify(content));
      assert.throws(() => createVitrineHandler({ ...options, campaigns: refused }), message);
    }
    assert.throws(
      () => createVitrineHandler({ ...options, campaigns: { id: 'x' } }),
      /options\.campaigns: campaigns must be an array; found an object with "id"/,
    );
  });

  it('refuses to start on a broken declaration, naming the problem', () => {
    const options = {
      db: ':memory:',
      issuer: op.issuer,
      audience: op.clientId,
      logger: recordingLogger(),
    };
    const broken = join(directory.path, 'broken.json');
    const cases = [
      [[{ id: 'x', title: 'X', products: [] }], /products must list/],
      [[{ id: 'x', title: 'X', products: ['a', 'a'] }], /duplicates/],
      [[{ id: 'x', title: '', products: ['a'] }], /title/],
      [[{ id: 'x', title: 'X', products: ['a'], goal: 0 }], /goal/],
      [[{ id: 'x', title: 'X', products: ['a'], closesAt: 'soon' }], /closesAt/],
      [[campaign('x'), campaign('x')], /declared twice/],
      [[{ id: 'x/y', title: 'X', products: ['a'] }], /\.id must match/],
      [[{ id: 'x', title: 'X', products: ['sac lune'] }], /products: "sac lune" must match/],
      [[{ id: 'x', title: 'X', products: ['p'.repeat(129)] }], /must match/],
      [[{ id: 'x', title: {}, products: ['a'] }], /title must give 1 to 32 languages/],
      [[{ id: 'x', title: { 'en us': 'X' }, products: ['a'] }], /is not a language tag/],
      [[{ id: 'x', title: { fr: '' }, products: ['a'] }], /title\.fr must be a string/],
      [
        [{ id: 'x', title: 'X', products: [{ productId: 'a', name: { en: 'A\u202e' } }] }],
        /products\[0\]\.name\.en must be a string/,
      ],
      [[{ id: 'x', title: 'X', products: [{ name: 'A' }] }], /products: undefined must match/],
    ];
    for (const [campaigns, message] of cases) {
      assert.throws(() => createVitrineHandler({ ...options, campaigns }), message);
      write(broken, campaigns);
      assert.throws(() => createVitrineHandler({ ...options, campaigns: broken }), message);
    }
    assert.throws(
      () => createVitrineHandler({ ...options, campaigns: join(directory.path, 'missing.json') }),
      /ENOENT/,
    );
  });
});
