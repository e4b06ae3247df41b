// Fan votes on the demo, as `npm start` serves it (site, back end at /api, local identity
// provider), in headless Chromium: an anonymous fan votes, signs in at the provider in the
// popup, and the vote counts; a second fan's page sees it arrive live.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';
import { startDemo } from '../../demo/serve.js';
import { popupOf, signInAtProvider } from '../support/provider-pages.js';

const VOTE = 'vitrine-vote[campaign="next-icon"][product-id="sac-lune"]';

/** The count a vote button shows, once it shows one. */
const countOf = (page) =>
  page
    .waitForFunction(
      (selector) => {
        const text = document
          .querySelector(selector)
          ?.shadowRoot?.querySelector('[part="count"] [aria-hidden]')?.textContent;
        // An object, so that a count of 0 still ends the wait.
        return text && /\d/.test(text) ? { count: Number(text.replace(/\D/g, '')) } : undefined;
      },
      { timeout: 15_000 },
      VOTE,
    )
    .then((handle) => handle.jsonValue())
    .then(({ count }) => count);

/** Waits until the leaderboard row of `productId` shows `count`. */
const leaderboardShows = (page, productId, count) =>
  page.waitForFunction(
    (id, expected) =>
      document
        .querySelector('vitrine-leaderboard[campaign="next-icon"]')
        ?.shadowRoot?.querySelector(`[data-product="${id}"] [part="count"] [aria-hidden]`)
        ?.textContent?.replace(/\D/g, '') === String(expected),
    { timeout: 15_000 },
    productId,
    count,
  );

describe('fan votes on the demo', { timeout: 120_000 }, () => {
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

  it('an anonymous vote asks for sign-in, counts once signed in, and shows live elsewhere', async () => {
    const home = new URL('/?lang=en', demo.url).href;
    const watcherContext = await browser.createBrowserContext();
    const watcher = await watcherContext.newPage();
    await watcher.goto(home, { waitUntil: 'networkidle2' });
    const before = await countOf(watcher);

    const fanContext = await browser.createBrowserContext();
    const fan = await fanContext.newPage();
    const problems = [];
    fan.on('pageerror', (error) => problems.push(error.message));
    await fan.goto(home, { waitUntil: 'networkidle2' });
    assert.equal(await countOf(fan), before);

    const voted = fan.evaluate(
      () =>
        new Promise((resolve) =>
          document.addEventListener('vitrine-vote', (event) => resolve(event.detail), {
            once: true,
          }),
        ),
    );
    await fan.locator(`${VOTE} >>> button`).click();
    // Anonymous: the header's <vitrine-login> opens its dialog with the reason.
    await fan.waitForFunction(
      () =>
        document.querySelector('vitrine-login')?.shadowRoot?.querySelector('dialog')?.open === true,
    );
    const heading = await fan.evaluate(
      () =>
        document.querySelector('vitrine-login').shadowRoot.querySelector('dialog h2').textContent,
    );
    assert.equal(heading, 'Sign in to vote');
    await fan.locator('vitrine-login >>> dialog [part~="provider-google"]').click();
    await signInAtProvider(await popupOf(fan), 'ines.moreau');

    const detail = await voted;
    assert.deepEqual(detail, {
      campaign: 'next-icon',
      productId: 'sac-lune',
      voted: true,
      count: before + 1,
    });
    await fan.waitForSelector(`${VOTE} >>> button[aria-pressed="true"]`);

    // The other fan's page, never reloaded, sees the vote in the button and the leaderboard.
    await watcher.waitForFunction(
      (selector, expected) =>
        document
          .querySelector(selector)
          ?.shadowRoot?.querySelector('[part="count"] [aria-hidden]')
          ?.textContent?.replace(/\D/g, '') === String(expected),
      { timeout: 15_000 },
      VOTE,
      before + 1,
    );
    await leaderboardShows(watcher, 'sac-lune', before + 1);

    // Taking the vote back is live too.
    await fan.locator(`${VOTE} >>> button`).click();
    await fan.waitForSelector(`${VOTE} >>> button[aria-pressed="false"]`);
    await leaderboardShows(watcher, 'sac-lune', before);
    assert.deepEqual(problems, []);
    await fanContext.close();
    await watcherContext.close();
  });
});
