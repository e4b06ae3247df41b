/**
 * OpenID Connect sign-in with oauth4webapi: authorization code flow, PKCE S256, a fresh
 * `state` and `nonce` per attempt, the ID token's signature (issuer JWKS), `iss`, `aud`,
 * `exp` and `nonce` verified before a session exists. Loaded on first use only.
 */
import * as oauth from 'oauth4webapi';
import { $config, type Provider } from '../../core/config.js';
import { $locale } from '../../core/locale.js';
import { safeUrl } from '../../core/safe-url.js';
import { setPending, startSession, type SessionUser } from '../session.js';
import { LoginError, type LoginErrorCode } from './errors.js';
import { waitForCallback } from './popup.js';
import { STATE_PREFIX, writeRedirectAttempt, type RedirectAttempt } from './protocol.js';

const REQUEST_TIMEOUT_MS = 10_000;
const SCOPE = 'openid profile email';

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Plain http is accepted for an identity provider on this machine only (development). */
function requestOptions(issuer: string) {
  return {
    [oauth.allowInsecureRequests]: isLoopback(new URL(issuer)),
    signal: () => AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  };
}

const servers = new Map<string, Promise<oauth.AuthorizationServer>>();

/** The issuer's metadata (cached for the page); a failure is not cached. */
export function discover(issuer: string): Promise<oauth.AuthorizationServer> {
  let server = servers.get(issuer);
  if (!server) {
    server = (async () => {
      const url = new URL(issuer);
      if (url.protocol !== 'https:' && !isLoopback(url)) {
        throw new LoginError('config', `issuer ${issuer} must use https.`);
      }
      try {
        const response = await oauth.discoveryRequest(url, requestOptions(issuer));
        return await oauth.processDiscoveryResponse(url, response);
      } catch (error) {
        throw new LoginError('issuer', `the identity provider ${issuer} is unreachable.`, {
          cause: error,
        });
      }
    })();
    servers.set(issuer, server);
    server.catch(() => servers.delete(issuer));
  }
  return server;
}

interface Settings {
  issuer: string;
  clientId: string;
  redirectUri: string;
  providerParam: string | undefined;
}

/** The OIDC settings from `<vitrine-config>`; the redirect URI defaults to this page. */
export function settings(): Settings {
  const { issuer, clientId, redirectUri, providerParam } = $config.get();
  if (!issuer || !clientId) {
    throw new LoginError('config', '<vitrine-config> needs issuer and client-id for sign-in.');
  }
  return {
    issuer,
    clientId,
    redirectUri: redirectUri ?? location.origin + location.pathname,
    providerParam,
  };
}

export type Attempt = Omit<RedirectAttempt, 'returnTo' | 'callback' | 'createdAt'>;

/** A fresh attempt (state, nonce, PKCE verifier) and the URL that starts it at the provider. */
export async function newAttempt(
  provider: Provider,
  popup: boolean,
): Promise<{ attempt: Attempt; url: URL }> {
  const config = settings();
  const server = await discover(config.issuer);
  if (!server.authorization_endpoint) {
    throw new LoginError('issuer', `${config.issuer} has no authorization endpoint.`);
  }
  const attempt: Attempt = {
    state: STATE_PREFIX + oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    verifier: oauth.generateRandomCodeVerifier(),
    provider,
    redirectUri: config.redirectUri,
    issuer: config.issuer,
    clientId: config.clientId,
  };
  const url = new URL(server.authorization_endpoint);
  const params = url.searchParams;
  params.set('client_id', attempt.clientId);
  params.set('redirect_uri', attempt.redirectUri);
  params.set('response_type', 'code');
  params.set('scope', SCOPE);
  params.set('state', attempt.state);
  params.set('nonce', attempt.nonce);
  params.set('code_challenge', await oauth.calculatePKCECodeChallenge(attempt.verifier));
  params.set('code_challenge_method', 'S256');
  params.set('ui_locales', $locale.get());
  if (popup) params.set('display', 'popup');
  if (config.providerParam) params.set(config.providerParam, provider);
  return { attempt, url };
}

function text(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;
}

/** The user shown on the page, from verified claims only. */
function userFrom(claims: Record<string, unknown>, sub: string): SessionUser {
  const user: SessionUser = {
    sub,
    name:
      text(claims.name) ??
      text([claims.given_name, claims.family_name].filter(Boolean).join(' ')) ??
      text(claims.preferred_username) ??
      text(claims.email) ??
      sub,
  };
  const email = text(claims.email, 320);
  const picture = safeUrl(claims.picture);
  if (email) user.email = email;
  if (picture) user.picture = picture;
  return user;
}

