// The demo (site, back end on a temporary SQLite file, local OpenID Provider) under network,
// server and identity faults, as fans meet them: a sick or unreachable back end, replies
// that never arrive, live streams cut, a slow identity provider, Cross-Origin-Opener-Policy
// on either side of the popup, a fan's clock that is wrong. Each test asserts what the fan
// sees and what the back end ends up holding: localized states, nothing counted twice,
// nothing dropped. Faults on the network side go through `startDemo({ wrapApi })`
// (tests/support/faulty-api.js); the back end itself is the real one.
/* global document, window, MutationObserver -- in the callbacks puppeteer runs in the page */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { startDemo } from '../../demo/serve.js';
import { idTokenFor } from '../support/id-tokens.js';
import {
  badgeShows,
  launchBrowser,
  leaderboardCount,
  leaderboardShows,
  nextEvent,
  popupOf,
  savedInGrid,
  screenshots,
  signInAtProvider,
  accountShown,
  closeAfterLooking,
  until,
  voteSelector,
  voteSettled,
  voteState,
  watch,
} from '../support/e2e-browser.js';
import { faultyApi } from '../support/faulty-api.js';

const VOTE_PATH = /^\/campaigns\/next-icon\/votes\//;
const EVENTS_PATH = /^\/campaigns\/next-icon\/events/;

