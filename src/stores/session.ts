import { onDevice } from '../core/device.js';
import { atom } from 'nanostores';
import { warn } from '../core/warn.js';
import type { Provider } from '../core/config.js';

/** The signed-in fan, as the verified ID token (or the userinfo endpoint) describes them. */
export interface SessionUser {
  sub: string;
  name: string;
  email?: string;
  picture?: string;
}

export type SessionStatus = 'anonymous' | 'pending' | 'authenticated';

export interface Session {
  status: SessionStatus;
  user?: SessionUser;
  /** The provider of the sign-in in progress or done. */
  provider?: Provider;
}

/** Tokens of the current session. They live in this module's memory, never in localStorage. */
export interface SessionTokens {
  idToken: string;
  /** Milliseconds since the epoch when the ID token expires. */
  expiresAt: number;
}

/** Who is signed in. Tokens are not in the store: read the ID token with `getIdToken()`. */
export const $session = atom<Session>({ status: 'anonymous' });
onDevice($session, { status: 'anonymous' });

/** sessionStorage key of an opted-in (`keep-session`) session. */
export const KEPT_SESSION_KEY = 'vitrine:session';

let tokens: SessionTokens | undefined;
let keep = false;

function stored(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function persist(): void {
  const storage = stored();
  try {
    const session = $session.get();
    if (keep && tokens && session.user) {
      storage?.setItem(KEPT_SESSION_KEY, JSON.stringify({ user: session.user, tokens }));
    } else {
      storage?.removeItem(KEPT_SESSION_KEY);
    }
  } catch {
    /* full or blocked: the session simply lasts as long as the page */
  }
}

/** Keeps tokens in sessionStorage (this tab only, until it closes) when `on`; memory only otherwise. */
export function keepSession(on: boolean): void {
  keep = on;
  persist();
}

/** Starts a verified session. Called by the login flow only after every check passed. */
export function startSession(user: SessionUser, next: SessionTokens, provider?: Provider): void {
  tokens = next;
  $session.set(
    provider ? { status: 'authenticated', user, provider } : { status: 'authenticated', user },
  );
  persist();
}

/** Marks a sign-in as in progress (`pending`) or, with `false`, back to where it was. */
export function setPending(provider: Provider | undefined): void {
  if (provider) {
    $session.set({ status: 'pending', provider });
  } else if ($session.get().status === 'pending') {
    $session.set({ status: 'anonymous' });
  }
}

/** The current ID token, for a back end that wants a Bearer token; none when expired. */
export function getIdToken(): string | undefined {
  if (tokens && tokens.expiresAt <= Date.now()) logout();
  return tokens?.idToken;
}

/** Signs out on this page: forgets the user and every token. */
export function logout(): void {
  tokens = undefined;
  $session.set({ status: 'anonymous' });
  persist();
}

/** Restores a session kept with `keep-session` when it is still valid. */
export function restoreSession(): void {
  try {
    const raw = stored()?.getItem(KEPT_SESSION_KEY);
    if (!raw) return;
    const kept = JSON.parse(raw) as { user?: SessionUser; tokens?: SessionTokens };
    const valid =
      typeof kept.user?.sub === 'string' &&
      typeof kept.user.name === 'string' &&
      typeof kept.tokens?.idToken === 'string' &&
      typeof kept.tokens.expiresAt === 'number' &&
      kept.tokens.expiresAt > Date.now();
    if (valid && kept.user && kept.tokens) {
      keep = true;
      startSession(kept.user, kept.tokens);
    } else {
      stored()?.removeItem(KEPT_SESSION_KEY);
    }
  } catch {
    /* a damaged kept session is no session */
  }
}

/** Options of `requestLogin()`. */
export interface LoginRequest {
  /** Sign in with this provider at once; otherwise the fan chooses in `<vitrine-login>`. */
  provider?: Provider;
  /** Why sign-in is asked, shown above the providers (e.g. "Sign in to vote"). */
  reason?: string;
}

type LoginPrompt = (request: LoginRequest) => Promise<SessionUser>;
let prompt: LoginPrompt | undefined;

/** `<vitrine-login>` registers the way it asks a fan to sign in. */
export function setLoginPrompt(next: LoginPrompt | undefined): void {
  prompt = next;
}

/**
 * Asks the fan to sign in, the one way every widget does it. Resolves with the user once
 * signed in (at once when already signed in); rejects when the fan cancels or sign-in fails.
 */
export async function requestLogin(request: LoginRequest = {}): Promise<SessionUser> {
  const { status, user } = $session.get();
  if (status === 'authenticated' && user && getIdToken()) return user;
  if (!prompt) {
    const message = 'requestLogin() needs vitrine/login (or vitrine) on the page.';
    warn(message);
    throw new Error(`Vitrine: ${message}`);
  }
  return prompt(request);
}
