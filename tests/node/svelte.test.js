// The plain tags in a Svelte 5 app (tests/fixtures/svelte), compiled here with Svelte's own
// compiler and bundled with esbuild against the built package (dist/wishlist.js), in
// Debian's Chromium: attributes follow Svelte state and `onvitrine-…` handlers fire, as the
// vitrine/svelte types promise.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { compile } from 'svelte/compiler';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const svelte = {
  name: 'svelte',
  setup(builder) {
    builder.onLoad({ filter: /\.svelte$/ }, (args) => ({
      contents: compile(readFileSync(args.path, 'utf8'), {
        filename: args.path,
        generate: 'client',
      }).js.code,
      loader: 'js',
    }));
  },
};

async function bundleApp() {
  const result = await build({
    entryPoints: [here('../fixtures/svelte/main.js')],
    bundle: true,
    format: 'esm',
    write: false,
    conditions: ['module', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'vitrine/wishlist': here('../../dist/wishlist.js') },
    plugins: [svelte],
    logLevel: 'warning',
  });
  return result.outputFiles[0].contents;
}

describe('the tags in a Svelte 5 app', { timeout: 120_000 }, () => {
  let server;
  let browser;
  let page;
  const problems = [];
  before(async () => {
    const app = await bundleApp();
    server = createServer((request, response) => {
      if (request.url === '/app.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        response.end(app);
      } else if (request.url === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Svelte storefront</title>' +
            '<script type="module" src="/app.js"></script></head><body><div id="root"></div></body></html>',
        );
      } else response.writeHead(204).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await page.locator('#heart >>> [part~="button"]').wait();
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });

  it('sets attributes from state and calls the onvitrine-wishlist-change handler', async () => {
    const label = () =>
      page.$eval('#heart', (heart) => heart.shadowRoot.querySelector('[part~="label"]') !== null);
    assert.equal(await label(), false);
    await page.click('#toggle-label');
    await page.waitForFunction(
      () => document.getElementById('heart').shadowRoot.querySelector('[part~="label"]'),
      { timeout: 15_000 },
    );

    await page.locator('#heart >>> [part~="button"]').click();
    await page.waitForFunction(() => document.getElementById('saved').textContent === 'saved', {
      timeout: 15_000,
    });
    assert.deepEqual(await page.evaluate(() => window.seen), [
      { productId: 'sac-lune', saved: true, count: 1 },
    ]);
    assert.match(await page.$eval('#count', (count) => count.shadowRoot.textContent), /1/);
    assert.deepEqual(problems, []);
  });
});
