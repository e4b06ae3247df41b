// Real ID tokens from the local identity provider (demo/identity-provider.js) without a
// browser: the authorization code flow with PKCE, driven with fetch through the provider's own
// sign-in form (a name, nothing else), the way a fan's browser submits it.
import { createHash, randomBytes } from 'node:crypto';
import { URLSearchParams } from 'node:url';

/** The redirect URI every test client registers; nothing listens there, the code is read off. */
export const REDIRECT_URI = 'http://127.0.0.1:9/callback';

/** A browser's cookie jar for one host, enough for the provider's session cookies. */
function cookieJar() {
  const cookies = new Map();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    store(response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';');
        const name = pair.slice(0, pair.indexOf('=')).trim();
        const value = pair.slice(pair.indexOf('=') + 1).trim();
        const expired = attributes.some(
          (attribute) =>
            /^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1]) < Date.now(),
        );
        if (expired || value === '') cookies.delete(name);
        else cookies.set(name, value);
      }
    },
  };
}

/** Where the sign-in form on a provider page posts. */
function formOf(html, base) {
  const action = /<form[^>]*method="post"[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action || !/name="login"/.test(html)) {
    throw new Error(`no sign-in form on ${base}:\n${html.slice(0, 500)}`);
  }
  return new URL(action.replaceAll('&amp;', '&'), base);
}

/**
 * Signs `login` in at the provider `issuer` for `clientId` and returns the ID token (a JWT
 * signed by the provider, `sub` = `login`, `aud` = `clientId`). `redirectUri` must be one the
 * client registered; the flow stops at it.
 */
export async function idTokenFor(
  issuer,
  login,
  { clientId = 'maison-aurele', redirectUri = REDIRECT_URI } = {},
) {
  const jar = cookieJar();
  const go = async (url, init = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: jar.header() },
    });
    jar.store(response);
    return response;
  };

  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL('/auth', issuer);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
  }).toString();

  let response = await go(authorize);
  for (let step = 0; step < 10; step += 1) {
    const location = response.headers.get('location');
    if (!location) {
      throw new Error(`the provider stopped at ${response.url}: ${response.status}`);
    }
    const next = new URL(location, issuer);
    if (next.href.startsWith(redirectUri)) {
      const code = next.searchParams.get('code');
      if (!code) throw new Error(`no code in ${next}`);
      return exchange(issuer, { clientId, redirectUri, code, verifier });
    }
    response = await go(next);
    if (response.status === 200) {
      response = await go(formOf(await response.text(), next), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login }).toString(),
      });
    }
  }
  throw new Error('the provider kept redirecting');
}

async function exchange(issuer, { clientId, redirectUri, code, verifier }) {
  const response = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    }).toString(),
  });
  const body = await response.json();
  if (!body.id_token) throw new Error(`no ID token: ${JSON.stringify(body)}`);
  return body.id_token;
}
