// The demo with the shopper's storage against it: full, switched off, holding corrupted or
// hostile values, or cleared by another tab of the site. The widgets keep working for the
// session, say so once in the console, and put the wishlist back in storage as soon as they
// can, so a reload loses nothing. The house's bag (demo/bag.ts) keeps working too.
/* global document, window, localStorage, sessionStorage, Storage, DOMException -- in the callbacks puppeteer runs in the page */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { startDemo } from '../../demo/serve.js';
import { idTokenFor } from '../support/id-tokens.js';
import {
  accountShown,
  badgeCount,
  badgeShows,
  launchBrowser,
  popupOf,
  savedInGrid,
  screenshots,
  signInAtProvider,
  until,
  watch,
} from '../support/e2e-browser.js';

const KEY = 'vitrine:wishlist';

/** Saves `ids` from the product grid, one heart after the other. */
async function save(page, ...ids) {
  for (const id of ids) {
    await page
      .locator(`.product-grid vitrine-wishlist-button[product-id="${id}"] >>> button`)
      .click();
    await page.waitForSelector(
      `.product-grid vitrine-wishlist-button[product-id="${id}"] >>> button[aria-pressed="true"]`,
    );
  }
}

/** The wishlist as this page's storage holds it (`undefined` when absent or unreadable). */
const stored = (page) =>
  page.evaluate((key) => {
    try {
      const raw = localStorage.getItem(key);
      return raw === null ? undefined : JSON.parse(raw);
    } catch {
      return undefined;
    }
  }, KEY);

const storedIds = async (page) =>
  ((await stored(page))?.items ?? []).map((item) => item.productId).sort();

