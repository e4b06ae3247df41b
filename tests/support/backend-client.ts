import { executeServerCommand } from '@web/test-runner-commands';
import { configure } from '../../src/core/config.js';
import { logout, startSession, type SessionUser } from '../../src/stores/session.js';

/** The real back end and identity provider the test runner started (tests/support/backend.js). */
export interface Backend {
  api: string;
  issuer: string;
  clientId: string;
}

/** Points the page's Vitrine at the test back end. */
export async function useBackend(): Promise<Backend> {
  const backend = await executeServerCommand<Backend, undefined>('vitrine-backend');
  configure({ api: backend.api, issuer: backend.issuer, clientId: backend.clientId });
  return backend;
}

/**
 * Signs `login` in with a real ID token from the provider. The browser flow that gets such a
 * token is tested end to end in tests/node/login.test.js; here the widgets only need the fan.
 */
export async function signInAs(login: string): Promise<SessionUser> {
  const { idToken, expiresAt, user } = await executeServerCommand<
    { idToken: string; expiresAt: number; user: SessionUser },
    { login: string }
  >('vitrine-token', { login });
  logout();
  startSession(user, { idToken, expiresAt });
  return user;
}

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** A request to the back end from elsewhere: `login`'s other device, or anyone. */
export function callBackend<T = Record<string, unknown>>(request: {
  login?: string;
  method?: 'GET' | 'PUT' | 'DELETE' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}): Promise<CallResult<T>> {
  return executeServerCommand<CallResult<T>, typeof request>('vitrine-call', request);
}

/** Another fan votes, from another device. */
export function voteElsewhere(login: string, campaign: string, productId: string, voted = true) {
  return callBackend<{ count: number }>({
    login,
    method: voted ? 'PUT' : 'DELETE',
    path: `/campaigns/${campaign}/votes/${productId}`,
  });
}

/** The back end stops answering (connections refused), then comes back. */
export const backendDown = () => executeServerCommand('vitrine-backend-down');
export const backendUp = () => executeServerCommand('vitrine-backend-up');

let fans = 0;
/** A login no other test used, so each test's votes are its own. */
export const newFan = (name: string) => `${name}-${Date.now().toString(36)}-${++fans}`;