function asLoginError(error: unknown, fallback: LoginErrorCode): LoginError {
  if (error instanceof LoginError) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    const code = error.error === 'access_denied' ? 'denied' : 'provider';
    return new LoginError(code, `the identity provider answered ${error.error}.`, { cause: error });
  }
  if (error instanceof oauth.ResponseBodyError) {
    return new LoginError('provider', `the identity provider answered ${error.error}.`, {
      cause: error,
    });
  }
  if (error instanceof TypeError || (error instanceof DOMException && error.name !== 'DataError')) {
    return new LoginError('network', 'the identity provider could not be reached.', {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new LoginError(fallback, detail, { cause: error });
}

/**
 * Completes an attempt from the provider's answer (the callback URL): checks `state`,
 * exchanges the code with the PKCE verifier, verifies the ID token, reads the profile,
 * and only then starts the session.
 */
export async function finishSignIn(attempt: Attempt, callbackUrl: string): Promise<SessionUser> {
  const options = requestOptions(attempt.issuer);
  const server = await discover(attempt.issuer);
  const client: oauth.Client = { client_id: attempt.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(server, client, new URL(callbackUrl), attempt.state);
  } catch (error) {
    throw asLoginError(error, 'state');
  }
  let response: Response;
  try {
    response = await oauth.authorizationCodeGrantRequest(
      server,
      client,
      oauth.None(),
      params,
      attempt.redirectUri,
      attempt.verifier,
      options,
    );
  } catch (error) {
    throw asLoginError(error, 'network');
  }
  let result: oauth.TokenEndpointResponse;
  let claims: oauth.IDToken;
  try {
    result = await oauth.processAuthorizationCodeResponse(server, client, response, {
      expectedNonce: attempt.nonce,
      requireIdToken: true,
    });
    await oauth.validateApplicationLevelSignature(server, response, options);
    claims = oauth.getValidatedIdTokenClaims(result)!;
  } catch (error) {
    throw asLoginError(error, 'token');
  }
  let profile: Record<string, unknown> = claims;
  if (!text(claims.name) && server.userinfo_endpoint) {
    try {
      const info = await oauth.userInfoRequest(server, client, result.access_token, options);
      profile = { ...(await oauth.processUserInfoResponse(server, client, claims.sub, info)) };
    } catch {
      /* the verified ID token is enough to sign in; the name falls back to its claims */
    }
  }
  const user = userFrom(profile, claims.sub);
  // The token's lifetime counted on this device's clock from its arrival: a fan whose clock
  // is off is not signed out early (or kept late) by comparing it with the provider's.
  const lifetimeMs = Math.max(0, claims.exp - claims.iat) * 1000;
  startSession(
    user,
    { idToken: result.id_token!, expiresAt: Date.now() + lifetimeMs },
    attempt.provider as Provider,
  );
  return user;
}

/** Called with the user when a sign-in the page had given up on (popup seen closed) completes. */
export type LateSignIn = (outcome: Promise<SessionUser>) => void;

/** Leaves for the provider in this tab; the callback brings the fan back to this URL. */
function redirect(attempt: Attempt, url: URL): Promise<never> {
  const saved = writeRedirectAttempt({
    ...attempt,
    returnTo: location.href,
    createdAt: Date.now(),
  });
  if (!saved) {
    throw new LoginError('storage', 'sign-in by redirect needs sessionStorage, which is blocked.');
  }
  location.assign(url.href);
  return new Promise<never>(() => {});
}

/**
 * Signs in with `provider`: in `popup` (opened by the caller during the click, so no popup
 * blocker stops it) or, when there is none, by a full-page redirect.
 */
export async function signIn(
  provider: Provider,
  popup: Window | null,
  late: LateSignIn,
): Promise<SessionUser> {
  setPending(provider);
  try {
    const { attempt, url } = await newAttempt(provider, popup !== null);
    if (!popup || popup.closed) return await redirect(attempt, url);
    const callbackUrl = await waitForCallback(url, popup, attempt.state, (answer) =>
      late(finishSignIn(attempt, answer)),
    );
    return await finishSignIn(attempt, callbackUrl);
  } catch (error) {
    popup?.close();
    setPending(undefined);
    throw asLoginError(error, 'provider');
  }
}

/** Finishes a redirect sign-in once the browser is back (see callback.ts). */
export async function finishRedirect(attempt: RedirectAttempt, callbackUrl: string) {
  setPending(attempt.provider as Provider);
  try {
    return await finishSignIn(attempt, callbackUrl);
  } catch (error) {
    setPending(undefined);
    throw asLoginError(error, 'provider');
  }
}
