/**
 * What the sign-in page, its popup and its callback agree on, without any OIDC code: the
 * marker in `state`, the channel name, the messages and the redirect bookkeeping. Small on
 * purpose: every entry point loads it to recognise a callback.
 */

import { REDIRECT_KEY, STATE_PREFIX } from './markers.js';

export { REDIRECT_KEY, STATE_PREFIX };

/** Same-origin channel from the callback page to the page that started sign-in. */
export const CHANNEL = 'vitrine-login';

/** The callback page tells the opener what the provider answered. */
export interface CallbackMessage {
  type: 'vitrine-login-callback';
  state: string;
  /** The callback URL, with `code`/`error` and `state`. */
  url: string;
}

/** The opener took the answer; the popup may close. */
export interface AckMessage {
  type: 'vitrine-login-ack';
  state: string;
}

/** A redirect sign-in, kept in this tab's sessionStorage while the browser is away. */
export interface RedirectAttempt {
  state: string;
  nonce: string;
  verifier: string;
  provider: string;
  redirectUri: string;
  /** Where the fan was; they come back there. */
  returnTo: string;
  issuer: string;
  clientId: string;
  /** The provider's answer, once the callback page (if another page) has received it. */
  callback?: string;
  createdAt: number;
}

/** Finishes a redirect sign-in on this page (given by `vitrine/login`). */
export type FinishRedirect = (attempt: RedirectAttempt, callbackUrl: string) => void;

/** A redirect attempt older than this is abandoned. */
export const ATTEMPT_TTL_MS = 10 * 60 * 1000;

export function isCallbackMessage(value: unknown): value is CallbackMessage {
  const message = value as CallbackMessage | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.type === 'vitrine-login-callback' &&
    typeof message.state === 'string' &&
    typeof message.url === 'string'
  );
}

function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function readRedirectAttempt(): RedirectAttempt | undefined {
  try {
    const raw = session()?.getItem(REDIRECT_KEY);
    const attempt = raw ? (JSON.parse(raw) as RedirectAttempt) : undefined;
    if (
      attempt &&
      typeof attempt.state === 'string' &&
      typeof attempt.verifier === 'string' &&
      Date.now() - attempt.createdAt < ATTEMPT_TTL_MS
    ) {
      return attempt;
    }
    if (raw) session()?.removeItem(REDIRECT_KEY);
  } catch {
    /* damaged or blocked: no attempt */
  }
  return undefined;
}

/** Saves (or with `undefined`, forgets) the redirect attempt. False when storage refused. */
export function writeRedirectAttempt(attempt: RedirectAttempt | undefined): boolean {
  try {
    if (attempt) session()?.setItem(REDIRECT_KEY, JSON.stringify(attempt));
    else session()?.removeItem(REDIRECT_KEY);
    return session() !== undefined;
  } catch {
    return false;
  }
}

/** The provider's answer in a URL, when it is one of ours: `state` (and `code` or `error`). */
export function callbackParams(href: string): URLSearchParams | undefined {
  const params = new URL(href).searchParams;
  const state = params.get('state');
  if (!state?.startsWith(STATE_PREFIX)) return undefined;
  return params.has('code') || params.has('error') ? params : undefined;
}

/** The URL without the provider's answer, to put back in the address bar. */
export function withoutCallbackParams(href: string): string {
  const url = new URL(href);
  for (const name of [
    'code',
    'state',
    'error',
    'error_description',
    'error_uri',
    'iss',
    'session_state',
  ]) {
    url.searchParams.delete(name);
  }
  return url.href;
}
