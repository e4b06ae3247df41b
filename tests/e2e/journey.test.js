// Two fans on the demo, started the way `npm start` starts it (site, back end on a temporary
// SQLite file, local OpenID Provider) on free loopback ports, each in a browser context of
// their own. Fan A saves one piece from the heritage story and one from the grid as a guest,
// signs in at the provider, and keeps both; A votes and B's leaderboard moves live; A shares
// the list by short link; B opens it read-only and saves it all; both reload and nothing is
// lost. The same journey runs again on the strict variant (CSP header, Trusted Types) where
// not one securitypolicyviolation may fire. A shopper then fills the house's bag from the
// wishlist drawer and a story's card, meets the house's limit, empties a line and reloads.
// Screenshots: test-results/e2e/<engine>/journey-*/.
/* global document, getComputedStyle -- in the callbacks puppeteer runs in the page */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../demo/serve.js';
import {
  badgeCount,
  badgeShows,
  launchBrowser,
  leaderboardCount,
  leaderboardShows,
  nextEvent,
  popupOf,
  savedInGrid,
  screenshots,
  signInAtProvider,
  showSlide,
  signedInAs,
  textOf,
  until,
  voteSelector,
  voteState,
  watch,
} from '../support/e2e-browser.js';

/** The product ids the wishlist drawer lists. */
const drawerIds = (page) =>
  page.evaluate(() =>
    [
      ...(document
        .querySelector('vitrine-wishlist')
        ?.shadowRoot?.querySelectorAll('[part~="item"]') ?? []),
    ]
      .map((item) => item.querySelector('[part~="name"]')?.textContent?.trim())
      .sort(),
  );

/** Opens the header's wishlist drawer and waits until it lists `count` items. */
async function openDrawer(page, count) {
  await page.locator('#wishlist-open').click();
  await page.waitForSelector('#wishlist-dialog[open]');
  await until(
    page,
    (n) =>
      document.querySelector('vitrine-wishlist')?.shadowRoot?.querySelectorAll('[part~="item"]')
        .length === n,
    { args: [count] },
  );
}

/** What the header's bag button shows: its count, or 0 when it shows none. */
const bagCount = (page) =>
  page.evaluate(() => {
    const badge = document.querySelector('#bag-open .bag-count');
    return badge && !badge.hidden ? Number(badge.textContent) : 0;
  });

/** Waits until the header's bag button shows `count`. */
const bagShows = (page, count) =>
  until(
    page,
    (n) => {
      const badge = document.querySelector('#bag-open .bag-count');
      return (badge && !badge.hidden ? Number(badge.textContent) : 0) === n;
    },
    { args: [count] },
  );

/** The bag drawer as the shopper reads it: each line, and the total. */
const bagDrawer = (page) =>
  page.evaluate(() => ({
    lines: [...document.querySelectorAll('#bag-lines .bag-line')].map((line) => ({
      name: line.querySelector('.bag-line-name').textContent,
      details: line.querySelector('.bag-line-details').textContent,
      price: line.querySelector('.bag-line-price').textContent,
    })),
    total: document.querySelector('#bag-dialog .bag-total-amount').textContent,
  }));

/**
 * The "Add to bag" button of the wishlist drawer's item named `name`, or with `name` null
 * its "Add all to bag".
 */
const wishlistBagButton = (page, name) =>
  page.evaluateHandle((wanted) => {
    const root = document.querySelector('vitrine-wishlist').shadowRoot;
    const host = wanted
      ? [...root.querySelectorAll('[part~="item"]')]
          .find((item) => item.querySelector('[part~="name"]').textContent.trim() === wanted)
          ?.querySelector('vitrine-add-to-bag')
      : root.querySelector('[part~="add-all"]');
    return host.shadowRoot.querySelector('button');
  }, name);

/** Waits until `button` (an "Add to bag" handle) says `label`, and returns what it says. */
const saysOnButton = (page, button, label) =>
  until(page, (element, text) => element.textContent.trim().startsWith(text), {
    args: [button, label],
  });

