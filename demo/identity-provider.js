/**
 * A real OpenID Provider (the `oidc-provider` package) on 127.0.0.1, for the demo and the
 * tests: authorization code flow with PKCE S256, RS256 ID tokens, a userinfo endpoint, and a
 * sign-in page in the house's style that asks for a name only (any name will do) and no
 * consent, as a brand's own first-party client gets. It stands in for the identity provider a
 * brand runs (Keycloak, Auth0, Cognito…) in front of Google, Facebook and the rest: the
 * provider button's choice arrives as the `provider-param` query parameter (`idp` here).
 * Nothing it serves asks for anything beyond this machine.
 *
 *   const op = await startIdentityProvider({ redirectUris: ['http://127.0.0.1:5173/'] });
 *   op.issuer; await op.close();
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { URLSearchParams } from 'node:url';
import Provider from 'oidc-provider';

/** The client the demo and the tests use: a public browser client, PKCE, no secret. */
export const CLIENT_ID = 'maison-aurele';

/** Initials on a coloured disc: the `picture` claim of every account. */
function avatar(name) {
  const initials = name
    .split(/[\s._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
  const hue = [...name].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="hsl(${hue} 35% 42%)"/><text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${initials.replace(/[^\p{L}\p{N}]/gu, '')}</text></svg>`;
}

function displayName(login) {
  return login
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

/** The sign-in page's words, in the languages the demo speaks (`ui_locales`). */
const WORDS = {
  en: {
    title: 'Sign in',
    lead: 'Welcome to Maison Aurèle.',
    label: 'Your name',
    hint: 'This is a demonstration: any name will do, and no password is asked.',
    submit: 'Continue',
    cancel: 'Cancel',
    empty: 'Please enter a name.',
    via: (idp) => `Signing in with ${idp}`,
  },
  fr: {
    title: 'Connexion',
    lead: 'Bienvenue à la Maison Aurèle.',
    label: 'Votre nom',
    hint: 'Ceci est une démonstration : n’importe quel nom convient, aucun mot de passe n’est demandé.',
    submit: 'Continuer',
    cancel: 'Annuler',
    empty: 'Veuillez saisir un nom.',
    via: (idp) => `Connexion avec ${idp}`,
  },
  'zh-Hans': {
    title: '登录',
    lead: '欢迎莅临 Maison Aurèle。',
    label: '您的姓名',
    hint: '此为演示：任意姓名均可，无需密码。',
    submit: '继续',
    cancel: '取消',
    empty: '请输入姓名。',
    via: (idp) => `通过 ${idp} 登录`,
  },
  'zh-Hant': {
    title: '登入',
    lead: '歡迎蒞臨 Maison Aurèle。',
    label: '您的姓名',
    hint: '此為示範：任何姓名皆可，無須密碼。',
    submit: '繼續',
    cancel: '取消',
    empty: '請輸入姓名。',
    via: (idp) => `以 ${idp} 登入`,
  },
  ja: {
    title: 'ログイン',
    lead: 'Maison Aurèle へようこそ。',
    label: 'お名前',
    hint: 'こちらはデモンストレーションです。お名前はどのようなものでも結構です。パスワードは不要です。',
    submit: '続ける',
    cancel: 'キャンセル',
    empty: 'お名前をご入力ください。',
    via: (idp) => `${idp} でログイン`,
  },
  ko: {
    title: '로그인',
    lead: 'Maison Aurèle에 오신 것을 환영합니다.',
    label: '성함',
    hint: '데모 화면입니다. 어떤 이름이든 입력하실 수 있으며 비밀번호는 필요하지 않습니다.',
    submit: '계속',
    cancel: '취소',
    empty: '성함을 입력해 주십시오.',
    via: (idp) => `${idp} 계정으로 로그인`,
  },
  ar: {
    title: 'تسجيل الدخول',
    lead: 'أهلًا بك في Maison Aurèle.',
    label: 'اسمك',
    hint: 'هذا عرض توضيحي: يكفي أي اسم، ولا تُطلب كلمة مرور.',
    submit: 'متابعة',
    cancel: 'إلغاء',
    empty: 'يُرجى إدخال اسم.',
    via: (idp) => `تسجيل الدخول عبر ${idp}`,
  },
};

const PROVIDER_NAMES = {
  google: 'Google',
  facebook: 'Facebook',
  apple: 'Apple',
  x: 'X',
  pinterest: 'Pinterest',
  wechat: 'WeChat',
  line: 'LINE',
};

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char],
  );

function wordsFor(uiLocales) {
  for (const tag of String(uiLocales ?? '').split(' ')) {
    const language = tag.toLowerCase();
    if (language.startsWith('fr')) return ['fr', WORDS.fr];
    if (language.startsWith('zh')) {
      const chinese = /-(hant|tw|hk|mo)\b/.test(language) ? 'zh-Hant' : 'zh-Hans';
      return [chinese, WORDS[chinese]];
    }
    for (const other of ['ja', 'ko', 'ar']) {
      if (language.startsWith(other)) return [other, WORDS[other]];
    }
    if (language.startsWith('en')) return ['en', WORDS.en];
  }
  return ['en', WORDS.en];
}

/** The house's sign-in page: one field, one button, a way back. No script, no outside request. */
function signInPage({ uid, uiLocales, idp, error }) {
  const [lang, words] = wordsFor(uiLocales);
  const via = PROVIDER_NAMES[idp];
  return `<!doctype html>
<html lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(words.title)} · Maison Aurèle</title>
<style>
  :root { color-scheme: light dark; --ink: #1c1a17; --paper: #f7f3ec; --muted: #5f584f; --line: #cfc8bd; --danger: #a4262c; }
  @media (prefers-color-scheme: dark) { :root { --ink: #f2ece2; --paper: #1c1a17; --muted: #bdb3a5; --line: #4a443d; --danger: #ff9a9e; } }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--paper); color: var(--ink); font: 16px/1.5 Georgia, 'Times New Roman', serif; }
  main { width: min(24rem, 100vw - 2rem); padding: 2.5rem 0; text-align: center; }
  .house { margin: 0 0 2rem; font-size: 0.8rem; letter-spacing: 0.32em; text-transform: uppercase; }
  h1 { margin: 0 0 0.25rem; font-weight: 400; font-size: 1.75rem; }
  p { margin: 0 0 1.5rem; color: var(--muted); }
  form { text-align: start; }
  label { display: block; margin-bottom: 0.5rem; font-size: 0.9rem; letter-spacing: 0.04em; }
  input { width: 100%; min-height: 2.75rem; padding: 0 0.75rem; border: 1px solid var(--line); border-radius: 2px; background: transparent; color: inherit; font: inherit; }
  input:focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid var(--ink); outline-offset: 2px; }
  button { width: 100%; min-height: 2.75rem; margin-top: 1.25rem; border: 0; border-radius: 2px; background: var(--ink); color: var(--paper); font: inherit; letter-spacing: 0.08em; cursor: pointer; }
  .hint { margin: 0.75rem 0 0; font-size: 0.85rem; }
  .error { margin: 0.5rem 0 0; color: var(--danger); font-size: 0.9rem; }
  .cancel { display: inline-block; margin-top: 1.5rem; color: inherit; font-size: 0.9rem; }
</style>
</head>
<body>
<main>
  <p class="house">Maison Aurèle</p>
  <h1>${escapeHtml(words.title)}</h1>
  <p>${escapeHtml(via ? words.via(via) : words.lead)}</p>
  <form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
    <label for="login">${escapeHtml(words.label)}</label>
    <input id="login" name="login" required autofocus autocapitalize="words" maxlength="80"${error ? ' aria-describedby="error" aria-invalid="true"' : ''}>
    ${error ? `<p class="error" id="error" role="alert">${escapeHtml(words.empty)}</p>` : ''}
    <p class="hint">${escapeHtml(words.hint)}</p>
    <button type="submit">${escapeHtml(words.submit)}</button>
  </form>
  <a class="cancel" href="/interaction/${escapeHtml(uid)}/abort">${escapeHtml(words.cancel)}</a>
</main>
</body>
</html>`;
}

function readForm(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > 4096) request.destroy();
    });
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

/**
 * @param {{
 *   port?: number,
 *   redirectUris: string[],
 *   idTokenTtl?: number,
 *   publishWrongKey?: boolean,
 *   otherClientIds?: string[],
 * }} options
 *   `idTokenTtl`: ID token lifetime in seconds. `publishWrongKey` (tests only): the JWKS
 *   endpoint publishes another key under the same `kid`, so every ID token looks forged.
 *   `otherClientIds`: more public clients like `CLIENT_ID` (same redirect URIs), whose ID
 *   tokens are for another audience.
 */
export async function startIdentityProvider({
  port = 0,
  redirectUris,
  idTokenTtl = 3600,
  publishWrongKey = false,
  otherClientIds = [],
}) {
  const server = createServer();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const rsaKey = () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const key = rsaKey();
  const jwk = (k) => ({ ...k, kid: 'demo-key', use: 'sig', alg: 'RS256' });
  const wrongKey = publishWrongKey ? jwk(rsaKey()) : undefined;

  const provider = new Provider(issuer, {
    clients: [CLIENT_ID, ...otherClientIds].map((clientId) => ({
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [jwk(key)] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'picture'],
      email: ['email', 'email_verified'],
    },
    // The browser client calls the token and userinfo endpoints from its own origin.
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris.some((uri) => new URL(uri).origin === origin),
    extraParams: ['idp'],
    ttl: { IdToken: idTokenTtl, AccessToken: 3600, Session: 3600, Interaction: 600 },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => {
        const name = displayName(sub) || sub;
        const [given, ...family] = name.split(' ');
        return {
          sub,
          name,
          given_name: given,
          family_name: family.join(' ') || undefined,
          email: `${sub.toLowerCase().replace(/[^a-z0-9._-]/g, '')}@example.com`,
          email_verified: true,
          picture: `${issuer}/avatars/${encodeURIComponent(sub)}.svg`,
        };
      },
    }),
    features: { devInteractions: { enabled: false } },
    // The house's own client needs no consent screen: its grant covers what it asks for.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Sign-in error</title><h1>${out.error}</h1><p>${out.error_description ?? ''}</p>`;
    },
  });
  // "unsupported runtime" and development-only notices belong to oidc-provider, not to us.
  provider.on('server_error', (_ctx, error) => console.error('[identity provider]', error));

  const handle = provider.callback();

  /** `/interaction/<uid>`, `/interaction/<uid>/login` (POST) and `…/abort`: the sign-in page. */
  async function interact(request, response, uid, step) {
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (step === 'abort') {
      await provider.interactionFinished(request, response, {
        error: 'access_denied',
        error_description: 'The fan cancelled the sign-in.',
      });
      return;
    }
    if (step === 'login' && request.method === 'POST') {
      const login = (await readForm(request)).get('login')?.trim().slice(0, 80) ?? '';
      if (login !== '') {
        await provider.interactionFinished(
          request,
          response,
          { login: { accountId: login } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
    }
    response.writeHead(step === 'login' ? 400 : 200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    });
    response.end(
      signInPage({
        uid,
        uiLocales: details.params.ui_locales,
        idp: details.params.idp,
        error: step === 'login',
      }),
    );
  }
  /** Authorization requests received, newest last (what the tests check the client sent). */
  const authorizations = [];
  server.on('request', (request, response) => {
    if (request.url?.startsWith('/auth?')) authorizations.push(new URL(request.url, issuer));
    const avatarPath = /^\/avatars\/([^/]+)\.svg$/.exec(request.url ?? '');
    if (avatarPath) {
      response.writeHead(200, {
        'content-type': 'image/svg+xml',
        'cache-control': 'max-age=3600',
        'cross-origin-resource-policy': 'cross-origin',
      });
      response.end(avatar(decodeURIComponent(avatarPath[1])));
      return;
    }
    const interaction = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(request.url ?? '');
    if (interaction) {
      interact(request, response, interaction[1], interaction[2]).catch((error) => {
        response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`This sign-in has expired or is not valid: ${error.message}`);
      });
      return;
    }
    if (wrongKey && request.url === '/jwks') {
      const { kty, n, e, kid, use, alg } = wrongKey;
      response.writeHead(200, {
        'content-type': 'application/jwk-set+json',
        'access-control-allow-origin': '*',
      });
      response.end(JSON.stringify({ keys: [{ kty, n, e, kid, use, alg }] }));
      return;
    }
    handle(request, response);
  });

  return {
    issuer,
    clientId: CLIENT_ID,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        // Stop accepting first, then end every connection: none can slip in between.
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
