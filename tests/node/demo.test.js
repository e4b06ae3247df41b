// `npm start` serves a working demo: the pages, their scripts (the library resolved from
// src/ by Vite) and every product image, all from this machine.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../demo/serve.js';

describe('the demo site', () => {
  let demo;
  before(async () => {
    demo = await startDemo({ port: 0, logLevel: 'silent', db: ':memory:' });
  });
  after(() => demo?.close());

  const get = async (path) => {
    const response = await fetch(new URL(path, demo.url));
    assert.equal(response.status, 200, `${path} answered ${response.status}`);
    return response;
  };

  for (const page of ['/', '/shared.html']) {
    it(`serves ${page} with its module scripts and no outside resources`, async () => {
      const html = await (await get(page)).text();
      const scripts = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)];
      assert.ok(scripts.length > 0, `${page} loads no module script`);
      for (const [, src] of scripts) {
        const script = await get(src);
        assert.match(script.headers.get('content-type') ?? '', /javascript/);
      }
      assert.doesNotMatch(
        html,
        /(src|href)="(https?:)?\/\/(?!127\.0\.0\.1)/,
        'nothing from the network',
      );
    });
  }

  it('resolves `vitrine` to the library sources', async () => {
    const html = await (await get('/')).text();
    const sources = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)];
    let library;
    for (const [, src] of sources) {
      const code = await (await get(src)).text();
      library ??= code.match(/(?:from|import)\s*["']([^"']*src\/index\.ts[^"']*)["']/);
    }
    assert.ok(library, 'the demo script imports vitrine (src/index.ts)');
    const module = await (await get(library[1])).text();
    assert.match(module, /defineElement|wishlist/);
  });

  it('serves every product image', async () => {
    const images = readdirSync(new URL('../../demo/public/products/', import.meta.url));
    assert.ok(images.length >= 12, 'at least 12 products');
    for (const image of images) {
      const response = await get(`/products/${image}`);
      assert.match(response.headers.get('content-type') ?? '', /svg/);
    }
  });
});
