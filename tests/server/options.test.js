// The options of `createVitrineHandler` (options.ts): each one that cannot work stops the start
// with a TypeError naming it, before anything is opened; the forms the README gives are taken.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createVitrineHandler } from '../../dist/server/index.js';
import { recordingLogger } from '../support/vitrine-server.js';

const valid = {
  db: ':memory:',
  issuer: 'https://id.maison.example',
  audience: 'maison-web',
  logger: recordingLogger(),
};

describe('handler options', () => {
  it('refuses options that cannot work, naming them', () => {
    for (const [options, message] of [
      [{ issuer: undefined }, /`issuer` must be the http\(s\) URL/],
      [{ issuer: 'id.maison.example' }, /`issuer` must be the http\(s\) URL/],
      [{ audience: '' }, /`audience` must be the client id/],
      [{ audience: [] }, /`audience` must be the client id/],
      [{ audience: ['maison-web', 7] }, /`audience` must be the client id/],
      [{ origins: ['maison.example'] }, /origin "maison.example" is not a URL/],
      [{ origins: ['https://maison.example/shop'] }, /must be a bare http\(s\) origin/],
      [{ origins: ['ftp://maison.example'] }, /must be a bare http\(s\) origin/],
      [{ trustProxy: -1 }, /trustProxy must be a boolean or a number of proxies/],
      [{ trustProxy: 1.5 }, /trustProxy must be a boolean or a number of proxies/],
      [{ shareTtlMs: 0 }, /shareTtlMs must be a number from 1/],
      [{ heartbeatMs: 2 ** 31 }, /heartbeatMs must be a number from 1 to 2147483647/],
    ]) {
      assert.throws(
        () => createVitrineHandler({ ...valid, ...options }),
        (error) => error instanceof TypeError && message.test(error.message),
        JSON.stringify(options),
      );
    }
  });

  it('takes every form the README gives', async () => {
    for (const options of [
      {},
      { audience: ['maison-web', 'maison-app'] },
      { origins: ['https://maison.example', 'http://127.0.0.1:5173/'] },
      { trustProxy: true },
      { trustProxy: 2 },
      { shareTtlMs: 60_000, heartbeatMs: 1000 },
      { rateLimits: { ip: false } },
    ]) {
      const handler = createVitrineHandler({ ...valid, ...options });
      assert.equal(typeof handler, 'function', JSON.stringify(options));
      await handler.close();
    }
  });
});
