// The React and Vue examples (`npm run example:react`, `npm run example:vue`) as a shopper
// sees them in Chromium: the framework renders the Vitrine elements, a heart saves the
// piece and the count in the header follows.
/* global customElements -- in the callbacks puppeteer runs in the page */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';
import { startExample } from '../../examples/serve.js';

describe('the framework examples', { timeout: 180_000 }, () => {
  let browser;
  before(async () => {
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  after(() => browser?.close());

  for (const name of ['react', 'vue']) {
    it(`${name}: renders the elements, and a heart saves the piece for the whole page`, async () => {
      const example = await startExample(name, { port: 0, logLevel: 'silent' });
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        const problems = [];
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(example.url, { waitUntil: 'load' });
        const heart = 'li:first-child vitrine-wishlist-button >>> [part~="button"]';
        await page.locator(heart).wait();
        const tags = await page.evaluate(() =>
          [
            'vitrine-config',
            'vitrine-login',
            'vitrine-wishlist-count',
            'vitrine-wishlist-button',
            'vitrine-vote',
            'vitrine-wishlist',
          ].map((tag) => [
            tag,
            document.querySelector(tag)?.constructor === customElements.get(tag),
          ]),
        );
        assert.deepEqual(
          tags.filter(([, defined]) => !defined),
          [],
        );
        await page.locator(heart).click();
        await page.waitForFunction(
          () =>
            document.querySelector('[role="status"]')?.textContent === 'Saved: 1 in your wishlist.',
          { timeout: 15_000 },
        );
        await page.waitForFunction(
          () =>
            /1/.test(
              document.querySelector('vitrine-wishlist-count')?.shadowRoot?.textContent ?? '',
            ),
          { timeout: 15_000 },
        );
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
        await example.close();
      }
    });
  }
});
