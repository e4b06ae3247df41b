// What every end-to-end test needs: a browser (Debian's Chromium by default, Firefox with
// VITRINE_E2E_BROWSER=firefox), a watch on each page for what a shopper or an integrator
// would notice going wrong, screenshots for a person to look at, and the shadow-DOM reads.
/* global document, window -- in the callbacks puppeteer runs in the page */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';
import { firefoxPath } from '../../scripts/system.js';

export const ENGINE = process.env.VITRINE_E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** Where the screenshots go (gitignored): one folder per test file and engine. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

export function launchBrowser() {
  if (ENGINE === 'firefox') {
    return puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
    });
  }
  return puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Numbered screenshots of `name`'s steps: `shoot(page, 'signed-in')` writes
 * test-results/e2e/<name>/03-signed-in.png.
 */
export function screenshots(name) {
  const folder = join(SCREENSHOTS, ENGINE, name);
  mkdirSync(folder, { recursive: true });
  let step = 0;
  const taken = [];
  const shoot = async (page, label) => {
    step += 1;
    const path = join(folder, `${String(step).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path });
    taken.push(path);
    return path;
  };
  shoot.taken = taken;
  shoot.folder = folder;
  return shoot;
}

/**
 * Everything a page does that nobody asked for: `problems` lists console errors and warnings,
 * exceptions that reached the page, and Content-Security-Policy violations, which
 * `violations` also lists on their own. `ignore` drops expected console lines (a fault the
 * test causes on purpose). `warnings` keeps every `[vitrine]` warning, expected or not.
 */
export async function watch(page, { ignore = [] } = {}) {
  const problems = [];
  const violations = [];
  const warnings = [];
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('CSP violation:')) {
      violations.push(text);
      problems.push(text);
      return;
    }
    if (text.startsWith('[vitrine]')) warnings.push(text);
    if (message.type() !== 'error' && message.type() !== 'warn' && message.type() !== 'warning') {
      return;
    }
    if (ignore.some((pattern) => pattern.test(text))) return;
    problems.push(`console.${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      ),
    );
  });
  return { problems, violations, warnings };
}

/**
 * Waits until `read` (run in the page, with `args`) returns something truthy, and resolves
 * with it (return an object to carry a 0). Shadow roots are read by the function itself:
 * puppeteer's selector waits do not see changes inside them.
 */
export async function until(page, read, { timeout = 15_000, args = [] } = {}) {
  const handle = await page.waitForFunction(read, { timeout, polling: 100 }, ...args);
  return handle.jsonValue();
}

/** The trimmed text of the first element matching `selector` (`>>>` pierces shadow roots). */
export const textOf = (page, selector) =>
  page
    .locator(selector)
    .map((element) => element.textContent?.trim() ?? '')
    .wait();

/** The wishlist count the header badge shows. */
export const badgeCount = (page) =>
  until(page, () => {
    const badge = document
      .querySelector('vitrine-wishlist-count')
      ?.shadowRoot?.querySelector('[part="badge"]');
    return badge ? { count: Number(badge.textContent.replace(/\D/g, '') || 0) } : undefined;
  }).then(({ count }) => count);

/** Waits until the header badge shows `count`. */
export const badgeShows = (page, count) =>
  until(
    page,
    (expected) =>
      document
        .querySelector('vitrine-wishlist-count')
        ?.shadowRoot?.querySelector('[part="badge"]')
        ?.textContent?.replace(/\D/g, '') === String(expected),
    { args: [count] },
  );

/** Product ids whose grid heart is pressed. */
export const savedInGrid = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.product-grid vitrine-wishlist-button')]
      .filter(
        (button) =>
          button.shadowRoot?.querySelector('button')?.getAttribute('aria-pressed') === 'true',
      )
      .map((button) => button.getAttribute('product-id'))
      .sort(),
  );

/**
 * Starts recording `name` events that reach the document; `.next()` resolves with the detail
 * of the first one recorded (a recording in the page survives slow steps in between).
 */