describe('faults: the shopper’s storage', { timeout: 240_000 }, () => {
  let demo;
  let browser;
  let contexts = [];
  let watched = [];
  let fans = 0;

  before(async () => {
    demo = await startDemo({ port: 0, logLevel: 'silent', db: ':memory:' });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => {})));
    contexts = [];
    const escaped = watched.flatMap(({ problems }) =>
      problems.filter((line) => line.startsWith('exception:') || line.startsWith('CSP')),
    );
    watched = [];
    assert.deepEqual(escaped, [], 'nothing thrown into the page');
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function newContext() {
    const context = await browser.createBrowserContext();
    contexts.push(context);
    return context;
  }

  /** A tab of `context` on the home page, with `setUp` run before any script of the page. */
  async function openTab(context, { setUp, args = [], path = '/?lang=en' } = {}) {
    const page = await context.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const seen = await watch(page, { ignore: [/^\[vitrine\]/] });
    watched.push(seen);
    if (setUp) await page.evaluateOnNewDocument(setUp, ...args);
    await page.goto(new URL(path, demo.url).href, { waitUntil: 'networkidle2' });
    return { page, seen };
  }

  /** Puts the first piece of the wishlist drawer in the bag, and returns the bag's lines. */
  async function bagFromWishlist(page) {
    await page.locator('#wishlist-open').click();
    await page.waitForSelector('#wishlist-dialog[open]');
    await page.locator('vitrine-wishlist >>> vitrine-add-to-bag >>> button').click();
    await page.waitForSelector(
      'vitrine-wishlist >>> vitrine-add-to-bag >>> button[data-state="added"]',
    );
    await page.keyboard.press('Escape');
    await page.locator('#bag-open').click();
    await page.waitForSelector('#bag-dialog[open]');
    return bagLines(page);
  }

  const bagLines = (page) =>
    page.evaluate(() => ({
      count: document.querySelector('#bag-open .bag-count').textContent,
      lines: [...document.querySelectorAll('#bag-lines .bag-line-name')].map((n) => n.textContent),
    }));

  it('the bag with storage switched off: it still fills for the visit', async () => {
    const context = await newContext();
    const { page } = await openTab(context, {
      setUp: () => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      },
    });
    await save(page, 'pochette-soiree');
    assert.deepEqual(await bagFromWishlist(page), { count: '1', lines: ['Soirée Clutch'] });
  });

  it('a corrupted or hostile stored bag: the page keeps what the house sells, and adds to it', async () => {
    const context = await newContext();
    const { page } = await openTab(context, {
      setUp: () => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(
          'maison:bag',
          JSON.stringify([
            null,
            42,
            { productId: '<img src=x onerror="window.__pwned=1">', quantity: 1 },
            { productId: 'sac-lune', quantity: 'many' },
            { productId: 'carre-jardin', variantId: 'no-such-size', quantity: 1 },
            { productId: 'etole-nuage', quantity: 1e9 },
          ]),
        );
      },
    });
    // Only the stole is a line the house sells; its quantity is held to the house's limit.
    assert.deepEqual(await bagLines(page), { count: '2', lines: ['Nuage Stole'] });
    await save(page, 'pochette-soiree');
    assert.deepEqual(await bagFromWishlist(page), {
      count: '3',
      lines: ['Nuage Stole', 'Soirée Clutch'],
    });
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.evaluate(() => localStorage.setItem('maison:bag', '{"truncated'));
    await page.reload({ waitUntil: 'networkidle2' });
    assert.deepEqual(await bagLines(page), { count: '0', lines: [] });
  });

  it('a full quota: the hearts keep working, one warning, and the list is stored again once there is room', async () => {
    const shoot = screenshots('storage-full');
    const context = await newContext();
    const { page, seen } = await openTab(context, {
      setUp: () => {
        const setItem = Storage.prototype.setItem;
        window.__quotaFull = true;
        Storage.prototype.setItem = function (key, value) {
          if (window.__quotaFull)
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return setItem.call(this, key, value);
        };
      },
    });
    await save(page, 'sac-lune', 'carre-jardin', 'escarpin-opera');
    await badgeShows(page, 3);
    await page.locator('#wishlist-open').click();
    await until(
      page,
      () =>
        document.querySelector('vitrine-wishlist')?.shadowRoot?.querySelectorAll('[part~="item"]')
          .length === 3,
    );
    await shoot(page, 'three-saved-in-memory');
    await page.locator('#wishlist-dialog .dialog-close').click();
    assert.equal(
      seen.warnings.filter((line) => /memory/.test(line)).length,
      1,
      `one warning about the storage: ${seen.warnings.join(' | ')}`,
    );

    // Room again (another tab freed some): the next change stores the whole list.
    await page.evaluate(() => (window.__quotaFull = false));
    await save(page, 'bague-serment');
    await page.reload({ waitUntil: 'networkidle2' });
    await badgeCount(page);
    assert.deepEqual(
      await savedInGrid(page),
      ['bague-serment', 'carre-jardin', 'escarpin-opera', 'sac-lune'],
      'after a reload, everything saved during and after the fault',
    );
  });

  it('storage switched off (access throws): the hearts, the count and the drawer work, one warning', async () => {
    const context = await newContext();
    const { page, seen } = await openTab(context, {
      setUp: () => {
        for (const name of ['localStorage', 'sessionStorage']) {
          Object.defineProperty(window, name, {
            configurable: true,
            get() {
              throw new DOMException('The operation is insecure.', 'SecurityError');
            },
          });
        }
      },
    });
    await save(page, 'pochette-soiree', 'etole-nuage');
    await badgeShows(page, 2);
    await page.locator('#wishlist-open').click();
    await until(
      page,
      () =>
        document.querySelector('vitrine-wishlist')?.shadowRoot?.querySelectorAll('[part~="item"]')
          .length === 2,
    );
    await page.locator('vitrine-wishlist >>> [part~="remove"]').click();
    await badgeShows(page, 1);
    const storageWarnings = seen.warnings.filter((line) => /Storage/.test(line));
    assert.equal(storageWarnings.length, 1, `one warning: ${seen.warnings.join(' | ')}`);
  });

  for (const [label, value] of [
    ['truncated JSON', '{"v":1,"items":[{"productId":"sac-lune","name":"Lune'],
    ['a string', '"hello"'],
    ['a future format', '{"v":99,"items":[{"productId":"sac-lune"}]}'],
    [
      'hostile items',
      JSON.stringify({
        v: 1,
        items: [
          {
            productId: 'sac-lune',
            name: '<img src=x onerror="window.__pwned=1">Lune',
            image: 'javascript:window.__pwned=2',
            url: ' JaVaScRiPt:window.__pwned=3',
            addedAt: 1,
          },
          42,
          null,
          { productId: '' },
          { productId: 'x'.repeat(10_000) },
          { productId: 'carre-jardin', price: -1, currency: 'EVIL', addedAt: 'soon' },
        ],
      }),
    ],
  ]) {
    it(`a corrupted stored wishlist (${label}): the page works, keeps what is valid, stores a clean list`, async () => {
      const context = await newContext();
      const { page, seen } = await openTab(context, {
        // Written before any script of the page runs, on the first load only.
        setUp: (key, raw) => {
          if (sessionStorage.getItem('seeded')) return;
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem(key, raw);
        },
        args: [KEY, value],
      });
      assert.ok(seen.warnings.length <= 1, `at most one warning: ${seen.warnings.join(' | ')}`);
      const kept = await savedInGrid(page);
      assert.ok(kept.every((id) => ['sac-lune', 'carre-jardin'].includes(id)));
      await save(page, 'mocassin-marais');
      const after = await stored(page);
      assert.equal(after?.v, 1, 'a list in the current format');
      assert.deepEqual(
        after.items.map((item) => item.productId).sort(),
        [...kept, 'mocassin-marais'].sort(),
      );
      const rendered = await page.evaluate(() => {
        const root = document.querySelector('vitrine-wishlist').shadowRoot;
        return {
          images: root.querySelectorAll('img:not([part])').length,
          links: [...root.querySelectorAll('[href]')].map((a) => a.getAttribute('href')),
          pwned: window.__pwned ?? null,
        };
      });
      assert.equal(rendered.pwned, null, 'no stored markup or script ran');
      assert.equal(rendered.images, 0, 'no stored markup became an element');
      assert.ok(
        rendered.links.every((href) => /^https?:/.test(href)),
        rendered.links.join(),
      );
    });
  }

  it('another tab clears the storage: both tabs keep the list, and it is stored again', async () => {
    const shoot = screenshots('storage-cleared-by-another-tab');
    const context = await newContext();
    const { page: first, seen } = await openTab(context);
    await save(first, 'sac-lune', 'boucles-etoile');
    const { page: second } = await openTab(context);
    await badgeShows(second, 2);

    // The site's own script in the other tab (a consent banner, a sign-out) wipes storage.
    await second.evaluate(() => localStorage.clear());
    await first.bringToFront();
    await shoot(first, 'first-tab-after-clear');
    assert.deepEqual(
      await savedInGrid(first),
      ['boucles-etoile', 'sac-lune'],
      'the first tab keeps it',
    );
    await until(first, () => localStorage.getItem('vitrine:wishlist') !== null);
    assert.deepEqual(await storedIds(first), ['boucles-etoile', 'sac-lune'], 'stored again');
    assert.deepEqual(
      await savedInGrid(second),
      ['boucles-etoile', 'sac-lune'],
      'and the other tab',
    );
    assert.ok(seen.warnings.length <= 1, seen.warnings.join(' | '));
  });

  it('another tab clears the storage: a signed-in fan’s list on the account is not wiped', async () => {
    const context = await newContext();
    const { page: first } = await openTab(context);
    const login = `clear.${Date.now().toString(36)}${(fans += 1)}`;
    await first.locator('vitrine-login >>> [part~="provider-google"]').click();
    await signInAtProvider(await popupOf(first), login);
    await accountShown(first);
    await save(first, 'manteau-tuileries', 'trench-ete');
    const token = await idTokenFor(demo.issuer, login, {
      redirectUri: new URL('/', demo.url).href,
    });
    const account = async () => {
      const response = await fetch(new URL('api/wishlists/me', demo.url), {
        headers: { authorization: `Bearer ${token}` },
      });
      return (await response.json()).items.map((item) => item.productId).sort();
    };
    for (let tries = 0; (await account()).length < 2 && tries < 60; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.deepEqual(await account(), ['manteau-tuileries', 'trench-ete']);

    const { page: second } = await openTab(context);
    await second.evaluate(() => localStorage.clear());
    // Give a wrongful deletion every chance to reach the back end (sends are debounced).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual(await account(), ['manteau-tuileries', 'trench-ete'], 'the account keeps it');
    assert.deepEqual(await savedInGrid(first), ['manteau-tuileries', 'trench-ete']);
  });
});