for (const strict of [false, true]) {
  const variant = strict ? 'strict' : 'plain';
  describe(`two fans on the ${strict ? 'strict-CSP ' : ''}demo`, { timeout: 240_000 }, () => {
    let demo;
    let browser;
    let dataDir;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-'));
      demo = await startDemo({
        port: 0,
        logLevel: 'silent',
        db: join(dataDir, 'vitrine.db'),
        strict,
      });
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await demo?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('saves as a guest, signs in, votes live, shares, receives, reloads: nothing lost', async () => {
      const shoot = screenshots(`journey-${variant}`);
      const home = new URL('/?lang=en', demo.url).href;
      const contextA = await browser.createBrowserContext();
      const contextB = await browser.createBrowserContext();
      const a = await contextA.newPage();
      const b = await contextB.newPage();
      await a.setViewport({ width: 1200, height: 900 });
      await b.setViewport({ width: 1200, height: 900 });
      const seenA = await watch(a);
      const seenB = await watch(b);
      // One page in front at a time: a background tab may not paint, and clicks wait for it.
      await a.bringToFront();
      if (strict) {
        const response = await a.goto(home, { waitUntil: 'networkidle2' });
        assert.match(
          response.headers()['content-security-policy'],
          /require-trusted-types-for 'script'; trusted-types lit-html/,
        );
      } else {
        await a.goto(home, { waitUntil: 'networkidle2' });
      }
      await shoot(a, 'a-home');

      // 1. A guest saves the Lune Bag from the story's hotspot…
      await a.locator('#heritage').scroll();
      // Stopped first, as a fan who wants to look closer does: the story plays on its own.
      await a.locator('vitrine-stories >>> [part="rotation"]').click();
      await a.waitForSelector('vitrine-stories >>> [part="progress"]:not([data-rotating])');
      await showSlide(a, 'atelier');
      await a.locator('vitrine-hotspot[product-id="sac-lune"] >>> [part="tag"]').click();
      const saveInCard =
        'vitrine-hotspot[product-id="sac-lune"] >>> vitrine-wishlist-button >>> button';
      await a.locator(saveInCard).click();
      await a.waitForSelector(`${saveInCard}[aria-pressed="true"]`);
      await shoot(a, 'a-saved-from-story');
      await a.locator('vitrine-hotspot[product-id="sac-lune"] >>> [part="close"]').click();

      // 2. …and the Jardin Silk Square from the grid. The header counts both.
      await a.locator('vitrine-wishlist-button[product-id="carre-jardin"] >>> button').click();
      await badgeShows(a, 2);
      assert.deepEqual(await savedInGrid(a), ['carre-jardin', 'sac-lune']);
      await shoot(a, 'a-saved-from-grid');

      // 3. Signs in through the provider's popup, and still has both.
      await a.locator('vitrine-login >>> [part~="provider-google"]').click();
      const popup = await popupOf(a);
      // The provider sends the popup back to the site's own page (the redirect URI), which
      // runs Vitrine under the same policy: watched too.
      const seenPopup = await watch(popup);
      await signInAtProvider(popup, 'ana.fan');
      await signedInAs(a, 'Ana Fan');
      await badgeShows(a, 2);
      assert.deepEqual(await savedInGrid(a), ['carre-jardin', 'sac-lune']);
      await shoot(a, 'a-signed-in');

      // 4. B watches the leaderboard; A votes; B's page moves without a reload.
      await b.bringToFront();
      await b.goto(home, { waitUntil: 'networkidle2' });
      await b.locator('#vote').scroll();
      const before = await leaderboardCount(b, 'pochette-soiree');
      await a.bringToFront();
      await a.locator('#vote').scroll();
      const voted = await nextEvent(a, 'vitrine-vote');
      await a.locator(`${voteSelector('pochette-soiree')} >>> button`).click();
      assert.deepEqual(await voted.next(), {
        campaign: 'next-icon',
        productId: 'pochette-soiree',
        voted: true,
        count: before + 1,
      });
      await shoot(a, 'a-voted');
      await b.bringToFront();
      await leaderboardShows(b, 'pochette-soiree', before + 1);
      await shoot(b, 'b-leaderboard-live');

      // 5. A shares the list: a short link from the back end.
      await a.bringToFront();
      const shared = await nextEvent(a, 'vitrine-share');
      await openDrawer(a, 2);
      await a.locator('vitrine-wishlist >>> vitrine-share >>> [part~="trigger"]').click();
      await until(a, () =>
        document
          .querySelector('vitrine-wishlist')
          ?.shadowRoot?.querySelector('vitrine-share')
          ?.shadowRoot?.querySelector('[part~="target-copy"]'),
      );
      await shoot(a, 'a-share-menu');
      await a.locator('vitrine-wishlist >>> vitrine-share >>> [part~="target-copy"]').click();
      const { url } = await shared.next();
      assert.match(new URL(url).hash, /^#vitrine-shared=[\w-]{22}$/, 'a short link');
      await a.keyboard.press('Escape');

      // 6. B opens it: read-only (no remove buttons), then "save all".
      await b.bringToFront();
      await b.goto(url, { waitUntil: 'networkidle2' });
      await until(
        b,
        () =>
          document
            .querySelector('vitrine-shared-wishlist')
            ?.shadowRoot?.querySelectorAll('[part~="item"]').length === 2,
      );
      const readOnly = await b.evaluate(() => {
        const root = document.querySelector('vitrine-shared-wishlist').shadowRoot;
        return {
          names: [...root.querySelectorAll('[part~="name"]')].map((n) => n.textContent.trim()),
          removable: root.querySelectorAll('[part~="remove"], input, [contenteditable]').length,
        };
      });
      assert.deepEqual(readOnly.names.sort(), ['Jardin Silk Square', 'Lune Bag']);
      assert.equal(readOnly.removable, 0, 'a shared list cannot be edited');
      await shoot(b, 'b-shared-list');
      await b.locator('vitrine-shared-wishlist >>> [part~="save-all"]').click();
      await badgeShows(b, 2);
      await shoot(b, 'b-saved-all');
      // The landing page has the house's bag too: "Add all to bag" fills it.
      await b.locator('vitrine-shared-wishlist >>> [part~="add-all"] >>> button').click();
      await bagShows(b, 2);

      // 7. Both reload: B's list and A's list stay (A's page forgets the session: tokens
      // live in memory), and A's vote still counts on B's leaderboard.
      await a.reload({ waitUntil: 'networkidle2' });
      assert.equal(await badgeCount(a), 2);
      assert.deepEqual(await savedInGrid(a), ['carre-jardin', 'sac-lune']);
      await b.goto(home, { waitUntil: 'networkidle2' });
      assert.equal(await badgeCount(b), 2);
      assert.deepEqual(await savedInGrid(b), ['carre-jardin', 'sac-lune']);
      await b.locator('#vote').scroll();
      await leaderboardShows(b, 'pochette-soiree', before + 1);
      await shoot(b, 'b-after-reload');

      // 8. A signs in again: the account's copy of the list and the vote are still there.
      await a.bringToFront();
      await a.locator('vitrine-login >>> [part~="provider-google"]').click();
      await signInAtProvider(await popupOf(a), 'ana.fan');
      await signedInAs(a, 'Ana Fan');
      await a.locator('#vote').scroll();
      // The fan's own votes come back with the session.
      await a.waitForSelector(`${voteSelector('pochette-soiree')} >>> button[aria-pressed="true"]`);
      assert.deepEqual(await voteState(a, 'pochette-soiree'), {
        count: before + 1,
        pressed: true,
        busy: false,
        error: null,
      });
      await openDrawer(a, 2);
      assert.deepEqual(await drawerIds(a), ['Jardin Silk Square', 'Lune Bag']);
      assert.equal(await textOf(a, 'vitrine-wishlist-count >>> [part="badge"]'), '2');
      await shoot(a, 'a-after-reload-signed-in');

      assert.deepEqual(seenA.violations, [], 'no CSP violation on A’s pages');
      assert.deepEqual(seenB.violations, [], 'no CSP violation on B’s pages');
      assert.deepEqual(seenPopup.violations, [], 'no CSP violation in the sign-in callback');
      assert.deepEqual(seenA.problems, []);
      assert.deepEqual(seenB.problems, []);
      await contextA.close();
      await contextB.close();
    });

    it('fills the bag from the wishlist and a story, keeps its limit, and keeps it on reload', async () => {
      const shoot = screenshots(`journey-bag-${variant}`);
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      const seen = await watch(page);
      await page.goto(new URL('/?lang=en', demo.url).href, { waitUntil: 'networkidle2' });
      assert.equal(await bagCount(page), 0);

      // 1. Two pieces in the wishlist: the fragrance in its 100 ml bottle, and the Lune Bag.
      for (const id of ['eau-de-minuit', 'sac-lune']) {
        await page.locator(`vitrine-wishlist-button[product-id="${id}"] >>> button`).click();
      }
      await badgeShows(page, 2);

      // 2. From the wishlist drawer, one piece into the bag: the header counts it, the bag
      // lists it with its bottle size and its price.
      await openDrawer(page, 2);
      const one = await wishlistBagButton(page, 'Eau de Minuit');
      await one.click();
      await saysOnButton(page, one, 'Added to bag');
      await shoot(page, 'added-from-wishlist');
      await page.keyboard.press('Escape');
      await until(page, () => !document.querySelector('#wishlist-dialog[open]'));
      await bagShows(page, 1);
      await page.locator('#bag-open').click();
      await page.waitForSelector('#bag-dialog[open]');
      assert.deepEqual(await bagDrawer(page), {
        lines: [{ name: 'Eau de Minuit', details: '100 ml · Quantity: 1', price: '€185' }],
        total: '€185',
      });
      // A modal drawer: the page behind does not scroll, and the rest of the page is inert.
      assert.deepEqual(
        await page.evaluate(() => ({
          scroll: getComputedStyle(document.documentElement).overflowY,
          focusInside: document.querySelector('#bag-dialog').contains(document.activeElement),
        })),
        { scroll: 'hidden', focusInside: true },
      );
      await shoot(page, 'bag-one-piece');
      await page.keyboard.press('Escape');
      await until(page, () => !document.querySelector('#bag-dialog[open]'));
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'bag-open');

      // 3. "Add all to bag": both pieces, one more of each. Once more, and the house's limit
      // (two of a piece) refuses it: the button says so and the bag does not change.
      await openDrawer(page, 2);
      const all = await wishlistBagButton(page, null);
      await all.click();
      await saysOnButton(page, all, 'Added to bag');
      await bagShows(page, 3);
      await all.click();
      await saysOnButton(page, all, 'Could not be added');
      assert.equal(await bagCount(page), 3);
      await shoot(page, 'add-all-refused');
      await page.keyboard.press('Escape');
      await until(page, () => !document.querySelector('#wishlist-dialog[open]'));

      // 4. From a story: the Jardin Silk Square's card in the heritage story.
      await page.locator('#heritage').scroll();
      await page.locator('#heritage vitrine-stories >>> [part="rotation"]').click();
      await page.waitForSelector(
        '#heritage vitrine-stories >>> [part="progress"]:not([data-rotating])',
      );
      await showSlide(page, 'silk');
      const hotspot = '#heritage vitrine-hotspot[product-id="carre-jardin"]';
      await page.locator(`${hotspot} >>> [part="tag"]`).click();
      await page.locator(`${hotspot} >>> vitrine-add-to-bag >>> button`).click();
      await page.waitForSelector(
        `${hotspot} >>> vitrine-add-to-bag >>> button[data-state="added"]`,
      );
      assert.match(
        await textOf(page, `${hotspot} >>> vitrine-add-to-bag >>> button`),
        /^Added to bag/,
      );
      await shoot(page, 'added-from-story');
      await page.locator(`${hotspot} >>> [part="close"]`).click();
      await bagShows(page, 4);

      // 5. The bag lists the three pieces; the Lune Bag leaves it.
      await page.locator('#bag-open').click();
      await page.waitForSelector('#bag-dialog[open]');
      assert.deepEqual(await bagDrawer(page), {
        lines: [
          { name: 'Eau de Minuit', details: '100 ml · Quantity: 2', price: '€370' },
          { name: 'Lune Bag', details: 'Quantity: 1', price: '€1,250' },
          { name: 'Jardin Silk Square', details: 'Quantity: 1', price: '€420' },
        ],
        total: '€2,040',
      });
      await shoot(page, 'bag-three-pieces');
      await page.locator('#bag-lines button[aria-label="Remove Lune Bag from your bag"]').click();
      await bagShows(page, 3);
      const kept = {
        lines: [
          { name: 'Eau de Minuit', details: '100 ml · Quantity: 2', price: '€370' },
          { name: 'Jardin Silk Square', details: 'Quantity: 1', price: '€420' },
        ],
        total: '€790',
      };
      assert.deepEqual(await bagDrawer(page), kept);
      assert.equal(await textOf(page, '#bag-status'), 'Lune Bag has been removed from your bag.');
      assert.ok(
        await page.evaluate(() =>
          document.querySelector('#bag-dialog').contains(document.activeElement),
        ),
        'focus stays in the drawer',
      );

      // 6. A reload: the bag is as the shopper left it.
      await page.reload({ waitUntil: 'networkidle2' });
      await bagShows(page, 3);
      await page.locator('#bag-open').click();
      await page.waitForSelector('#bag-dialog[open]');
      assert.deepEqual(await bagDrawer(page), kept);
      await shoot(page, 'bag-after-reload');

      assert.deepEqual(seen.violations, [], 'no CSP violation');
      assert.deepEqual(seen.problems, []);
      await context.close();
    });
  });
}