/** Records every count a vote button shows, to catch a count that is ever too high. */
const recordShownCounts = (page, productId) =>
  page.evaluate((selector) => {
    const host = document.querySelector(selector);
    const shown = (window.__shownCounts = []);
    const read = () => {
      const text = host.shadowRoot?.querySelector('[part="count"] [aria-hidden]')?.textContent;
      if (text && /\d/.test(text)) shown.push(Number(text.replace(/\D/g, '')));
    };
    read();
    new MutationObserver(read).observe(host.shadowRoot, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, voteSelector(productId));

const shownCounts = (page) => page.evaluate(() => window.__shownCounts);

/**
 * How a vote that asked for sign-in ended, once the fan is signed in: the `vitrine-vote`
 * detail, or the `vitrine-login-error`s that came instead (waits for one or the other).
 */
async function outcome(page, voted, errors) {
  await until(page, (keys) => keys.some((key) => window.__vitrineEvents?.[key]?.length > 0), {
    args: [[voted.key, errors.key]],
  });
  const [vote] = await voted.seen();
  return { errors: await errors.seen(), vote };
}

describe('faults: network, server and identity', { timeout: 300_000 }, () => {
  const faults = faultyApi();
  /** Response headers of the site's pages, changed by the COOP test. */
  const hostHeaders = {};
  let demo;
  let browser;
  let dataDir;
  let contexts = [];
  let watched = [];
  let fans = 0;
  const newLogin = (name) => `${name}.${Date.now().toString(36)}${(fans += 1)}`;
  /** What another device of `login` (or anyone, without one) gets from the back end. */
  const api = async (path, { login, method = 'GET' } = {}) => {
    const headers = {};
    if (login) {
      headers.authorization = `Bearer ${await idTokenFor(demo.issuer, login, {
        redirectUri: new URL('/', demo.url).href,
      })}`;
    }
    const response = await fetch(new URL(`api${path}`, demo.url), { method, headers });
    return { status: response.status, body: await response.json() };
  };
  const countOnServer = async (productId) =>
    (await api('/campaigns/next-icon')).body.products.find((p) => p.productId === productId).count;

  /** A fan in a browser context of their own, on the home page. */
  async function openFan({ query = '?lang=en', setUp, ignore } = {}) {
    const context = await browser.createBrowserContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const seen = await watch(page, { ignore });
    watched.push(seen);
    await setUp?.(page);
    await page.goto(new URL(`/${query}`, demo.url).href, { waitUntil: 'networkidle2' });
    return { page, seen };
  }

  /** Signs the page's fan in through the header's provider button and the popup. */
  async function signIn(page, login) {
    await page.locator('vitrine-login >>> [part~="provider-google"]').click();
    await signInAtProvider(await popupOf(page), login);
    await accountShown(page);
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-faults-'));
    demo = await startDemo({
      port: 0,
      logLevel: 'silent',
      db: join(dataDir, 'vitrine.db'),
      wrapApi: faults.wrap,
      headers: () => hostHeaders,
    });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    faults.reset();
    for (const key of Object.keys(hostHeaders)) delete hostHeaders[key];
    await Promise.all(contexts.map((context) => context.close().catch(() => {})));
    contexts = [];
    // Whatever the fault, nothing is thrown into the page and the CSP stays quiet.
    const escaped = watched.flatMap(({ problems }) =>
      problems.filter((line) => line.startsWith('exception:') || line.startsWith('CSP')),
    );
    watched = [];
    assert.deepEqual(escaped, []);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a server answering 500: the vote rolls back with a localized message, then counts once', async () => {
    const shoot = screenshots('fault-500');
    const { page, seen } = await openFan({ ignore: [/status of 500/] });
    await signIn(page, newLogin('rose'));
    await page.locator('#vote').scroll();
    const before = (await voteState(page, 'sac-lune')).count;

    faults.fail(500, { method: 'PUT', path: VOTE_PATH });
    await page.locator(`${voteSelector('sac-lune')} >>> button`).click();
    const failed = await until(
      page,
      (selector) => {
        const root = document.querySelector(selector)?.shadowRoot;
        const error = root?.querySelector('[part="error"]');
        return error && root.querySelector('[aria-busy="false"]')
          ? {
              error: error.textContent.trim(),
              role: error.getAttribute('role'),
              pressed: root.querySelector('[part~="button"]').getAttribute('aria-pressed'),
              count: root.querySelector('[part="count"] [aria-hidden]').textContent,
            }
          : undefined;
      },
      { args: [voteSelector('sac-lune')] },
    );
    assert.deepEqual(failed, {
      error: 'Your vote could not be saved. Please try again.',
      role: 'alert',
      pressed: 'false',
      count: String(before),
    });
    await shoot(page, 'vote-refused-en');
    // The page switches to French: the message follows.
    await page.select('#lang-select', 'fr');
    await until(
      page,
      (selector) =>
        document
          .querySelector(selector)
          ?.shadowRoot?.querySelector('[part="error"]')
          ?.textContent.trim() === 'Votre vote n’a pas pu être enregistré. Veuillez réessayer.',
      { args: [voteSelector('sac-lune')] },
    );
    await shoot(page, 'vote-refused-fr');
    assert.equal(await countOnServer('sac-lune'), before, 'nothing counted');

    faults.reset();
    const voted = await nextEvent(page, 'vitrine-vote');
    await page.locator(`${voteSelector('sac-lune')} >>> button`).click();
    assert.equal((await voted.next()).count, before + 1);
    assert.equal(await countOnServer('sac-lune'), before + 1, 'counted once');
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(
      seen.problems.filter((line) => !/status of 500/.test(line)),
      [],
    );
  });

  it('a vote whose reply never arrives is never counted twice, shown or stored', async () => {
    const { page } = await openFan({ ignore: [/ERR_|Failed to load|TimeoutError/] });
    const login = newLogin('hugo');
    await signIn(page, login);
    await page.locator('#vote').scroll();
    const before = (await voteState(page, 'manteau-tuileries')).count;
    await recordShownCounts(page, 'manteau-tuileries');

    // The back end counts the vote; the reply is lost on the way, and the page times out.
    // It then asks the server, which has the vote: the fan sees it counted, once.
    faults.loseReplies({ method: 'PUT', path: VOTE_PATH });
    await page.locator(`${voteSelector('manteau-tuileries')} >>> button`).click();
    const buttonIs = (pressed, busy, timeout) =>
      until(
        page,
        (selector, state) =>
          Boolean(
            document.querySelector(selector)?.shadowRoot?.querySelector(`[part~="button"]${state}`),
          ),
        {
          args: [
            voteSelector('manteau-tuileries'),
            `[aria-pressed="${pressed}"][aria-busy="${busy}"]`,
          ],
          timeout,
        },
      );
    await buttonIs(true, true);
    await buttonIs(true, false, 30_000);
    faults.reset();
    assert.equal(await countOnServer('manteau-tuileries'), before + 1, 'the server has it once');
    assert.deepEqual(await voteState(page, 'manteau-tuileries'), {
      count: before + 1,
      pressed: true,
      busy: false,
      error: null,
    });
    assert.ok(
      faults.log.some((entry) => entry.fault === 'reply lost'),
      'the reply was lost on the way',
    );
    const shown = await shownCounts(page);
    assert.ok(
      shown.every((count) => count <= before + 1),
      `the button never shows the vote twice: it showed ${shown.join(' → ')} (server: ${before} → ${before + 1})`,
    );
  });

  it('a live stream cut by the server: the page resumes, and a new vote shows once', async () => {
    const { page } = await openFan();
    await page.locator('#vote').scroll();
    const before = await leaderboardCount(page, 'pochette-soiree');
    const since = Date.now();
    assert.ok(faults.closeStreams() >= 1, 'the page had a live stream open');
    // Back on a new stream, resuming from the last event it saw.
    const resumed = await new Promise((resolve, reject) => {
      const deadline = Date.now() + 20_000;
      const check = () => {
        const again = faults.requests({ since, method: 'GET', path: EVENTS_PATH });
        if (again.length > 0) resolve(again[0].path);
        else if (Date.now() > deadline) reject(new Error('the page never reopened its stream'));
        else setTimeout(check, 100);
      };
      check();
    });
    assert.match(resumed, /lastEventId=/, 'resumes from the last event');
    await api('/campaigns/next-icon/votes/pochette-soiree', {
      login: newLogin('other'),
      method: 'PUT',
    });
    await leaderboardShows(page, 'pochette-soiree', before + 1);
    assert.equal(await leaderboardCount(page, 'pochette-soiree'), before + 1);
  });

  it('the back end away for a while: says so, backs off, keeps wishlist changes and sends them on return', async () => {
    const shoot = screenshots('fault-outage');
    const { page } = await openFan({
      ignore: [/status of 502|could not load the wishlist/],
    });
    const login = newLogin('lea');
    await signIn(page, login);
    await page.locator('vitrine-wishlist-button[product-id="bague-serment"] >>> button').click();
    await badgeShows(page, 1);
    // Wait for the first change to reach the account, so the outage holds only later ones.
    await waitFor(async () =>
      (await api('/wishlists/me', { login })).body.items.some(
        (i) => i.productId === 'bague-serment',
      ),
    );

    faults.down();
    const outageStart = Date.now();
    await page.locator('#vote').scroll();
    await until(page, () =>
      document
        .querySelector('vitrine-leaderboard')
        ?.shadowRoot?.querySelector('[part="status"]')
        ?.textContent.includes('Live updates paused. Reconnecting…'),
    );
    // Saved and unsaved while the back end is away: the page shows them at once.
    await page.locator('vitrine-wishlist-button[product-id="trench-ete"] >>> button').click();
    await page.locator('vitrine-wishlist-button[product-id="ceinture-anneau"] >>> button').click();
    await page.locator('vitrine-wishlist-button[product-id="bague-serment"] >>> button').click();
    await badgeShows(page, 2);
    assert.deepEqual(await savedInGrid(page), ['ceinture-anneau', 'trench-ete']);
    await shoot(page, 'offline-changes');
    // A few seconds of outage: retries are spaced out, not a loop.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const outageMs = Date.now() - outageStart;
    const attempts = faults.requests({ since: outageStart });
    faults.up();
    assert.ok(
      attempts.length <= Math.ceil(outageMs / 1000) + 2,
      `${attempts.length} requests in ${outageMs} ms of outage, no more than about one a second: ${attempts.map((a) => `+${a.at - outageStart}ms ${a.method} ${a.path}`).join(', ')}`,
    );

    // Back: the changes reach the account, and live counts come back.
    await waitFor(async () => {
      const items = (await api('/wishlists/me', { login })).body.items.map((i) => i.productId);
      return items.sort().join() === 'ceinture-anneau,trench-ete';
    }, 45_000);
    await until(
      page,
      () =>
        !document
          .querySelector('vitrine-leaderboard')
          ?.shadowRoot?.querySelector('[part="status"]')
          ?.textContent.includes('Reconnecting'),
      { timeout: 45_000 },
    );
    await shoot(page, 'back-online');
  });

  it('a slow identity provider: the buttons say busy, and the fan gets signed in', async () => {
    const slowMs = 1500;
    const { page } = await openFan({
      setUp: async (p) => {
        await p.setRequestInterception(true);
        p.on('request', (request) => {
          if (request.isInterceptResolutionHandled()) return;
          if (request.url().startsWith(demo.issuer)) {
            setTimeout(() => request.continue().catch(() => {}), slowMs);
          } else {
            request.continue().catch(() => {});
          }
        });
      },
    });
    await page.locator('vitrine-login >>> [part~="provider-google"]').click();
    await until(
      page,
      () =>
        document
          .querySelector('vitrine-login')
          ?.shadowRoot?.querySelector('[part="provider-list"]')
          ?.getAttribute('aria-busy') === 'true',
    );
    await signInAtProvider(await popupOf(page), newLogin('slow'));
    await accountShown(page, { timeout: 30_000 });
  });

  it('the fan closes the sign-in popup: no vote, no error, and the next try works', async () => {
    const { page } = await openFan();
    await page.locator('#vote').scroll();
    const before = (await voteState(page, 'sac-lune')).count;
    await page.locator(`${voteSelector('sac-lune')} >>> button`).click();
    await page.locator('vitrine-login >>> dialog [part~="provider-google"]').click();
    const popup = await popupOf(page);
    await closeAfterLooking(popup);
    await voteSettled(page, 'sac-lune');
    const state = await voteState(page, 'sac-lune');
    assert.deepEqual(state, { count: before, pressed: false, busy: false, error: null });
    assert.equal(await countOnServer('sac-lune'), before);

    const voted = await nextEvent(page, 'vitrine-vote');
    await page.locator(`${voteSelector('sac-lune')} >>> button`).click();
    await page.locator('vitrine-login >>> dialog [part~="provider-google"]').click();
    await signInAtProvider(await popupOf(page), newLogin('again'));
    assert.equal((await voted.next()).count, before + 1);
  });

  it('COOP on the host page: the popup still signs the fan in, and the vote goes through', async () => {
    hostHeaders['cross-origin-opener-policy'] = 'same-origin';
    const { page } = await openFan();
    const errors = await nextEvent(page, 'vitrine-login-error');
    await page.locator('#vote').scroll();
    const before = (await voteState(page, 'carre-jardin')).count;
    const voted = await nextEvent(page, 'vitrine-vote');
    await page.locator(`${voteSelector('carre-jardin')} >>> button`).click();
    await page.locator('vitrine-login >>> dialog [part~="provider-google"]').click();
    const popup = await popupOf(page);
    await popup.waitForSelector('input[name="login"]');
    // A fan reads the page before typing: longer than a glance.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await signInAtProvider(popup, newLogin('coop.host'));
    await accountShown(page);
    assert.deepEqual(await outcome(page, voted, errors), {
      errors: [],
      vote: { campaign: 'next-icon', productId: 'carre-jardin', voted: true, count: before + 1 },
    });
    assert.equal(await countOnServer('carre-jardin'), before + 1);
  });

  /**
   * Runs `test` with Cross-Origin-Opener-Policy on the local provider's pages, as real
   * providers send it on their sign-in pages (the opener then sees the popup as closed while
   * the fan is still typing): added through the browser's own request interception.
   */
  async function withCoopAtProvider(test) {
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Fetch.enable', {
      patterns: [
        { urlPattern: `${demo.issuer}/*`, requestStage: 'Response', resourceType: 'Document' },
      ],
    });
    cdp.on('Fetch.requestPaused', async ({ requestId, responseStatusCode, responseHeaders }) => {
      const headers = (responseHeaders ?? []).filter(
        ({ name }) => name.toLowerCase() !== 'cross-origin-opener-policy',
      );
      headers.push({ name: 'Cross-Origin-Opener-Policy', value: 'same-origin' });
      const redirect = responseStatusCode >= 300 && responseStatusCode < 400;
      const body = redirect
        ? ''
        : await cdp
            .send('Fetch.getResponseBody', { requestId })
            .then(({ body: text, base64Encoded }) =>
              base64Encoded ? text : Buffer.from(text).toString('base64'),
            );
      await cdp
        .send('Fetch.fulfillRequest', {
          requestId,
          responseCode: responseStatusCode,
          responseHeaders: headers,
          body,
        })
        .catch(() => {});
    });
    try {
      await test();
    } finally {
      await cdp.send('Fetch.disable').catch(() => {});
      await cdp.detach().catch(() => {});
    }
  }

  it('COOP on the identity provider: a fan who takes their time is signed in and their vote counts', () =>
    withCoopAtProvider(async () => {
      const { page } = await openFan();
      await page.locator('#vote').scroll();
      const before = (await voteState(page, 'escarpin-opera')).count;
      const errors = await nextEvent(page, 'vitrine-login-error');
      const voted = await nextEvent(page, 'vitrine-vote');
      await page.locator(`${voteSelector('escarpin-opera')} >>> button`).click();
      await page.locator('vitrine-login >>> dialog [part~="provider-google"]').click();
      const popup = await popupOf(page);
      await popup.waitForSelector('input[name="login"]');
      assert.equal(await popup.evaluate(() => window.opener), null, 'COOP cut the opener');
      // A fan reads the page before typing: longer than a glance.
      await new Promise((resolve) => setTimeout(resolve, 5000));
      await signInAtProvider(popup, newLogin('coop.provider'));
      await accountShown(page);
      assert.deepEqual(await outcome(page, voted, errors), {
        errors: [],
        vote: {
          campaign: 'next-icon',
          productId: 'escarpin-opera',
          voted: true,
          count: before + 1,
        },
      });
    }));

  it('COOP on the identity provider: a fan who closes the popup and comes back is not kept waiting', () =>
    withCoopAtProvider(async () => {
      const { page } = await openFan();
      await page.locator('#vote').scroll();
      const before = (await voteState(page, 'escarpin-opera')).count;
      const errors = await nextEvent(page, 'vitrine-login-error');
      await page.locator(`${voteSelector('escarpin-opera')} >>> button`).click();
      await page.locator('vitrine-login >>> dialog [part~="provider-google"]').click();
      const popup = await popupOf(page);
      await closeAfterLooking(popup);
      // Hidden by COOP, a closed popup looks like one still in use: nothing ends yet…
      await new Promise((resolve) => setTimeout(resolve, 4000));
      assert.deepEqual(await errors.seen(), [], 'not cancelled while the fan may still be there');
      // …until the fan is back on the page.
      await page.bringToFront();
      await page.keyboard.press('Shift');
      await until(page, (key) => window.__vitrineEvents?.[key]?.length > 0, {
        args: [errors.key],
        timeout: 10_000,
      });
      assert.deepEqual(
        (await errors.seen()).map((error) => error.code),
        ['cancelled'],
      );
      await voteSettled(page, 'escarpin-opera');
      const state = await voteState(page, 'escarpin-opera');
      assert.deepEqual(state, { count: before, pressed: false, busy: false, error: null });
    }));

  for (const [label, skewMs] of [
    ['10 minutes slow', -10 * 60_000],
    // A 1-hour token seen by a clock 59 min 50 s fast is what a 1-minute token (Keycloak's
    // kind) is to a clock 50 s fast: valid for the provider and the back end, nearly over
    // for the fan's clock.
    ['59 min 50 s fast', 59 * 60_000 + 50_000],
  ]) {
    it(`a fan whose clock is ${label}: signed in, and votes count without signing in again`, async () => {
      const { page } = await openFan({
        setUp: (p) =>
          p.evaluateOnNewDocument((skew) => {
            const now = Date.now.bind(Date);
            Date.now = () => now() + skew;
          }, skewMs),
      });
      await signIn(page, newLogin('skew'));
      // Past the token's expiry by the fan's clock (fast case), still well within it for real.
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      await page.locator('#vote').scroll();
      const before = (await voteState(page, 'boucles-etoile')).count;
      const voted = await nextEvent(page, 'vitrine-vote');
      await page.locator(`${voteSelector('boucles-etoile')} >>> button`).click();
      const dialogOpen = await page.evaluate(
        () => document.querySelector('vitrine-login')?.shadowRoot?.querySelector('dialog')?.open,
      );
      assert.notEqual(dialogOpen, true, 'not asked to sign in again');
      assert.equal((await voted.next()).count, before + 1);
    });
  }
});

/** Polls a condition in the test process (the back end, seen from another device). */
async function waitFor(check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
