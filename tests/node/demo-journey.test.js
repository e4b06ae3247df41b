// A shopper's way through the demo in headless Chromium, as `npm start` serves it: save two
// pieces, find them in the wishlist drawer, share the list, open the link as someone else,
// save it there, and switch the site to French. The console and the CSP stay quiet throughout.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';
import { startDemo } from '../../demo/serve.js';
import { popupOf, signInAtProvider } from '../support/provider-pages.js';

/** Text of the first element matching a `>>>`-piercing selector. */
const textOf = (page, selector) =>
  page
    .locator(selector)
    .map((element) => element.textContent?.trim() ?? '')
    .wait();

/** Console errors and warnings, page exceptions and CSP violations seen by a page. */
function watch(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return problems;
}

describe('the demo site in a browser', { timeout: 120_000 }, () => {
  let demo;
  let browser;
  before(async () => {
    demo = await startDemo({ port: 0, logLevel: 'silent', db: ':memory:' });
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('saves, lists, shares and receives a wishlist, in English and in French', async () => {
    const fan = await browser.createBrowserContext();
    const page = await fan.newPage();
    const problems = watch(page);
    await page.goto(new URL('/?lang=en', demo.url).href, { waitUntil: 'networkidle2' });

    // Two hearts on the grid; the header count follows.
    for (const id of ['sac-lune', 'carre-jardin']) {
      await page.locator(`vitrine-wishlist-button[product-id="${id}"] >>> button`).click();
      await page.waitForSelector(
        `vitrine-wishlist-button[product-id="${id}"] >>> button[aria-pressed="true"]`,
      );
    }
    assert.equal(await textOf(page, 'vitrine-wishlist-count >>> [part="badge"]'), '2');

    // The drawer lists both, newest first.
    await page.locator('#wishlist-open').click();
    await page.waitForSelector('#wishlist-dialog[open]');
    await page.waitForFunction(
      () =>
        document.querySelector('vitrine-wishlist')?.shadowRoot?.querySelectorAll('[part~="item"]')
          .length === 2,
    );
    const names = await page.$$eval('vitrine-wishlist >>> [part~="name"]', (nodes) =>
      nodes.map((node) => node.textContent?.trim()),
    );
    assert.deepEqual(names, ['Jardin Silk Square', 'Lune Bag']);

    // Share → copy link: the integrator's `vitrine-share` event carries the link.
    const shared = page.evaluate(
      () =>
        new Promise((resolve) =>
          document.addEventListener('vitrine-share', (event) => resolve(event.detail), {
            once: true,
          }),
        ),
    );
    await page.locator('vitrine-wishlist >>> vitrine-share >>> [part~="trigger"]').click();
    // The short link comes from the back end first (puppeteer's selector waits do not see
    // changes inside shadow roots, so poll for it).
    await page.waitForFunction(() =>
      document
        .querySelector('vitrine-wishlist')
        ?.shadowRoot?.querySelector('vitrine-share')
        ?.shadowRoot?.querySelector('[part~="target-copy"]'),
    );
    await page.locator('vitrine-wishlist >>> vitrine-share >>> [part~="target-copy"]').click();
    const { target, url } = await shared;
    assert.equal(target, 'copy');
    assert.equal(new URL(url).pathname, '/shared.html');
    assert.match(new URL(url).hash, /^#vitrine-shared=[\w-]{22}$/, 'a short link from /api');

    // Someone else opens the link: they see both pieces, save them, and their count shows 2.
    const friend = await browser.createBrowserContext();
    const other = await friend.newPage();
    const otherProblems = watch(other);
    await other.goto(url, { waitUntil: 'networkidle2' });
    await other.waitForFunction(
      () =>
        document
          .querySelector('vitrine-shared-wishlist')
          ?.shadowRoot?.querySelectorAll('[part~="item"]').length === 2,
    );
    await other.locator('vitrine-shared-wishlist >>> [part~="save-all"]').click();
    await other.waitForFunction(
      () =>
        document
          .querySelector('vitrine-wishlist-count')
          ?.shadowRoot?.querySelector('[part="badge"]')
          ?.textContent?.trim() === '2',
    );

    // Back on the first page, in French: the widgets and the page speak French.
    await page.locator('#wishlist-dialog .dialog-close').click();
    await page.waitForSelector('#wishlist-dialog:not([open])');
    await page.select('#lang-select', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.waitForFunction(() =>
      document
        .querySelector('vitrine-wishlist-button[product-id="sac-lune"]')
        ?.shadowRoot?.querySelector('button')
        ?.getAttribute('aria-label')
        ?.startsWith('Enregistrer Sac Lune'),
    );
    const price = await textOf(page, 'data.price[value="1250"]');
    assert.match(price, /1\s?250\s?€/);

    assert.deepEqual(problems, []);
    assert.deepEqual(otherProblems, []);
    await fan.close();
    await friend.close();
  });

  it('signs in with the local identity provider; the wishlist stays, signed in and out', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(new URL('/?lang=en', demo.url).href, { waitUntil: 'networkidle2' });
    await page.locator('vitrine-wishlist-button[product-id="escarpin-opera"] >>> button').click();

    await page.locator('vitrine-login >>> [part~="provider-google"]').click();
    await signInAtProvider(await popupOf(page), 'camille');
    await page.waitForFunction(
      () =>
        document
          .querySelector('vitrine-login')
          ?.shadowRoot?.querySelector('[part="account"]')
          ?.getAttribute('aria-label') === 'Account of Camille',
      { timeout: 15_000 },
    );
    assert.equal(await textOf(page, 'vitrine-wishlist-count >>> [part="badge"]'), '1');

    await page.locator('vitrine-wishlist-button[product-id="sac-lune"] >>> button').click();
    await page.locator('vitrine-login >>> [part="account"]').click();
    await page.locator('vitrine-login >>> [part~="sign-out"]').click();
    await page.waitForSelector('vitrine-login >>> [part~="provider-google"]');
    assert.equal(await textOf(page, 'vitrine-wishlist-count >>> [part="badge"]'), '2');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows a clear message for a damaged share link and keeps the wishlist', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(
      new URL('/shared.html#vitrine-wishlist=eyJ2IjoxLCJpdGVtcyI6W3siaWQiOi', demo.url).href,
      {
        waitUntil: 'networkidle2',
      },
    );
    const message = await textOf(page, 'vitrine-shared-wishlist >>> [part~="message"]');
    assert.match(message, /damaged|incomplete|invalid/i);
    assert.equal(
      await page.$('vitrine-shared-wishlist >>> [part~="save-all"]'),
      null,
      'nothing to save from a damaged link',
    );
    await context.close();
  });
});
