/**
 * A real OpenID Provider (the `oidc-provider` package) on 127.0.0.1, for the demo and the
 * tests: authorization code flow with PKCE S256, RS256 ID tokens, a userinfo endpoint, and
 * its development sign-in form, which accepts any user name. It stands in for the identity
 * provider a brand runs (Keycloak, Auth0, Cognito…) in front of Google, Facebook and the rest:
 * the provider button's choice arrives as the `provider-param` query parameter (`idp` here).
 *
 *   const op = await startIdentityProvider({ redirectUris: ['http://127.0.0.1:5173/'] });
 *   op.issuer; await op.close();
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
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
    features: { devInteractions: { enabled: true } },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Sign-in error</title><h1>${out.error}</h1><p>${out.error_description ?? ''}</p>`;
    },
  });
  // "unsupported runtime" and development-only notices belong to oidc-provider, not to us.
  provider.on('server_error', (_ctx, error) => console.error('[identity provider]', error));

  const handle = provider.callback();
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
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
