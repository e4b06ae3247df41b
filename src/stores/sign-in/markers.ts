/**
 * How a page tells a Vitrine sign-in callback from anything else, kept apart from the rest of
 * the protocol because every entry point carries it.
 */

/** Every Vitrine `state` starts with this, so a callback is told apart from a brand's own. */
export const STATE_PREFIX = 'vitrine.';

/** sessionStorage key of a full-page (redirect) sign-in in progress. */
export const REDIRECT_KEY = 'vitrine:login:redirect';

/**
 * Whether this page is a Vitrine sign-in callback: opened with a Vitrine `state`, or back
 * from a full-page sign-in.
 */
export function isLoginCallback(): boolean {
  if (typeof location === 'undefined') return false;
  let returning = false;
  try {
    returning = sessionStorage.getItem(REDIRECT_KEY) !== null;
  } catch {
    /* storage blocked: no redirect sign-in can be in progress */
  }
  const state = new URLSearchParams(location.search).get('state');
  return returning || state?.startsWith(STATE_PREFIX) === true;
}