export async function nextEvent(page, name) {
  const slot = `${name}-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    (eventName, key) => {
      const seen = ((window.__vitrineEvents ??= {})[key] = []);
      document.addEventListener(eventName, (event) => seen.push(event.detail ?? null), {
        once: true,
      });
    },
    name,
    slot,
  );
  return {
    key: slot,
    /** The details recorded so far, without waiting. */
    seen: () => page.evaluate((key) => window.__vitrineEvents?.[key] ?? [], slot),
    next: () =>
      until(
        page,
        (key) => window.__vitrineEvents?.[key]?.length > 0 && window.__vitrineEvents[key],
        {
          args: [slot],
        },
      ).then(([detail]) => detail),
  };
}

export { closeAfterLooking, popupOf, signInAtProvider } from './provider-pages.js';

/** Waits until the header's `<vitrine-login>` shows the account of `name`. */
export const signedInAs = (page, name) =>
  until(
    page,
    (expected) =>
      document
        .querySelector('vitrine-login')
        ?.shadowRoot?.querySelector('[part="account"]')
        ?.getAttribute('aria-label') === `Account of ${expected}`,
    { args: [name] },
  );

/** Waits until the header's `<vitrine-login>` shows a signed-in fan's account button. */
export const accountShown = (page, { timeout } = {}) =>
  until(
    page,
    () =>
      Boolean(
        document.querySelector('vitrine-login')?.shadowRoot?.querySelector('[part="account"]'),
      ),
    { timeout },
  );

/** The count a campaign's leaderboard shows for `productId`. */
export const leaderboardCount = (page, productId, campaign = 'next-icon') =>
  until(
    page,
    (id, name) => {
      const text = document
        .querySelector(`vitrine-leaderboard[campaign="${name}"]`)
        ?.shadowRoot?.querySelector(
          `[data-product="${id}"] [part="count"] [aria-hidden]`,
        )?.textContent;
      return text && /\d/.test(text) ? { count: Number(text.replace(/\D/g, '')) } : undefined;
    },
    { args: [productId, campaign] },
  ).then(({ count }) => count);

/** Waits until the leaderboard row of `productId` shows `count`. */
export const leaderboardShows = (page, productId, count, campaign = 'next-icon') =>
  until(
    page,
    (id, expected, name) =>
      document
        .querySelector(`vitrine-leaderboard[campaign="${name}"]`)
        ?.shadowRoot?.querySelector(`[data-product="${id}"] [part="count"] [aria-hidden]`)
        ?.textContent?.replace(/\D/g, '') === String(expected),
    { args: [productId, count, campaign] },
  );

/** The vote button of `productId` in the page's fan-vote section. */
export const voteSelector = (productId, campaign = 'next-icon') =>
  `.candidates vitrine-vote[campaign="${campaign}"][product-id="${productId}"]`;

/** The count a vote button shows and whether it is pressed. */
export const voteState = (page, productId) =>
  until(
    page,
    (selector) => {
      const root = document.querySelector(selector)?.shadowRoot;
      const text = root?.querySelector('[part="count"] [aria-hidden]')?.textContent;
      const button = root?.querySelector('[part~="button"]');
      if (!text || !/\d/.test(text) || !button) return undefined;
      return {
        count: Number(text.replace(/\D/g, '')),
        pressed: button.getAttribute('aria-pressed') === 'true',
        busy: button.getAttribute('aria-busy') === 'true',
        error: root.querySelector('[part="error"]')?.textContent?.trim() ?? null,
      };
    },
    { args: [voteSelector(productId)] },
  );

/** Waits until the vote button of `productId` is not busy: the vote ended, one way or another. */
export const voteSettled = (page, productId) =>
  until(
    page,
    (selector) =>
      Boolean(
        document
          .querySelector(selector)
          ?.shadowRoot?.querySelector('[part~="button"][aria-busy="false"]'),
      ),
    { args: [voteSelector(productId)] },
  );

/** Brings the heritage story to the slide `id` with its own "next" control. */
export async function showSlide(page, id) {
  for (let step = 0; step < 10; step += 1) {
    const current = await page.evaluate(
      () => document.querySelector('vitrine-story[position="current"]')?.id,
    );
    if (current === id) return;
    await page.locator('vitrine-stories >>> [part="next"]').click();
    await until(
      page,
      (before) => document.querySelector('vitrine-story[position="current"]')?.id !== before,
      {
        args: [current],
      },
    );
  }
  throw new Error(`the story never showed the slide "${id}"`);
}
