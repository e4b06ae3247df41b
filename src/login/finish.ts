import type { RedirectAttempt } from '../stores/sign-in/protocol.js';
import { reportOutcome } from './outcome.js';

/** Completes a redirect sign-in on the fan's page and announces how it ended. */
export function finishRedirect(attempt: RedirectAttempt, callbackUrl: string): void {
  const outcome = import('../stores/sign-in/oidc.js').then((oidc) =>
    oidc.finishRedirect(attempt, callbackUrl),
  );
  reportOutcome(outcome).catch(() => {
    /* shown on the widget and announced as vitrine-login-error */
  });
}
