// Sign-in over real OpenID Connect: a real OpenID Provider (oidc-provider) on 127.0.0.1, the
// test page served by Vite from the sources, Debian's Chromium driven by puppeteer-core. The
// fan clicks a provider button, signs in on the provider's own page, and comes back.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { popupOf, signInAtProvider } from '../support/provider-pages.js';

const root = fileURLToPath(new URL('../fixtures/login/', import.meta.url));
const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

/** The test page's origin and the identity providers it can use (see fixtures/login/page.ts). */
async function startSite() {
  const providers = {};
  const server = await createServer({
    configFile,
    root,
    logLevel: 'silent',
    resolve: { conditions: ['module', 'browser', 'production'] },
    server: { host: '127.0.0.1', port: 0 },
    plugins: [
      {
        name: 'vitrine-test:providers',
        transformIndexHtml: (html) =>
          html.replace('%VITRINE_PROVIDERS%', JSON.stringify(providers)),
        configureServer(vite) {
          // The callback under /coop/ cuts its opener off, as strict sites do.
          vite.middlewares.use((request, response, next) => {
            if (request.url?.startsWith('/coop/')) {
              response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
            }
            next();
          });
        },
      },
    ],
  });
  await server.listen();
  const origin = new URL(server.resolvedUrls.local[0]).origin;
  const redirectUris = [`${origin}/`, `${origin}/coop/callback.html`];
  const ops = {
    main: await startIdentityProvider({ redirectUris }),
    wrongkey: await startIdentityProvider({ redirectUris, publishWrongKey: true }),
    shortlived: await startIdentityProvider({ redirectUris, idTokenTtl: 1 }),
  };
  for (const [name, op] of Object.entries(ops)) {
    providers[name] = { issuer: op.issuer, clientId: op.clientId };
  }
  return {
    origin,
    ops,
    close: () => Promise.all([server.close(), ...Object.values(ops).map((op) => op.close())]),
  };
}

/** The text of `<vitrine-login>`'s shadow part, once it is there and not empty. */
async function partText(page, part) {
  const text = await page.waitForFunction(
    (name) =>
      document
        .querySelector('vitrine-login')
        ?.shadowRoot?.querySelector(`[part~="${name}"]`)
        ?.textContent?.trim() || undefined,
    { timeout: 15_000 },
    part,
  );
  return text.jsonValue();
}

/** Resolves with the detail of the next `name` event fired by the page's `<vitrine-login>`. */
const nextEvent = (page, name) =>
  page.evaluate(
    (eventName) =>
      new Promise((resolve) =>
        document.addEventListener(eventName, (event) => resolve(event.detail), { once: true }),
      ),
    name,
  );

