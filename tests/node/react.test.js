// vitrine/react in a real React 19 app: tests/fixtures/react/app.jsx, bundled here with
// esbuild against the built package (dist/react.js, as `npm i vitrine` gives it), served
// on 127.0.0.1 with the back end (dist/server) under /api and a real OpenID Provider, and
// driven in Debian's Chromium. React components and plain tags share one page.
/* global customElements -- in the callbacks puppeteer runs in the page */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { createVitrineHandler } from '../../dist/server/index.js';
import { popupOf, signInAtProvider } from '../support/provider-pages.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** The app, bundled as a brand's build would: React's and Lit's production builds. */
async function bundleApp(outdir) {
  await build({
    entryPoints: [here('../fixtures/react/app.jsx')],
    bundle: true,
    format: 'esm',
    outfile: join(outdir, 'app.js'),
    jsx: 'automatic',
    conditions: ['module', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'vitrine/react': here('../../dist/react.js') },
    logLevel: 'warning',
  });
  return readFileSync(join(outdir, 'app.js'));
}

async function startSite() {
  const outdir = mkdtempSync(join(tmpdir(), 'vitrine-react-'));
  const app = await bundleApp(outdir);
  const settings = {};
  let api;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      request.url = request.url.slice('/api'.length);
      api(request, response);
    } else if (url.pathname === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(app);
    } else if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>React storefront</title>
    <script type="application/json" id="settings">${JSON.stringify(settings)}</script>
    <script type="module" src="/app.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`);
    } else if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const op = await startIdentityProvider({ redirectUris: [`${origin}/`] });
  api = createVitrineHandler({
    db: ':memory:',
    issuer: op.issuer,
    audience: op.clientId,
    origins: [origin],
    campaigns: here('../../demo/campaigns.json'),
    logger: { info() {}, warn() {}, error: (message) => console.error(message) },
  });
  Object.assign(settings, { api: `${origin}/api`, issuer: op.issuer, clientId: op.clientId });
  return {
    origin,
    close: async () => {
      await api.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await op.close();
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}

/** `aria-pressed` of the button inside the element matched by `selector`. */
const pressed = (page, selector) =>
  page.$eval(
    selector,
    (element) =>
      element.shadowRoot?.querySelector('[part~="button"]')?.getAttribute('aria-pressed') ?? null,
  );

const waitFor = (page, fn, ...args) => page.waitForFunction(fn, { timeout: 15_000 }, ...args);

describe('vitrine/react in a React 19 app', { timeout: 180_000 }, () => {
  let site;
  let browser;
  let page;
  const problems = [];
  before(async () => {
    site = await startSite();
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const context = await browser.createBrowserContext();
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${site.origin}/`, { waitUntil: 'load' });
    await page.locator('#react-heart >>> [part~="button"]').wait();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('renders the components as the elements, with their props as properties', async () => {
    const elements = await page.evaluate(() =>
      ['react-heart', 'plain-heart', 'react-vote', 'react-count'].map((id) => {
        const element = document.getElementById(id);
        return {
          tag: element.localName,
          defined: customElements.get(element.localName) === element.constructor,
          productId: element.productId ?? null,
        };
      }),
    );
    assert.deepEqual(elements, [
      { tag: 'vitrine-wishlist-button', defined: true, productId: 'sac-lune' },
      { tag: 'vitrine-wishlist-button', defined: true, productId: 'sac-lune' },
      { tag: 'vitrine-vote', defined: true, productId: 'sac-lune' },
      { tag: 'vitrine-wishlist-count', defined: true, productId: null },
    ]);
    // The configuration reached <vitrine-config> as attributes.
    const config = await page.$eval('vitrine-config', (element) => ({
      api: element.getAttribute('api'),
      clientId: element.getAttribute('client-id'),
    }));
    assert.equal(config.api, `${site.origin}/api`);
    assert.equal(config.clientId, 'maison-aurele');
  });

  it('updates a prop on the element when React state changes (both ways of writing the tag)', async () => {
    const labels = () =>
      page.evaluate(() =>
        ['react-heart', 'plain-heart'].map((id) => {
          const element = document.getElementById(id);
          return [element.showLabel, !!element.shadowRoot.querySelector('[part~="label"]')];
        }),
      );
    assert.deepEqual(await labels(), [
      [false, false],
      [false, false],
    ]);
    await page.click('#toggle-label');
    await waitFor(page, () =>
      ['react-heart', 'plain-heart'].every(
        (id) => document.getElementById(id).shadowRoot.querySelector('[part~="label"]') !== null,
      ),
    );
    assert.deepEqual(await labels(), [
      [true, true],
      [true, true],
    ]);
    await page.click('#toggle-label');
    await waitFor(page, () => !document.getElementById('plain-heart').hasAttribute('show-label'));
  });

  it('fires onWishlistChange, and a React heart and a plain-tag heart share the wishlist', async () => {
    assert.equal(await pressed(page, '#plain-heart'), 'false');
    await page.locator('#react-heart >>> [part~="button"]').click();
    await waitFor(page, () => document.getElementById('react-saved').textContent === 'saved');
    assert.deepEqual(await page.evaluate(() => window.seen.wishlist), [
      { productId: 'sac-lune', saved: true, count: 1 },
    ]);
    await waitFor(
      page,
      () =>
        document
          .getElementById('plain-heart')
          .shadowRoot.querySelector('[part~="button"]')
          .getAttribute('aria-pressed') === 'true',
    );
    assert.equal(await pressed(page, '#react-heart'), 'true');

    // The plain tag's heart unsaves it: its `onvitrine-wishlist-change` fires, and the
    // React heart follows.
    await page.locator('#plain-heart >>> [part~="button"]').click();
    await waitFor(page, () => window.seen.plainWishlist.length === 1);
    assert.deepEqual(await page.evaluate(() => window.seen.plainWishlist), [
      { productId: 'sac-lune', saved: false, count: 0 },
    ]);
    await waitFor(
      page,
      () =>
        document
          .getElementById('react-heart')
          .shadowRoot.querySelector('[part~="button"]')
          .getAttribute('aria-pressed') === 'false',
    );
    // onWishlistChange belongs to the React heart alone.
    assert.equal(await page.evaluate(() => window.seen.wishlist.length), 1);
  });

  it('fires onLogin after a real sign-in, then onVote, and the plain tag shows the same vote', async () => {
    await page.locator('vitrine-login >>> [part~="provider-google"]').click();
    const popup = await popupOf(page);
    await signInAtProvider(popup, 'camille');
    await waitFor(page, () => window.seen.login.length === 1);
    const [user] = await page.evaluate(() => window.seen.login);
    assert.equal(user.sub, 'camille');

    await page.locator('#react-vote >>> [part~="button"]').click();
    await waitFor(page, () => window.seen.vote.length === 1);
    assert.deepEqual(await page.evaluate(() => window.seen.vote), [
      { campaign: 'next-icon', productId: 'sac-lune', voted: true, count: 1 },
    ]);
    await waitFor(
      page,
      () =>
        document
          .getElementById('plain-vote')
          .shadowRoot.querySelector('[part~="button"]')
          ?.getAttribute('aria-pressed') === 'true',
    );
    assert.deepEqual(problems, []);
  });

  it('fires onAddToBag from the wishlist, with the piece, for the brand to put in its bag', async () => {
    await page.locator('#react-heart >>> [part~="button"]').click();
    await page.locator('#react-wishlist >>> vitrine-add-to-bag >>> [part~="button"]').click();
    await waitFor(page, () => window.seen.bag.length === 1);
    assert.deepEqual(await page.evaluate(() => window.seen.bag), [
      { items: [{ productId: 'sac-lune', quantity: 1 }], source: 'wishlist' },
    ]);
    assert.deepEqual(problems, []);
  });

  it('fires onStoryView for each slide shown, with React children as the slides', async () => {
    await waitFor(page, () => window.seen.story.length === 1);
    await page.locator('#heritage >>> [part~="next"]').click();
    await waitFor(page, () => window.seen.story.length === 2);
    assert.deepEqual(await page.evaluate(() => window.seen.story), [
      { storiesId: 'heritage', id: 'atelier', index: 0 },
      { storiesId: 'heritage', id: 'capsule', index: 1 },
    ]);
    assert.deepEqual(problems, []);
  });
});
