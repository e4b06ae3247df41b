import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { $loginError, type LoginErrorCode } from 'vitrine/login';
import { configure, logout, PROVIDERS, requestLogin, type Locale } from 'vitrine/stores';
import { loadCatalog, translate } from '../../src/core/i18n/index.js';
import { setPending, startSession, type SessionUser } from '../../src/stores/session.js';
import { inShadow, rendered } from '../dom.js';

interface Args {
  providers: string;
  mode: string;
  compact: boolean;
  'keep-session': boolean;
}

/** A fan's picture bundled with the stories, so nothing is fetched from the network. */
const avatar = new URL('../assets/avatar.svg', import.meta.url).href;

const camille: SessionUser = {
  sub: 'fan-camille',
  name: 'Camille Laurent',
  email: 'camille@maison.example',
  picture: avatar,
};

/**
 * Story-only shortcut to the signed-in state: a story cannot run a real identity provider,
 * so it starts the session the sign-in flow would start after verifying the ID token.
 */
const signedInAs = (user: SessionUser) => () =>
  startSession(user, { idToken: 'story', expiresAt: Date.now() + 3600_000 }, 'google');

/** A failed sign-in as the element reports it: a code and its message in the story's locale. */
function failedWith(code: LoginErrorCode): Story {
  return {
    beforeEach: async ({ globals }) => {
      const locale = globals.locale as Locale;
      await loadCatalog(locale);
      $loginError.set({ code, message: translate(locale, `login.error.${code}`) });
    },
  };
}

/**
 * In-app browsers are told apart by their user agent, read when the element is created: the
 * story swaps it in before rendering and puts the real one back afterwards.
 */
function insideApp(userAgent: string): Story {
  return {
    beforeEach: () => {
      Object.defineProperty(navigator, 'userAgent', { value: userAgent, configurable: true });
      return () => void Reflect.deleteProperty(navigator, 'userAgent');
    },
  };
}

const instagram =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 330.0.0.18.85 (iPhone15,2; iOS 17_5; fr_FR; fr; scale=3.00; 1179x2556)';
const wechat =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN';

/**
 * Social sign-in over OpenID Connect: one button per provider when signed out, the fan's avatar
 * and name with a menu when signed in. The stories' identity provider
 * (`https://id.maison.example`) does not exist: clicking a provider opens the sign-in window,
 * which closes at once, and the element says the sign-in service is unavailable (in `redirect`
 * mode the page stays where it is). Each story starts signed out, with no error shown.
 */