describe('sign-in with a real OpenID Provider', { timeout: 180_000 }, () => {
  let site;
  let browser;
  let context;
  before(async () => {
    site = await startSite();
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A fresh fan: own cookies and storage, the test page open. */
  async function open(query = '', setUp = async () => {}) {
    await context?.close();
    context = await browser.createBrowserContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await setUp(page);
    await page.goto(`${site.origin}/${query}`, { waitUntil: 'networkidle0' });
    await page.locator('vitrine-login >>> [part~="provider-google"]').wait();
    return { page, problems };
  }

  it('signs in through the popup with a verified ID token, shows the fan, signs out', async () => {
    const { page, problems } = await open();
    const signedIn = nextEvent(page, 'vitrine-login');
    await page.locator('vitrine-login >>> [part~="provider-google"]').click();
    const popup = await popupOf(page);
    await popup.waitForSelector('input[name="login"]');
    const authorize = site.ops.main.authorizations.at(-1);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorize.searchParams.get('idp'), 'google', 'provider-param sent');
    assert.equal(authorize.searchParams.get('redirect_uri'), `${site.origin}/`);
    assert.ok(authorize.searchParams.get('nonce'));
    const popupClosed = new Promise((resolve) => popup.once('close', resolve));
    await signInAtProvider(popup, 'camille.laurent');

    const { user } = await signedIn;
    assert.equal(user.sub, 'camille.laurent');
    assert.equal(user.name, 'Camille Laurent', 'name from the userinfo endpoint');
    assert.equal(user.picture, `${site.ops.main.issuer}/avatars/camille.laurent.svg`);
    assert.equal(await partText(page, 'name'), 'Camille Laurent');
    // The popup closed itself once the page had the answer.
    await popupClosed;
    // Nothing in localStorage, no code left in the address bar.
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.doesNotMatch(page.url(), /code=/);

    const signedOut = nextEvent(page, 'vitrine-logout');
    await page.locator('vitrine-login >>> [part="account"]').click();
    await page.locator('vitrine-login >>> [part~="sign-out"]').click();
    await signedOut;
    await page.locator('vitrine-login >>> [part~="provider-google"]').wait();
    assert.deepEqual(problems, []);
  });

  it('falls back to a full-page redirect when the popup is blocked, and comes back', async () => {
    // What a popup blocker does: window.open returns null.
    const { page } = await open('?op=main', (p) =>
      p.evaluateOnNewDocument(() => {
        window.open = () => null;
      }),
    );
    await Promise.all([
      page.waitForNavigation(),
      page.locator('vitrine-login >>> [part~="provider-facebook"]').click(),
    ]);
    assert.equal(new URL(page.url()).origin, site.ops.main.issuer);
    await signInAtProvider(page, 'jules');
    await page.waitForFunction(() => location.search === '?op=main', { timeout: 15_000 });
    assert.equal(await partText(page, 'name'), 'Jules');
  });

  it('completes through the channel when COOP cuts the popup from its opener', async () => {
    const { page } = await open('?redirect=/coop/callback.html');
    const signedIn = nextEvent(page, 'vitrine-login');
    await page.locator('vitrine-login >>> [part~="provider-google"]').click();
    const popup = await popupOf(page);
    await popup.waitForSelector('input[name="login"]');
    assert.equal(
      site.ops.main.authorizations.at(-1).searchParams.get('redirect_uri'),
      `${site.origin}/coop/callback.html`,
    );
    await signInAtProvider(popup, 'ines');
    const { user } = await signedIn;
    assert.equal(user.name, 'Ines');
  });

  it('ignores an answer whose state was tampered with, and says so', async () => {
    const { page } = await open('?op=main&mode=redirect');
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      const state = url.searchParams.get('state');
      if (url.origin === site.origin && state && state !== 'vitrine.forged') {
        url.searchParams.set('state', 'vitrine.forged');
        return request.respond({ status: 302, headers: { location: url.href } });
      }
      return request.continue();
    });
    await Promise.all([
      page.waitForNavigation(),
      page.locator('vitrine-login >>> [part~="provider-google"]').click(),
    ]);
    await signInAtProvider(page, 'mallory');
    assert.match(await partText(page, 'error'), /did not match/);
    assert.equal(await page.$('vitrine-login >>> [part="account"]'), null);
    assert.doesNotMatch(page.url(), /code=/);
  });

  for (const [name, query, login, pattern] of [
    ['a token signed by another key', '?op=wrongkey', 'eve', /could not be verified/],
    ['an expired ID token', '?op=shortlived', 'late', /could not be verified/],
  ]) {
    it(`refuses ${name}: no session, a clear message, vitrine-login-error`, async () => {
      // The fan's clock runs a minute ahead: the 1-second token has expired on arrival.
      const { page } = await open(query, (p) =>
        name.includes('expired')
          ? p.evaluateOnNewDocument(() => {
              const now = Date.now;
              Date.now = () => now() + 60_000;
            })
          : Promise.resolve(),
      );
      const failed = nextEvent(page, 'vitrine-login-error');
      await page.locator('vitrine-login >>> [part~="provider-google"]').click();
      await signInAtProvider(await popupOf(page), login);
      const { code, message } = await failed;
      assert.equal(code, 'token');
      assert.match(message, pattern);
      assert.match(await partText(page, 'error'), pattern);
      assert.equal(await page.$('vitrine-login >>> [part="account"]'), null);
    });
  }

  it('reports access_denied when the fan cancels at the provider', async () => {
    const { page } = await open();
    const failed = nextEvent(page, 'vitrine-login-error');
    await page.locator('vitrine-login >>> [part~="provider-google"]').click();
    const popup = await popupOf(page);
    await popup.waitForSelector('input[name="login"]');
    await popup.click('a[href*="abort"]');
    const { code } = await failed;
    assert.equal(code, 'denied');
    assert.match(await partText(page, 'error'), /declined/);
  });

  it('treats a closed popup as a cancellation, not a hang', async () => {
    const { page } = await open();
    const failed = nextEvent(page, 'vitrine-login-error');
    await page.locator('vitrine-login >>> [part~="provider-google"]').click();
    const popup = await popupOf(page);
    // The fan sees the provider's page, then closes the window.
    await popup.waitForSelector('input[name="login"]');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await popup.close();
    const { code } = await failed;
    assert.equal(code, 'cancelled');
    await page.locator('vitrine-login >>> [part~="provider-google"]:not([disabled])').wait();
    assert.equal(await page.$('vitrine-login >>> [part~="error"]'), null);
  });
});
