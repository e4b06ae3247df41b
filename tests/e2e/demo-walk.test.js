// The demo as a newcomer sees it: at a desktop and a phone size, light and dark, in each of
// its seven languages (Arabic right to left), six states each (the first screen, a story's
// product card, the share menu of a saved list, the house's bag with that piece in it, the
// sign-in dialog a signed-out vote opens, the identity provider's sign-in page it leads to). Each state must have no
// axe violation (contrast included), no button or link whose content overflows its box, no
// page wider than the window, no console error, and no request to a host other than the
// demo's own (the site and its identity provider, both on this machine).
// Screenshots of every state: test-results/e2e/<engine>/demo-walk-*/ (not committed).
/* global document, window, getComputedStyle, location, performance, axe -- in the callbacks puppeteer runs in the page */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../demo/serve.js';
import {
  launchBrowser,
  popupOf,
  screenshots,
  showSlide,
  until,
  watch,
} from '../support/e2e-browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SIZES = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 412, height: 823, isMobile: true, hasTouch: true },
};
const THEMES = ['light', 'dark'];
const LANGS = ['en', 'fr', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'ar'];

/** Axe's violations on the page (shadow roots included), one line each. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      targets: violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations.map(({ id, targets }) => `${id}: ${targets.join(' ')}`);
}

/**
 * Buttons and links (in shadow roots too) whose label or icon does not fit their box, and
 * whether the page scrolls sideways.
 */
const overflows = (page) =>
  page.evaluate(() => {
    const found = [];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (!element.matches('button, a, select, [role="button"]')) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden') continue;
        const name = `${element.localName}[${element.getAttribute('part') ?? element.id ?? ''}] "${element.textContent.trim().slice(0, 30)}"`;
        if (element.scrollWidth > element.clientWidth + 1)
          found.push(`${name} text wider than its box`);
        for (const inner of element.querySelectorAll('svg, span')) {
          const r = inner.getBoundingClientRect();
          if (r.width === 0 || getComputedStyle(inner).position === 'absolute') continue;
          if (r.left < box.left - 1 || r.right > box.right + 1) {
            found.push(`${name} has content outside its box`);
            break;
          }
        }
      }
    };
    visit(document);
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      found.push(
        `the page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`,
      );
    }
    return found;
  });

/** What in the header reaches past its content box (into its padding or beyond). */
const headerSpills = (page) =>
  page.evaluate(() => {
    const inner = document.querySelector('.header-inner');
    const style = getComputedStyle(inner);
    const box = inner.getBoundingClientRect();
    const left = box.left + parseFloat(style.paddingLeft);
    const right = box.right - parseFloat(style.paddingRight);
    return [...document.querySelectorAll('.header-inner > *, .header-tools > *')]
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => {
        const r = element.getBoundingClientRect();
        return r.width > 0 && (r.left < left - 1 || r.right > right + 1);
      })
      .map(
        (element) =>
          `${element.localName}.${element.className || element.id} spills out of the header`,
      );
  });

