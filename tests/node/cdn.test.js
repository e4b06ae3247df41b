// The CDN files as a brand embeds them (after `npm run build`, which `npm run test:node`
// runs first), served from a loopback origin as a CDN would serve dist/cdn/, in Chromium:
// vitrine.js registers every element but fetches an element's code only when its tag is on
// the page or added later; vitrine.bundle.js is everything in one file; the integrity
// hashes of dist/cdn/integrity.json are the ones a browser checks.
/* global customElements, requestAnimationFrame -- in the callbacks puppeteer runs in the page */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';

const CDN = 'dist/cdn';
const integrity = JSON.parse(readFileSync(join(CDN, 'integrity.json'), 'utf8'));
const pages = new Map();

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url, 'http://127.0.0.1');
  const name = pathname.slice('/cdn/'.length);
  if (pathname.startsWith('/cdn/') && Object.hasOwn(integrity, name)) {
    response.writeHead(200, {
      'content-type': 'text/javascript',
      'access-control-allow-origin': '*',
    });
    response.end(readFileSync(join(CDN, name)));
  } else if (pages.has(pathname)) {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(pages.get(pathname));
  } else {
    response.writeHead(404).end();
  }
});

const page = (path, body) => {
  pages.set(
    path,
    `<!doctype html><html lang="en"><head><title>Maison</title></head><body>${body}</body></html>`,
  );
  return path;
};
const loader = '<script type="module" src="/cdn/vitrine.js"></script>';
const HEARTS = `
  <header><vitrine-wishlist-count></vitrine-wishlist-count></header>
  <vitrine-wishlist-button product-id="sac-lune" name="Sac Lune" price="1250" currency="EUR"></vitrine-wishlist-button>
  <vitrine-wishlist-button product-id="foulard" name="Foulard" price="390" currency="EUR"></vitrine-wishlist-button>
`;
// Every element the package declares: the CDN file must register each of them.
const ALL_TAGS = JSON.parse(
  readFileSync(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'),
)
  .modules.flatMap((module) => module.declarations ?? [])
  .map((declaration) => declaration.tagName)
  .filter(Boolean);

describe('the CDN files', () => {
  let browser;
  let origin;
  before(async () => {
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    await browser?.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  /**
   * Opens `path` in a fresh profile (its own storage: a wishlist saved by one test is not in
   * the next) and records what it fetches from /cdn/, its warnings and its errors.
   */
  async function open(path, { block } = {}) {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    const fetched = [];
    const warnings = [];
    const errors = [];
    tab.on('console', (message) => {
      if (message.type() === 'warn') warnings.push(message.text());
    });
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.setRequestInterception(true);
    tab.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/cdn/')) fetched.push(pathname.slice('/cdn/'.length));
      // A CDN edge that fails: the network, not the library, is what is cut.
      if (block && block.test(pathname)) void request.abort();
      else void request.continue();
    });
    await tab.goto(`${origin}${path}`);
    return { tab, fetched, warnings, errors };
  }

  const defined = (tab) =>
    tab.evaluate((tags) => tags.filter((tag) => customElements.get(tag)), ALL_TAGS);

  it('on a page of hearts and a count, fetches their code and no other family’s', async () => {
    const { tab, fetched, errors } = await open(page('/hearts', `${HEARTS}${loader}`));
    await tab.waitForFunction(() => customElements.get('vitrine-wishlist-count'));
    const button = await tab.waitForSelector('vitrine-wishlist-button >>> button');
    await button.click();
    await tab.waitForFunction(() =>
      document.querySelector('vitrine-wishlist-count').shadowRoot.textContent.includes('1'),
    );
    assert.equal(await button.evaluate((node) => node.getAttribute('aria-pressed')), 'true');
    assert.deepEqual((await defined(tab)).sort(), [
      'vitrine-wishlist-button',
      'vitrine-wishlist-count',
    ]);
    const others = fetched.filter((name) =>
      /^(login|oidc|stories|hotspot|vote|leaderboard|share-|floating-ui|qr-code)/.test(name),
    );
    assert.deepEqual(others, [], `fetched ${fetched.join(', ')}`);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('fetches and registers a tag added to the page later', async () => {
    const { tab, errors } = await open(page('/later', `${HEARTS}${loader}`));
    await tab.waitForFunction(() => customElements.get('vitrine-wishlist-button'));
    assert.equal(await tab.evaluate(() => Boolean(customElements.get('vitrine-vote'))), false);
    await tab.evaluate(() => {
      const box = document.createElement('section');
      box.innerHTML =
        '<div><vitrine-leaderboard campaign="capsule-2026"></vitrine-leaderboard></div>';
      document.body.append(box);
    });
    await tab.waitForFunction(
      () => document.querySelector('vitrine-leaderboard').shadowRoot?.childElementCount > 0,
    );
    assert.ok((await defined(tab)).includes('vitrine-leaderboard'));
    assert.deepEqual(errors, []);
    await tab.close();
  });

  /**
   * Imports the loader as `url` (configured with `locale`, if given), clicks the first heart
   * once it is drawn, and returns the wishlist count that module's store then holds.
   */
  const clickHeart = (tab, url, locale) =>
    tab.evaluate(
      async (url, locale) => {
        const vitrine = await import(url);
        if (locale) vitrine.configure({ locale });
        await customElements.whenDefined('vitrine-wishlist-button');
        const button = document.querySelector('vitrine-wishlist-button');
        await button.updateComplete;
        button.shadowRoot.querySelector('button').click();
        return vitrine.$wishlistCount.get();
      },
      url,
      locale,
    );

  it('exports the stores the elements it loads use', async () => {
    const { tab } = await open(page('/exports', `${HEARTS}${loader}`));
    const count = await clickHeart(tab, '/cdn/vitrine.js', 'fr');
    assert.equal(count, 1);
    // configure() from the module reached the element: it speaks French.
    await tab.waitForFunction(
      () =>
        document
          .querySelector('vitrine-wishlist-button')
          .shadowRoot.querySelector('button')
          .getAttribute('aria-label') === 'Enregistrer Sac Lune dans la liste d’envies',
    );
    await tab.close();
  });

  it('keeps one copy of the stores when the page names the loader with a query string', async () => {
    const { tab, errors } = await open(
      page('/versioned', `${HEARTS}<script type="module" src="/cdn/vitrine.js?v=2"></script>`),
    );
    const count = await clickHeart(tab, '/cdn/vitrine.js?v=2');
    // The heart's click reached the stores the page imported: the elements use that copy.
    assert.equal(count, 1);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('loads sign-in when a widget asks for it on a page without <vitrine-login>', async () => {
    const { tab, errors } = await open(page('/ask', `${HEARTS}${loader}`));
    await tab.waitForFunction(() => customElements.get('vitrine-wishlist-button'));
    await tab.evaluate(async () => {
      const vitrine = await import('/cdn/vitrine.js');
      void vitrine.requestLogin({ reason: 'Sign in to vote' }).catch(() => {});
    });
    await tab.waitForFunction(
      () => document.querySelector('vitrine-login[data-vitrine-prompt]')?.shadowRoot,
    );
    assert.ok((await defined(tab)).includes('vitrine-login'));
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('fetches the hotspot card’s heart when the card opens, and draws it inside the story', async () => {
    const stories = `
      <vitrine-stories label="Heritage">
        <vitrine-story id="atelier">
          <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="The atelier">
          <vitrine-hotspot product-id="sac-lune" name="Sac Lune" x="0.5" y="0.5"></vitrine-hotspot>
        </vitrine-story>
      </vitrine-stories>`;
    const { tab, errors } = await open(page('/stories', `${stories}${loader}`));
    await tab.waitForFunction(() =>
      document.querySelector('vitrine-hotspot')?.shadowRoot?.querySelector('[part~="tag"]'),
    );
    assert.ok(!(await defined(tab)).includes('vitrine-wishlist-button'));
    await tab.evaluate(() =>
      document.querySelector('vitrine-hotspot').shadowRoot.querySelector('[part~="tag"]').click(),
    );
    await tab.waitForFunction(() =>
      document
        .querySelector('vitrine-hotspot')
        .shadowRoot.querySelector('vitrine-wishlist-button')
        ?.shadowRoot?.querySelector('button'),
    );
    assert.ok((await defined(tab)).includes('vitrine-stories'));
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('warns, and throws nothing into the page, when an element’s code cannot be fetched', async () => {
    const { tab, warnings, errors } = await open(page('/offline', `${HEARTS}${loader}`), {
      block: /\/cdn\/leaderboard-/,
    });
    await tab.waitForFunction(() => customElements.get('vitrine-wishlist-button'));
    await tab.evaluate(() => document.body.append(document.createElement('vitrine-leaderboard')));
    await tab.waitForFunction(() => customElements.get('vitrine-wishlist-count'));
    const deadline = Date.now() + 10_000;
    while (
      !warnings.some((text) => text.includes('<vitrine-leaderboard>')) &&
      Date.now() < deadline
    ) {
      await new Promise((done) => setTimeout(done, 50));
    }
    assert.ok(
      warnings.some((text) => text.includes('could not load <vitrine-leaderboard>')),
      warnings.join('\n'),
    );
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('runs vitrine.bundle.js alone: every element from one file', async () => {
    const tag = `<script type="module" src="/cdn/vitrine.bundle.js" integrity="${integrity['vitrine.bundle.js']}"></script>`;
    const { tab, fetched } = await open(page('/bundle', `${HEARTS}${tag}`));
    await tab.waitForFunction(() => customElements.get('vitrine-hotspot'));
    assert.deepEqual((await defined(tab)).sort(), [...ALL_TAGS].sort());
    assert.deepEqual(fetched, ['vitrine.bundle.js']);
    await tab.close();
  });

  it('speaks another language from vitrine.bundle.js, its catalogs inside the one file', async () => {
    const tag = '<script type="module" src="/cdn/vitrine.bundle.js"></script>';
    const { tab, fetched, errors } = await open(page('/bundle-fr', `${HEARTS}${tag}`));
    await tab.evaluate(async () => {
      const vitrine = await import('/cdn/vitrine.bundle.js');
      vitrine.configure({ locale: 'fr' });
    });
    await tab.waitForFunction(
      () =>
        document
          .querySelector('vitrine-wishlist-button')
          .shadowRoot?.querySelector('button')
          ?.getAttribute('aria-label') === 'Enregistrer Sac Lune dans la liste d’envies',
    );
    assert.deepEqual(fetched, ['vitrine.bundle.js']);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('runs with the integrity hash the build lists, and the browser refuses a wrong one', async () => {
    const good = `<script type="module" src="/cdn/vitrine.js" integrity="${integrity['vitrine.js']}"></script>`;
    const { tab } = await open(page('/sri', `${HEARTS}${good}`));
    await tab.waitForFunction(() => customElements.get('vitrine-wishlist-button'));
    await tab.close();

    const forged = integrity['vitrine.bundle.js'];
    const bad = `<script type="module" src="/cdn/vitrine.js" integrity="${forged}"></script>`;
    const refused = await open(page('/sri-wrong', `${HEARTS}${bad}`));
    // The page's own script runs after a refused module: nothing defined by then, ever.
    await refused.tab.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))),
    );
    assert.deepEqual(await defined(refused.tab), []);
    await refused.tab.close();
  });
});
