// A React page rendered on the server (react-dom/server, as Next.js does), drawn by
// vitrine/ssr and hydrated in Chromium (react-dom/client after vitrine/hydrate), both against
// the built package: the heart the server drew is the one the browser keeps, with its
// shadow root, and React reports no hydration error.
/* global document, customElements -- in the page */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { launchBrowser, until, watch } from '../support/e2e-browser.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const alias = {
  'vitrine/react': here('../../dist/react.js'),
  'vitrine/hydrate': here('../../dist/hydrate.js'),
};

async function bundle(outdir, entry, options) {
  await build({
    entryPoints: [here(`../fixtures/react-ssr/${entry}`)],
    bundle: true,
    format: 'esm',
    outfile: join(outdir, entry.replace(/\.jsx$/, '.js')),
    jsx: 'automatic',
    alias,
    logLevel: 'warning',
    ...options,
  });
  return join(outdir, entry.replace(/\.jsx$/, '.js'));
}

describe('vitrine/react rendered on the server, drawn by vitrine/ssr', () => {
  let outdir;
  let server;
  let browser;
  let url;

  before(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'vitrine-react-ssr-'));
    const client = readFileSync(
      await bundle(outdir, 'client.jsx', {
        conditions: ['module', 'browser', 'production'],
        define: { 'process.env.NODE_ENV': '"production"' },
      }),
    );
    // The server's render: Node resolves vitrine/react to the package itself (dist/react.js).
    const { App } = await import('../fixtures/react-ssr/app.js');
    const { createElement } = await import('react');
    const { renderToString } = await import('react-dom/server');
    const { renderVitrine } = await import('../../dist/ssr.js');
    const page = await renderVitrine(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Sac Lune</title>` +
        `<script type="module" src="/client.js"></script></head>` +
        `<body><div id="root">${renderToString(createElement(App))}</div></body></html>`,
    );
    server = createServer((request, response) => {
      if (request.url === '/client.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        response.end(client);
      } else {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(page);
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    rmSync(outdir, { recursive: true, force: true });
  });

  it('paints the heart before any script, then hydrates it in place', async () => {
    const page = await browser.newPage();
    const { problems } = await watch(page);
    // Before the client script runs: the server's shadow root, a labelled button.
    await page.setJavaScriptEnabled(false);
    await page.goto(url);
    const drawn = await page.evaluate(() => {
      const host = document.querySelector('vitrine-wishlist-button');
      return host?.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '';
    });
    assert.match(drawn, /Sac Lune/);
    await page.setJavaScriptEnabled(true);
    await page.evaluateOnNewDocument(() => {
      // Once the page is parsed, before its module script runs.
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        const host = document.querySelector('vitrine-wishlist-button');
        globalThis.serverButton = host?.shadowRoot?.querySelector('button');
        globalThis.serverHost = host;
      });
    });
    await page.goto(url);
    await until(page, () => customElements.get('vitrine-wishlist-button') !== undefined);
    const kept = await until(page, async () => {
      const host = document.querySelector('vitrine-wishlist-button');
      await host.updateComplete;
      return {
        host: host === globalThis.serverHost,
        button: host.shadowRoot.querySelector('button') === globalThis.serverButton,
        productId: host.productId,
      };
    });
    assert.deepEqual(kept, { host: true, button: true, productId: 'sac-lune' });
    // A tap saves the piece: the hydrated heart is live.
    await page.locator('vitrine-wishlist-button >>> button').click();
    await until(page, () =>
      document
        .querySelector('vitrine-wishlist-button')
        .shadowRoot.querySelector('button[aria-pressed="true"]'),
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
});
