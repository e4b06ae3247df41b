import { atom } from 'nanostores';
import { emit } from '../core/events.js';
import { includeMessages, loadCatalog, translate } from '../core/i18n/index.js';
import { loginMessages } from './messages/index.js';
import { warn } from '../core/warn.js';
import { $locale } from '../core/locale.js';
import type { SessionUser } from '../stores/session.js';
import { LoginError, type LoginErrorCode } from '../stores/sign-in/errors.js';

includeMessages(loginMessages);

/** The last sign-in failure, localized, for every `<vitrine-login>` to show. */
export interface LoginFailure {
  code: LoginErrorCode;
  message: string;
}

export const $loginError = atom<LoginFailure | undefined>(undefined);

/** Where the outcome is announced: the element that started it, else the page's first. */
function target(host: Element | undefined): EventTarget {
  if (host?.isConnected) return host;
  return document.querySelector('vitrine-login') ?? document;
}

/**
 * Announces how a sign-in ended: `vitrine-login` with the user, or `vitrine-login-error`
 * with a code and a localized message (also kept in `$loginError` for the widgets).
 * Returns the same outcome, so a caller can still await it.
 */
export function reportOutcome(outcome: Promise<SessionUser>, host?: Element): Promise<SessionUser> {
  return outcome.then(
    (user) => {
      $loginError.set(undefined);
      emit(target(host), 'vitrine-login', { user });
      return user;
    },
    async (error: unknown) => {
      const failure =
        error instanceof LoginError ? error : new LoginError('provider', String(error));
      const locale = $locale.get();
      await loadCatalog(locale);
      const message = translate(locale, `login.error.${failure.code}`);
      if (failure.code !== 'cancelled') warn(`sign-in failed: ${failure.message}`);
      $loginError.set(failure.code === 'cancelled' ? undefined : { code: failure.code, message });
      emit(target(host), 'vitrine-login-error', { code: failure.code, message });
      throw failure;
    },
  );
}
