import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/login/index.js';
import type { VitrineLogin } from '../../src/login/login.js';
import { $loginError } from '../../src/login/outcome.js';
import { configure } from '../../src/core/config.js';
import {
  $session,
  KEPT_SESSION_KEY,
  getIdToken,
  logout,
  requestLogin,
  setPending,
  startSession,
  type SessionUser,
} from '../../src/stores/session.js';
import { $wishlist, addToWishlist } from '../../src/stores/wishlist.js';
import { callBackend, newFan, signInAs, useBackend } from '../support/backend-client.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

const camille: SessionUser = {
  sub: 'camille',
  name: 'Camille Laurent',
  email: 'camille@example.com',
  picture: 'https://id.maison.example/avatars/camille.png',
};

/** What a verified sign-in leaves behind (the OIDC flow itself runs in tests/node/login.test.js). */
function signIn(user: SessionUser = camille, expiresIn = 3600_000): void {
  startSession(user, { idToken: 'id-token', expiresAt: Date.now() + expiresIn }, 'google');
}

const part = (el: HTMLElement, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: HTMLElement, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const activeInShadow = (el: HTMLElement) => el.shadowRoot!.activeElement;

/** Puts the page in an in-app browser for the elements created while `run` executes. */
async function withUserAgent<T>(userAgent: string, run: () => Promise<T>): Promise<T> {
  Object.defineProperty(navigator, 'userAgent', { value: userAgent, configurable: true });
  try {
    return await run();
  } finally {
    delete (navigator as { userAgent?: string }).userAgent;
  }
}

describe('<vitrine-login>', () => {
  beforeEach(() => {
    resetVitrine();
    logout();
    $loginError.set(undefined);
  });

  describe('signed out', () => {
    it('offers one button per provider, in order, with each brand’s own wording', async () => {
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login
          providers="google facebook apple x pinterest wechat line"
        ></vitrine-login>`,
      );
      const buttons = parts(el, 'provider');
      expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal([
        'Sign in with Google',
        'Continue with Facebook',
        'Sign in with Apple',
        'Sign in with X',
        'Continue with Pinterest',
        'Sign in with WeChat',
        'Log in with LINE',
      ]);
      expect(buttons.every((b) => b.querySelector('svg[aria-hidden="true"]'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('takes the providers of <vitrine-config> when it names none', async () => {
      configure({ providers: ['apple', 'line'] });
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      expect(parts(el, 'provider').map((b) => b.getAttribute('part'))).to.deep.equal([
        'provider provider-apple',
        'provider provider-line',
      ]);
    });

    it('drops an unknown provider with a warning', async () => {
      let el!: VitrineLogin;
      const warnings = await captureWarnings(async () => {
        el = await fixture<VitrineLogin>(
          html`<vitrine-login providers="google myspace"></vitrine-login>`,
        );
      });
      expect(parts(el, 'provider')).to.have.length(1);
      expect(warnings.join('\n')).to.match(/myspace/);
    });

    it('falls back to popup mode, with a warning, for an unknown mode', async () => {
      let el!: VitrineLogin;
      const warnings = await captureWarnings(async () => {
        el = await fixture<VitrineLogin>(
          html`<vitrine-login providers="google" mode="iframe"></vitrine-login>`,
        );
      });
      expect(el.mode).to.equal('popup');
      expect(warnings.join('\n')).to.match(/mode="iframe"/);
    });

    it('names icon-only buttons in the compact variant', async () => {
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login compact providers="google apple"></vitrine-login>`,
      );
      const [google, apple] = parts(el, 'provider');
      expect(google!.getAttribute('aria-label')).to.equal('Sign in with Google');
      expect(apple!.getAttribute('aria-label')).to.equal('Sign in with Apple');
      expect(google!.textContent!.trim()).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('floats its news under a compact header login instead of growing it', async () => {
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login compact providers="google apple"></vitrine-login>`,
      );
      const before = el.getBoundingClientRect().height;
      setPending('google');
      await el.updateComplete;
      const status = el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
      expect(status.textContent).to.contain('Signing in');
      expect(el.getBoundingClientRect().height).to.equal(before);
      expect(status.getBoundingClientRect().top).to.be.at.least(el.getBoundingClientRect().bottom);
      await expect(el).to.be.accessible();
      setPending(undefined);
    });

    it('speaks French and Chinese, and follows a locale change at run time', async () => {
      configure({ locale: 'fr' });
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google facebook"></vitrine-login>`,
      );
      await until(
        () => parts(el, 'provider')[0]?.textContent?.trim() === 'Se connecter avec Google',
        'French labels',
      );
      expect(part(el, 'provider-list')!.getAttribute('aria-label')).to.equal('Se connecter avec');

      configure({ locale: 'zh-Hans' });
      await until(
        () => parts(el, 'provider')[1]?.textContent?.trim() === '通过 Facebook 继续',
        'Chinese labels',
      );
      await expect(el).to.be.accessible();
    });

    it('reaches every provider with Tab', async () => {
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google apple facebook"></vitrine-login>`,
      );
      const [google, apple, facebook] = parts(el, 'provider');
      google!.focus();
      await sendKeys({ press: 'Tab' });
      expect(activeInShadow(el)).to.equal(apple);
      await sendKeys({ press: 'Tab' });
      expect(activeInShadow(el)).to.equal(facebook);
    });

    it('shows a busy state while a sign-in is in progress', async () => {
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google apple"></vitrine-login>`,
      );
      setPending('google');
      await el.updateComplete;
      expect(parts(el, 'provider').every((b) => (b as HTMLButtonElement).disabled)).to.equal(true);
      expect(part(el, 'provider-list')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Signing in');
      await expect(el).to.be.accessible();
      setPending(undefined);
      expect($session.get().status).to.equal('anonymous');
    });
  });

  describe('before sign-in is set up', () => {
    it('says at load, and shows the marketer, that sign-in is not set up yet', async () => {
      let el!: VitrineLogin;
      const warnings = await captureWarnings(async () => {
        el = await fixture<VitrineLogin>(
          html`<vitrine-login providers="line wechat"></vitrine-login>`,
        );
      });
      expect(warnings).to.include(
        '[vitrine] <vitrine-login> cannot sign anyone in: <vitrine-config> has no issuer and client-id, so the widget shows "Sign-in is not set up on this site yet." Write <vitrine-config issuer="https://id.example.com" client-id="web-shop">, for example.',
      );
      expect(part(el, 'setup')!.textContent).to.equal('Sign-in is not set up on this site yet.');
      await expect(el).to.be.accessible();

      configure({ issuer: 'https://id.maison.example', clientId: 'maison-web' });
      await el.updateComplete;
      expect(part(el, 'setup')).to.equal(null);
    });

    it('says so when providers names none it knows, instead of going quiet', async () => {
      configure({ issuer: 'https://id.maison.example', clientId: 'maison-web', providers: '' });
      let el!: VitrineLogin;
      const warnings = await captureWarnings(async () => {
        el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      });
      expect(parts(el, 'provider')).to.have.length(0);
      expect(warnings).to.include(
        '[vitrine] <vitrine-login> has no provider to offer (providers names none Vitrine knows), so no sign-in button is shown. Write providers="google apple", for example; known: google facebook apple x pinterest wechat line.',
      );
    });
  });

  describe('when sign-in fails', () => {
    it('says that sign-in is not set up when <vitrine-config> lacks an issuer', async () => {
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google" mode="redirect"></vitrine-login>`,
      );
      let event!: CustomEvent;
      const warnings = await captureWarnings(async () => {
        setTimeout(() => parts(el, 'provider')[0]!.click());
        event = await oneEvent(el, 'vitrine-login-error');
      });
      expect(warnings.join('\n')).to.match(/needs issuer and client-id/);
      expect(event.detail).to.deep.equal({
        code: 'config',
        message: 'Sign-in is not set up on this site yet.',
      });
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.equal('Sign-in is not set up on this site yet.');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect($session.get().status).to.equal('anonymous');
      await expect(el).to.be.accessible();
    });

    it('says the service is unavailable when the issuer cannot be reached, in French too', async () => {
      // A real request to a closed port on this machine.
      configure({ issuer: 'http://127.0.0.1:9', clientId: 'maison-web', locale: 'fr' });
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google" mode="redirect"></vitrine-login>`,
      );
      const warnings = await captureWarnings(async () => {
        setTimeout(() => parts(el, 'provider')[0]!.click());
        const event = await oneEvent(el, 'vitrine-login-error');
        expect(event.detail.code).to.equal('issuer');
        expect(event.detail.message).to.equal(
          'Le service de connexion est indisponible pour le moment. Réessayez plus tard.',
        );
      });
      expect(warnings.join('\n')).to.match(/unreachable/);
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.match(/indisponible/);
      // Nothing half-signed-in: no pending state, no token, the buttons usable again.
      expect($session.get()).to.deep.equal({ status: 'anonymous' });
      expect(getIdToken()).to.equal(undefined);
      expect((parts(el, 'provider')[0] as HTMLButtonElement).disabled).to.equal(false);
    });

    it('refuses an issuer that is not https (except on this machine)', async () => {
      configure({ issuer: 'http://id.maison.example', clientId: 'maison-web' });
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google" mode="redirect"></vitrine-login>`,
      );
      await captureWarnings(async () => {
        setTimeout(() => parts(el, 'provider')[0]!.click());
        const event = await oneEvent(el, 'vitrine-login-error');
        expect(event.detail.code).to.equal('config');
      });
    });

    it('shows the message in the page’s language, even after it changes', async () => {
      $loginError.set({ code: 'denied', message: 'Sign-in was declined.' });
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google"></vitrine-login>`,
      );
      configure({ locale: 'fr' });
      await until(() => /refusée/.test(part(el, 'error')?.textContent ?? ''), 'French message');
    });

    it('opens no window when sign-in is not set up', async () => {
      const opened: unknown[] = [];
      const open = window.open;
      window.open = (...args: Parameters<typeof window.open>) => (opened.push(args), null);
      try {
        const el = await fixture<VitrineLogin>(
          html`<vitrine-login providers="google"></vitrine-login>`,
        );
        await captureWarnings(async () => {
          setTimeout(() => parts(el, 'provider')[0]!.click());
          await oneEvent(el, 'vitrine-login-error');
        });
      } finally {
        window.open = open;
      }
      expect(opened).to.have.length(0);
    });

    it('clears the message once a sign-in succeeds', async () => {
      $loginError.set({ code: 'denied', message: 'Sign-in was declined.' });
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google"></vitrine-login>`,
      );
      expect(part(el, 'error')).to.exist;
      signIn();
      $loginError.set(undefined);
      await el.updateComplete;
      expect(part(el, 'error')).to.equal(null);
    });
  });

  describe('signed in', () => {
    it('shows the fan’s picture and name from the verified claims', async () => {
      signIn();
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google"></vitrine-login>`,
      );
      expect(part(el, 'name')!.textContent).to.equal('Camille Laurent');
      const avatar = part(el, 'avatar') as HTMLImageElement;
      expect(avatar.tagName).to.equal('IMG');
      expect(avatar.getAttribute('src')).to.equal(camille.picture);
      expect(avatar.alt).to.equal('');
      expect(parts(el, 'provider')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('never renders a picture that is not http(s); shows the initial instead', async () => {
      signIn({ sub: 'x', name: 'élodie', picture: 'javascript:alert(1)' });
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(part(el, 'avatar')!.textContent).to.equal('É');
    });

    it('renders a name as text, never as markup', async () => {
      signIn({ sub: 'x', name: '<img src=x onerror=alert(1)>' });
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      expect(part(el, 'name')!.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect(part(el, 'name')!.querySelector('img')).to.equal(null);
    });

    it('opens the account menu from the keyboard, focuses sign-out, closes on Escape', async () => {
      signIn();
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      const account = part(el, 'account') as HTMLButtonElement;
      expect(account.getAttribute('aria-expanded')).to.equal('false');
      expect(part(el, 'menu')!.hidden).to.equal(true);

      account.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(account.getAttribute('aria-expanded')).to.equal('true');
      expect(account.getAttribute('aria-controls')).to.equal(part(el, 'menu')!.id);
      expect(part(el, 'menu')!.hidden).to.equal(false);
      expect(activeInShadow(el)).to.equal(part(el, 'sign-out'));
      expect(part(el, 'menu')!.textContent).to.contain('Signed in as Camille Laurent');
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(part(el, 'menu')!.hidden).to.equal(true);
      expect(activeInShadow(el)).to.equal(account);
    });

    it('places the menu inside the viewport next to the account button', async () => {
      signIn();
      const el = await fixture<VitrineLogin>(
        html`<div style="display:flex;justify-content:flex-end">
          <vitrine-login></vitrine-login>
        </div>`,
      ).then((wrapper) => wrapper.querySelector('vitrine-login')!);
      (part(el, 'account') as HTMLButtonElement).click();
      const menu = part(el, 'menu')!;
      await until(() => menu.style.transform !== '' || menu.style.left !== '', 'the menu placed');
      const box = menu.getBoundingClientRect();
      const anchor = part(el, 'account')!.getBoundingClientRect();
      expect(box.right).to.be.at.most(innerWidth);
      expect(box.left).to.be.at.least(0);
      expect(box.top).to.be.at.least(anchor.bottom);
    });

    it('closes the menu when focus tabs out of it', async () => {
      signIn();
      const wrapper = await fixture<HTMLElement>(
        html`<div><vitrine-login></vitrine-login><button>After</button></div>`,
      );
      const el = wrapper.querySelector('vitrine-login')!;
      const account = part(el, 'account') as HTMLButtonElement;
      account.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(activeInShadow(el)).to.equal(part(el, 'sign-out'));
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(document.activeElement).to.equal(wrapper.querySelector('button'));
      expect(part(el, 'menu')!.hidden).to.equal(true);
      expect(account.getAttribute('aria-expanded')).to.equal('false');
    });

    it('closes the menu on a click elsewhere on the page', async () => {
      signIn();
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      (part(el, 'account') as HTMLButtonElement).click();
      await el.updateComplete;
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      await el.updateComplete;
      expect(part(el, 'menu')!.hidden).to.equal(true);
    });

    it('signs out: forgets the user and every token, fires vitrine-logout', async () => {
      signIn();
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google"></vitrine-login>`,
      );
      (part(el, 'account') as HTMLButtonElement).click();
      await el.updateComplete;
      setTimeout(() => part(el, 'sign-out')!.click());
      const event = await oneEvent(el, 'vitrine-logout');
      expect(event.bubbles && event.composed).to.equal(true);
      expect($session.get()).to.deep.equal({ status: 'anonymous' });
      expect(getIdToken()).to.equal(undefined);
      await el.updateComplete;
      expect(parts(el, 'provider')).to.have.length(1);
    });

    it('names the compact account button after the fan', async () => {
      signIn();
      const el = await fixture<VitrineLogin>(html`<vitrine-login compact></vitrine-login>`);
      expect(part(el, 'account')!.getAttribute('aria-label')).to.equal(
        'Account of Camille Laurent',
      );
      expect(part(el, 'name')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('treats an expired ID token as signed out', async () => {
      signIn(camille, -1000);
      expect(getIdToken()).to.equal(undefined);
      expect($session.get().status).to.equal('anonymous');
    });
  });

  describe('keeping the session', () => {
    it('keeps tokens in memory only by default: nothing in either storage', async () => {
      await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      signIn();
      expect(sessionStorage.getItem(KEPT_SESSION_KEY)).to.equal(null);
      expect(JSON.stringify({ ...localStorage })).not.to.contain('id-token');
    });

    it('is not switched off by another <vitrine-login> without keep-session', async () => {
      await fixture(
        html`<div>
          <vitrine-login keep-session></vitrine-login><vitrine-login compact></vitrine-login>
        </div>`,
      );
      signIn();
      expect(sessionStorage.getItem(KEPT_SESSION_KEY)).not.to.equal(null);
    });

    it('with keep-session, keeps it in this tab’s sessionStorage, never localStorage', async () => {
      await fixture<VitrineLogin>(html`<vitrine-login keep-session></vitrine-login>`);
      signIn();
      expect(JSON.parse(sessionStorage.getItem(KEPT_SESSION_KEY)!).tokens.idToken).to.equal(
        'id-token',
      );
      expect(JSON.stringify({ ...localStorage })).not.to.contain('id-token');
      logout();
      expect(sessionStorage.getItem(KEPT_SESSION_KEY)).to.equal(null);
    });
  });

  describe('in an in-app browser', () => {
    const instagram =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 325.0.0.0 (iPhone14,2; iOS 17_4; fr_FR)';

    it('says sign-in works best in the browser and offers to open the page there', async () => {
      const el = await withUserAgent(instagram, () =>
        fixture<VitrineLogin>(html`<vitrine-login providers="google"></vitrine-login>`),
      );
      const notice = part(el, 'notice')!;
      expect(notice.textContent).to.contain('Instagram may block it here');
      const open = notice.querySelector('a')!;
      expect(open.href).to.equal(location.href);
      expect(open.target).to.equal('_blank');
      expect(parts(el, 'provider')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('names the app the way the fan’s language does', async () => {
      configure({ locale: 'zh-Hans' });
      const wechat =
        'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560';
      const el = await withUserAgent(wechat, () =>
        fixture<VitrineLogin>(html`<vitrine-login providers="wechat"></vitrine-login>`),
      );
      await until(
        () => (part(el, 'notice')?.textContent ?? '').includes('微信'),
        'WeChat in Chinese',
      );
    });

    it('still lets the fan try here, from the keyboard', async () => {
      const el = await withUserAgent(instagram, () =>
        fixture<VitrineLogin>(html`<vitrine-login providers="google"></vitrine-login>`),
      );
      const anyway = [...part(el, 'notice')!.querySelectorAll('button')].find((b) =>
        b.textContent!.includes('Try here anyway'),
      )!;
      anyway.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(parts(el, 'provider')).to.have.length(1);
    });
  });

  describe('requestLogin()', () => {
    it('resolves at once when the fan is already signed in', async () => {
      signIn();
      await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      expect(await requestLogin()).to.deep.equal(camille);
    });

    it('opens a dialog with the reason and the providers, and resolves once signed in', async () => {
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google apple"></vitrine-login>`,
      );
      const asked = requestLogin({ reason: 'Sign in to vote' });
      await el.updateComplete;
      const dialog = part(el, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(dialog.querySelector('h2')!.textContent).to.equal('Sign in to vote');
      expect(dialog.querySelectorAll('[part~="provider"]')).to.have.length(2);
      await expect(el).to.be.accessible();

      signIn();
      expect(await asked).to.deep.equal(camille);
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
    });

    it('spells the providers out in the dialog, even for a compact header login', async () => {
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login compact providers="google apple"></vitrine-login>`,
      );
      const asked = requestLogin();
      await el.updateComplete;
      const dialog = part(el, 'dialog')!;
      expect(
        [...dialog.querySelectorAll('[part~="provider"]')].map((b) => b.textContent!.trim()),
      ).to.deep.equal(['Sign in with Google', 'Sign in with Apple']);
      // Full-width buttons, their mark and label inside: not the header's 40 px squares.
      const dialogWidth = dialog.getBoundingClientRect().width;
      for (const button of dialog.querySelectorAll<HTMLElement>('[part~="provider"]')) {
        const box = button.getBoundingClientRect();
        expect(box.width).to.be.greaterThan(dialogWidth * 0.6);
        expect(button.scrollWidth).to.be.at.most(button.clientWidth);
        for (const inside of button.querySelectorAll('svg, span')) {
          const r = inside.getBoundingClientRect();
          expect(r.left).to.be.at.least(box.left);
          expect(r.right).to.be.at.most(box.right);
        }
      }
      (dialog as HTMLDialogElement).close();
      await asked.catch(() => {});
    });

    it('rejects when the fan closes the dialog with Escape', async () => {
      const el = await fixture<VitrineLogin>(
        html`<vitrine-login providers="google apple"></vitrine-login>`,
      );
      let rejected = false;
      const asked = requestLogin().catch(() => (rejected = true));
      await el.updateComplete;
      await sendKeys({ press: 'Escape' });
      await asked;
      expect(rejected).to.equal(true);
      expect((part(el, 'dialog') as HTMLDialogElement).open).to.equal(false);
    });

    it('adds a dialog of its own when the page has no <vitrine-login>', async () => {
      configure({ providers: ['google', 'facebook'] });
      const asked = requestLogin({ reason: 'Sign in to save' });
      const host = document.querySelector<VitrineLogin>('vitrine-login[data-vitrine-prompt]')!;
      await until(
        () => (part(host, 'dialog') as HTMLDialogElement | null)?.open === true,
        'dialog',
      );
      expect(parts(host, 'provider')).to.have.length(2);
      expect(part(host, 'account')).to.equal(null);
      signIn();
      await asked;
      host.remove();
    });
  });

  describe("the fan's own data", () => {
    /** Signs a new fan in on the test back end, with a vote and a wishlist there. */
    async function fanWithData() {
      await useBackend();
      const fan = newFan('dpo');
      await signInAs(fan);
      const voted = await callBackend({
        login: fan,
        method: 'PUT',
        path: '/campaigns/icons/votes/sac-lune',
      });
      expect(voted.status).to.equal(200);
      const saved = await callBackend({
        login: fan,
        method: 'PUT',
        path: '/wishlists/me',
        body: { items: [{ productId: 'carre-jardin', addedAt: 1_760_000_000_000 }] },
      });
      expect(saved.status).to.equal(200);
      return fan;
    }
    const countOf = async (productId: string) => {
      const campaign = await callBackend<{ products: Array<{ productId: string; count: number }> }>(
        { path: '/campaigns/icons' },
      );
      return campaign.body.products.find((product) => product.productId === productId)!.count;
    };

    it('offers nothing about data on a page without api', async () => {
      signIn();
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      expect(part(el, 'download-data')).to.equal(null);
      expect(part(el, 'delete-data')).to.equal(null);
    });

    it('downloads exactly what the back end keeps about the fan', async () => {
      const fan = await fanWithData();
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      (part(el, 'account') as HTMLButtonElement).click();
      await el.updateComplete;
      const download = part(el, 'download-data') as HTMLButtonElement;
      expect(download.textContent!.trim()).to.equal('Download my data');

      let saved: Promise<string> | undefined;
      let name = '';
      const catchDownload = (event: MouseEvent) => {
        const link = (event.target as Element).closest?.('a[download]') as HTMLAnchorElement;
        if (!link) return;
        event.preventDefault();
        name = link.download;
        saved = fetch(link.href).then((response) => response.text());
      };
      document.addEventListener('click', catchDownload, true);
      try {
        download.click();
        await until(() => saved !== undefined, 'the download');
      } finally {
        document.removeEventListener('click', catchDownload, true);
      }
      expect(name).to.equal('vitrine-my-data.json');
      const data = JSON.parse(await saved!);
      expect(data.subject).to.equal(fan);
      expect(data.votes.map((vote: { productId: string }) => vote.productId)).to.deep.equal([
        'sac-lune',
      ]);
      expect(
        data.wishlist.items.map((item: { productId: string }) => item.productId),
      ).to.deep.equal(['carre-jardin']);
    });

    it('asks before deleting: Cancel is focused first, Escape keeps everything', async () => {
      const fan = await fanWithData();
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      const account = part(el, 'account') as HTMLButtonElement;
      account.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      (part(el, 'delete-data') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = part(el, 'confirm-delete') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(activeInShadow(el)).to.equal(part(el, 'cancel'));
      expect(dialog.getAttribute('aria-labelledby')).to.equal('confirm-heading');
      expect(el.shadowRoot!.getElementById('confirm-heading')!.textContent).to.equal(
        'Delete your data?',
      );
      expect(el.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!)).to.exist;
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 'the dialog to close');
      expect($session.get().status).to.equal('authenticated');
      expect(await countOf('sac-lune')).to.be.greaterThan(0);
      const exported = await callBackend<{ votes: unknown[] }>({ login: fan, path: '/me/export' });
      expect(exported.body.votes).to.have.length(1);
    });

    it('deletes from the keyboard: votes withdrawn, signed out, the device copy cleared', async () => {
      const fan = await fanWithData();
      addToWishlist({ productId: 'escarpin-opera' });
      const before = await countOf('sac-lune');
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      (part(el, 'account') as HTMLButtonElement).click();
      await el.updateComplete;
      (part(el, 'delete-data') as HTMLButtonElement).click();
      await el.updateComplete;
      const loggedOut = oneEvent(el, 'vitrine-logout');
      (part(el, 'cancel') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(activeInShadow(el)).to.equal(part(el, 'confirm'));
      await sendKeys({ press: 'Enter' });
      await loggedOut;
      await el.updateComplete;

      expect($session.get().status).to.equal('anonymous');
      expect(getIdToken()).to.equal(undefined);
      expect(Object.keys($wishlist.get())).to.deep.equal([]);
      expect(localStorage.getItem('vitrine:wishlist') ?? '{}').not.to.contain('escarpin-opera');
      expect((part(el, 'confirm-delete') as HTMLDialogElement).open).to.equal(false);
      const announced = [...el.shadowRoot!.querySelectorAll('[role="status"]')].map((node) =>
        node.textContent!.trim(),
      );
      expect(announced).to.include('Your data was deleted and you are signed out.');
      expect(await countOf('sac-lune')).to.equal(before - 1);
      const exported = await callBackend<{ votes: unknown[]; wishlist: unknown }>({
        login: fan,
        path: '/me/export',
      });
      expect(exported.body.votes).to.deep.equal([]);
      expect(exported.body.wishlist).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('keeps the fan signed in and says so when the back end cannot erase', async () => {
      await fanWithData();
      configure({ api: 'http://127.0.0.1:9' });
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      (part(el, 'account') as HTMLButtonElement).click();
      await el.updateComplete;
      (part(el, 'delete-data') as HTMLButtonElement).click();
      await el.updateComplete;
      (part(el, 'confirm') as HTMLButtonElement).click();
      await until(
        () => part(el, 'confirm-delete')!.querySelector('[role="alert"]') !== null,
        'the error',
      );
      expect($session.get().status).to.equal('authenticated');
      expect((part(el, 'confirm-delete') as HTMLDialogElement).open).to.equal(true);
    });

    it('speaks French and Chinese in the menu and the dialog', async () => {
      await fanWithData();
      const el = await fixture<VitrineLogin>(html`<vitrine-login></vitrine-login>`);
      configure({ locale: 'fr' });
      await until(
        () => part(el, 'delete-data')?.textContent?.trim() === 'Supprimer mes données',
        'French',
      );
      expect(part(el, 'download-data')!.textContent!.trim()).to.equal('Télécharger mes données');
      expect(part(el, 'cancel')!.textContent!.trim()).to.equal('Annuler');
      configure({ locale: 'zh-Hans' });
      await until(() => part(el, 'delete-data')?.textContent?.trim() === '删除我的数据', 'Chinese');
      expect(el.shadowRoot!.getElementById('confirm-text')!.textContent).to.contain('您');
    });
  });
});
