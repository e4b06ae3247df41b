/**
 * How a page tells a Vitrine sign-in callback from anything else, kept apart from the rest of
 * the protocol because every entry point carries it.
 */

/** Every Vitrine `state` starts with this, so a callback is told apart from a brand's own. */
export const STATE_PREFIX = 'vitrine.';

/** sessionStorage key of a full-page (redirect) sign-in in progress. */
export const REDIRECT_KEY = 'vitrine:login:redirect';