describe('the demo, walked as a newcomer', { timeout: 600_000 }, () => {
  /** The header's height in each language and theme, per size: one shape for all. */
  const headers = { desktop: [], phone: [] };
  let demo;
  let browser;
  let dataDir;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vitrine-walk-'));
    // Twenty-eight walks from one address open the share menu twenty-eight times in about
    // three minutes, past the per-address share limit a fan never meets (it has its own tests
    // in tests/server/rate-limit.test.js): the walk is about what the pages show, so it is lifted.
    demo = await startDemo({
      port: 0,
      logLevel: 'silent',
      db: join(dataDir, 'vitrine.db'),
      rateLimits: { share: false },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const theme of THEMES) {
      for (const lang of LANGS) {
        it(`${size}, ${theme}, ${lang}: clean in every state`, async () => {
          const context = await browser.createBrowserContext();
          const page = await context.newPage();
          try {
            await page.setViewport(viewport);
            await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
            // Axe goes in from the test; the demo's own policy stays as it is for the rest.
            await page.setBypassCSP(true);
            const { problems } = await watch(page);
            const own = new Set([new URL(demo.url).host, new URL(demo.issuer).host]);
            const foreign = [];
            page.on('request', (request) => {
              const url = new URL(request.url());
              if (url.protocol.startsWith('http') && !own.has(url.host)) foreign.push(url.href);
            });
            const shoot = screenshots(`demo-walk-${size}-${theme}-${lang}`);
            const findings = [];
            const check = async (state) => {
              await shoot(page, state);
              for (const line of await axeViolations(page)) findings.push(`${state}: axe ${line}`);
              for (const line of await overflows(page)) findings.push(`${state}: ${line}`);
            };

            const url = new URL(demo.url);
            url.searchParams.set('lang', lang);
            url.searchParams.set('theme', theme);
            await page.goto(url.href, { waitUntil: 'networkidle2' });
            await until(page, () =>
              document
                .querySelector('vitrine-leaderboard')
                ?.shadowRoot?.querySelector('[part~="item"]'),
            );
            await check('first-screen');
            for (const line of await headerSpills(page)) findings.push(`first-screen: ${line}`);
            const first = await page.evaluate(() => ({
              header: document.querySelector('.site-header').getBoundingClientRect().height,
              // The first slide's words, on the first screen of a desktop.
              words: document.querySelector('#since-1924 .story-text').getBoundingClientRect()
                .bottom,
            }));
            headers[size].push(`${lang} ${theme}: ${first.header}px`);
            if (size === 'desktop') {
              assert.ok(
                first.words <= viewport.height,
                `the first slide's words end at ${first.words}px`,
              );
            }

            // A story's product card.
            await page.evaluate(() => document.querySelector('vitrine-stories').scrollIntoView());
            await showSlide(page, 'atelier');
            await page.locator('vitrine-hotspot[product-id="sac-lune"] >>> [part="tag"]').click();
            await until(page, () =>
              document
                .querySelector('vitrine-hotspot[product-id="sac-lune"]')
                ?.shadowRoot?.querySelector('vitrine-vote')
                ?.shadowRoot?.querySelector('button:not([disabled])'),
            );
            await check('story-card');
            await page.locator('vitrine-hotspot[product-id="sac-lune"] >>> [part="close"]').click();

            // The share menu of a list with a piece in it.
            await page
              .locator('.product-grid vitrine-wishlist-button >>> button[aria-pressed="false"]')
              .click();
            await page.locator('#wishlist-open').click();
            await page.waitForSelector('#wishlist-dialog[open]');
            await page.locator('vitrine-wishlist >>> vitrine-share >>> [part="trigger"]').click();
            await until(page, () => {
              const share = document
                .querySelector('vitrine-wishlist')
                ?.shadowRoot?.querySelector('vitrine-share');
              return share?.shadowRoot?.querySelector('[part~="target"]');
            });
            await check('share-menu');
            await page.keyboard.press('Escape');

            // The piece into the bag, from the drawer; then the bag's own drawer.
            await page.locator('vitrine-wishlist >>> vitrine-add-to-bag >>> button').click();
            await page.waitForSelector(
              'vitrine-wishlist >>> vitrine-add-to-bag >>> button[data-state="added"]',
            );
            await page.keyboard.press('Escape');
            await until(page, () => !document.querySelector('#wishlist-dialog[open]'));
            await page.locator('#bag-open').click();
            await page.waitForSelector('#bag-dialog[open]');
            await until(page, () => document.querySelectorAll('#bag-lines .bag-line').length === 1);
            // Looked at once it has slid in (its colours are its own only then).
            await until(
              page,
              () => document.querySelector('#bag-dialog').getAnimations().length === 0,
            );
            await check('bag-drawer');
            for (const line of await headerSpills(page)) findings.push(`bag-drawer: ${line}`);
            const bag = await page.evaluate(() => {
              const drawer = document.querySelector('#bag-dialog').getBoundingClientRect();
              const outside = [...document.querySelectorAll('#bag-dialog *')]
                .filter((element) => element.getClientRects().length > 0)
                .filter((element) => {
                  const box = element.getBoundingClientRect();
                  if (getComputedStyle(element).position === 'absolute') return false;
                  return box.left < drawer.left - 1 || box.right > drawer.right + 1;
                })
                .map((element) => `${element.localName}.${element.className}`);
              return {
                header: document.querySelector('.site-header').getBoundingClientRect().height,
                count: document.querySelector('#bag-open .bag-count').textContent,
                inWindow: drawer.left >= 0 && drawer.right <= window.innerWidth + 1,
                outside,
              };
            });
            assert.equal(bag.count, new Intl.NumberFormat(lang).format(1), 'the header counts it');
            assert.ok(bag.inWindow, 'the bag drawer is inside the window');
            assert.deepEqual(bag.outside, [], 'everything in the bag drawer fits in it');
            assert.equal(bag.header, first.header, 'the header keeps its shape with the bag count');
            await page.keyboard.press('Escape');
            await until(page, () => !document.querySelector('#bag-dialog[open]'));

            // The sign-in dialog a signed-out vote opens.
            const vote = '.candidates vitrine-vote >>> [part~="button"]';
            await page.evaluate(() => document.querySelector('#vote').scrollIntoView());
            await page.locator(vote).click();
            await until(page, () =>
              document.querySelector('vitrine-login')?.shadowRoot?.querySelector('dialog[open]'),
            );
            await check('sign-in-dialog');

            // The house's sign-in page at the identity provider: styled, offline, name only.
            await page.locator('vitrine-login >>> dialog[open] [part~="provider-google"]').click();
            const provider = await popupOf(page);
            await provider.waitForSelector('input[name="login"]');
            await provider.setViewport(viewport);
            await shoot(provider, 'provider-page');
            for (const line of await axeViolations(provider)) {
              findings.push(`provider-page: axe ${line}`);
            }
            const loaded = await provider.evaluate(() => [
              location.href,
              ...performance.getEntriesByType('resource').map((entry) => entry.name),
            ]);
            for (const href of loaded) {
              if (href.startsWith('http') && !own.has(new URL(href).host)) foreign.push(href);
            }
            assert.equal(await provider.$('input[type="password"]'), null, 'no password asked');
            await provider.close();

            assert.deepEqual(
              findings,
              [],
              `what a newcomer would see (screenshots: ${shoot.folder})`,
            );
            assert.deepEqual(problems, [], 'console errors and exceptions');
            assert.deepEqual(foreign, [], 'requests to other hosts');
          } finally {
            await context.close();
          }
        });
      }
    }
    it(`${size}: the header keeps one shape in every language`, () => {
      const heights = new Set(headers[size].map((line) => line.split(': ')[1]));
      assert.equal(heights.size, 1, headers[size].join(', '));
    });
  }
});