const meta: Meta<Args> = {
  title: 'Login/Login',
  component: 'vitrine-login',
  args: { providers: PROVIDERS.join(' '), mode: 'popup', compact: false, 'keep-session': false },
  argTypes: {
    mode: { control: 'inline-radio', options: ['popup', 'redirect'] },
  },
  render: (args) => html`
    <vitrine-login
      providers=${args.providers || nothing}
      mode=${args.mode}
      ?compact=${args.compact}
      ?keep-session=${args['keep-session']}
    ></vitrine-login>
  `,
  beforeEach: () => {
    // The session is page-wide: what one story signed in or failed must not show in the next.
    logout();
    $loginError.set(undefined);
    configure({ issuer: 'https://id.maison.example', clientId: 'maison-web' });
  },
  parameters: {
    actions: { handles: ['vitrine-login', 'vitrine-logout', 'vitrine-login-error'] },
    docs: { story: { iframeHeight: 440 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

async function openAccountMenu(canvas: HTMLElement): Promise<void> {
  const account = await inShadow(canvas, 'vitrine-login', '[part="account"]');
  await userEvent.click(account);
  await rendered(canvas, 'vitrine-login');
  await expect(account).toHaveAttribute('aria-expanded', 'true');
}

const openMenu: Story['play'] = ({ canvasElement }) => openAccountMenu(canvasElement);

/** Each provider's own wording, colours and mark, as its brand guidelines ask. */
export const SignedOut: Story = {};

/** Without `providers`, the element offers those of `<vitrine-config>` (or `configure()`). */
export const ProvidersFromConfig: Story = {
  args: { providers: '' },
  // A new <vitrine-config> on every render: the preview resets the configuration before each
  // render, a changed control included, and only a connecting element applies its attributes.
  render: (args) => html`
    ${keyed({}, html`<vitrine-config providers="google apple wechat"></vitrine-config>`)}
    <vitrine-login
      mode=${args.mode}
      ?compact=${args.compact}
      ?keep-session=${args['keep-session']}
    ></vitrine-login>
  `,
  parameters: { docs: { story: { iframeHeight: 220 } } },
};

/** Icon-only buttons for a header; each keeps its full label as accessible name and tooltip. */
export const Compact: Story = {
  args: { compact: true },
  parameters: { docs: { story: { iframeHeight: 110 } } },
};

export const SingleProvider: Story = {
  args: { providers: 'apple' },
  parameters: { docs: { story: { iframeHeight: 110 } } },
};

/** While a sign-in is in progress the buttons are disabled and a status says so. */
export const Pending: Story = { beforeEach: () => setPending('google') };

export const SignedIn: Story = {
  beforeEach: signedInAs(camille),
  parameters: { docs: { story: { iframeHeight: 200 } } },
};

/** Without a picture, the first letter of the name stands in for it. */
export const SignedInWithoutPicture: Story = {
  beforeEach: signedInAs({ sub: 'fan-elodie', name: 'Élodie Martin' }),
  parameters: { docs: { story: { iframeHeight: 200 } } },
};

/** A long name is cut with an ellipsis on the button; the menu shows it whole. */
export const SignedInLongName: Story = {
  beforeEach: signedInAs({
    ...camille,
    name: 'Marie-Alexandrine Éléonore de La Tour d’Auvergne-Lauraguais',
  }),
  play: openMenu,
  parameters: { docs: { story: { iframeHeight: 240 } } },
};

/** The avatar alone, named "Account of …" for assistive technology. */
export const SignedInCompact: Story = {
  args: { compact: true },
  beforeEach: signedInAs(camille),
  parameters: { docs: { story: { iframeHeight: 200 } } },
};

/** The avatar opens the account menu and moves focus to "Sign out"; Escape closes it. */
export const AccountMenu: Story = {
  beforeEach: signedInAs(camille),
  play: async ({ canvasElement }) => {
    await openAccountMenu(canvasElement);
    const signOut = await inShadow(canvasElement, 'vitrine-login', '[part="sign-out"]');
    await expect(signOut).toBeVisible();
    // Focus inside a shadow root shows on the root, not on the document.
    await expect(signOut.getRootNode()).toHaveProperty('activeElement', signOut);
  },
  parameters: { docs: { story: { iframeHeight: 240 } } },
};

/** Escape closes the menu and gives focus back to the avatar button. */
export const AccountMenuEscape: Story = {
  beforeEach: signedInAs(camille),
  play: async ({ canvasElement }) => {
    await openAccountMenu(canvasElement);
    await userEvent.keyboard('{Escape}');
    await rendered(canvasElement, 'vitrine-login');
    const account = await inShadow(canvasElement, 'vitrine-login', '[part="account"]');
    await expect(account).toHaveAttribute('aria-expanded', 'false');
    await expect(account.getRootNode()).toHaveProperty('activeElement', account);
  },
  parameters: { docs: { story: { iframeHeight: 200 } } },
};

/** "Sign out" forgets the fan and their tokens: the providers are offered again. */
export const SignOut: Story = {
  beforeEach: signedInAs(camille),
  play: async ({ canvasElement }) => {
    await openAccountMenu(canvasElement);
    await userEvent.click(await inShadow(canvasElement, 'vitrine-login', '[part="sign-out"]'));
    await rendered(canvasElement, 'vitrine-login');
    await expect(
      await inShadow(canvasElement, 'vitrine-login', '[part="provider-list"]'),
    ).toBeVisible();
  },
};

/** The fan declined on the provider's page. */
export const Declined: Story = failedWith('denied');

/** No connection to the sign-in service. */
export const Unreachable: Story = failedWith('network');

/**
 * The page has no issuer or client id yet: the widget says so from the start (and the console
 * says what to write), so the marketer sees it in the preview before any fan clicks.
 */
export const NotSetUp: Story = {
  beforeEach: () => configure({ issuer: undefined, clientId: undefined }),
  play: async ({ canvasElement }) => {
    await expect(
      await inShadow(canvasElement, 'vitrine-login', '[part="setup"]'),
    ).toHaveTextContent(translate('en', 'login.error.config'));
  },
};

/** A fan clicked a provider all the same: the same words, now as an alert. */
export const NotSetUpClicked: Story = {
  beforeEach: async ({ globals }) => {
    configure({ issuer: undefined, clientId: undefined });
    const locale = globals.locale as Locale;
    await loadCatalog(locale);
    $loginError.set({ code: 'config', message: translate(locale, 'login.error.config') });
  },
};

export const DeclinedInFrench: Story = { ...Declined, globals: { locale: 'fr' } };

/** Instagram's in-app browser: Google refuses sign-in there, so the element says so first. */
export const InstagramInAppBrowser: Story = {
  ...insideApp(instagram),
  parameters: { docs: { story: { iframeHeight: 200 } } },
};

export const WeChatInAppBrowser: Story = {
  ...insideApp(wechat),
  globals: { locale: 'zh-Hans' },
  parameters: { docs: { story: { iframeHeight: 200 } } },
};

/** "Try here anyway" leaves the notice for the usual buttons. */
export const InAppBrowserTryAnyway: Story = {
  ...insideApp(instagram),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'vitrine-login', '[part="notice"] .link'));
    await rendered(canvasElement, 'vitrine-login');
    await expect(
      await inShadow(canvasElement, 'vitrine-login', '[part="provider-list"]'),
    ).toBeVisible();
  },
};

/** What `requestLogin({reason})` opens when another widget (a vote, say) needs a signed-in fan. */
export const SignInDialog: Story = {
  play: async ({ canvasElement }) => {
    // Rejects when the story is left with the dialog open (a cancelled sign-in): nothing to do.
    requestLogin({ reason: 'Sign in to vote' }).catch(() => {});
    const dialog = await inShadow<HTMLDialogElement>(canvasElement, 'vitrine-login', 'dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
    await expect(dialog).toHaveAccessibleName('Sign in to vote');
  },
  parameters: { docs: { story: { iframeHeight: 600 } } },
};

/** Unknown providers are left out with a console warning; an unknown mode falls back to popup. */
export const InvalidAttributes: Story = {
  args: { providers: 'google myspace line', mode: 'modal' },
  argTypes: { mode: { control: 'text' } },
  parameters: { docs: { story: { iframeHeight: 160 } } },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const DarkSignedIn: Story = {
  globals: { theme: 'dark' },
  beforeEach: signedInAs(camille),
  play: openMenu,
  parameters: { docs: { story: { iframeHeight: 240 } } },
};

export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const French: Story = { globals: { locale: 'fr' } };

export const English: Story = { globals: { locale: 'en' } };

export const SimplifiedChinese: Story = { globals: { locale: 'zh-Hans' } };

export const TraditionalChinese: Story = { globals: { locale: 'zh-Hant' } };

export const Japanese: Story = { globals: { locale: 'ja' } };

export const Korean: Story = { globals: { locale: 'ko' } };

/** Arabic reads right to left: the widget mirrors. */
export const Arabic: Story = { globals: { locale: 'ar', direction: 'rtl' } };
