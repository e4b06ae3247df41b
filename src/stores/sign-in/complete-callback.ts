import { warn } from '../../core/warn.js';
import { isLoginCallback } from './markers.js';
import type { FinishRedirect } from './protocol.js';

const shared = globalThis as { __vitrineCallback?: { finish?: FinishRedirect; queued?: boolean } };

/**
 * Every entry point calls this once: a page opened at the `redirect-uri` with a Vitrine
 * `state` (a popup, or the return from a redirect sign-in) completes sign-in by itself, with
 * no extra script. Costs a URL check on other pages; the callback code loads only when
 * needed. `vitrine/login` passes `finish`, which completes a redirect sign-in on its page.
 */
export function completeLoginCallback(finish?: FinishRedirect): void {
  if (typeof location === 'undefined') return;
  const callback = (shared.__vitrineCallback ??= {});
  callback.finish ??= finish;
  if (callback.queued) return;
  callback.queued = true;
  if (!isLoginCallback()) return;
  // After the other entry points of this bundle have registered.
  void import('./callback.js').then(
    ({ completeCallback }) => completeCallback(callback.finish),
    (error: unknown) => warn(`could not complete sign-in: ${String(error)}`),
  );
}
