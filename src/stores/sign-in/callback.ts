/**
 * The callback page's part, loaded only when the page was opened with a Vitrine `state` (or
 * comes back from a redirect sign-in). A popup hands the provider's answer to the page that
 * opened it and closes; a redirect goes back to the fan's page, which finishes sign-in.
 * Depends on nothing but the protocol, so every entry point can afford it.
 */
import {
  CHANNEL,
  callbackParams,
  readRedirectAttempt,
  withoutCallbackParams,
  writeRedirectAttempt,
  type AckMessage,
  type CallbackMessage,
  type FinishRedirect,
} from './protocol.js';

/** How long a popup waits for its opener to take the answer before it stops trying. */
const HAND_OVER_MS = 10_000;

function samePage(a: string, b: string): boolean {
  const x = new URL(a);
  const y = new URL(b);
  x.hash = '';
  y.hash = '';
  return x.href === y.href;
}

/** In the popup: give the answer to the opener (same origin only) and close once it has it. */
function handToOpener(state: string, url: string): void {
  const message: CallbackMessage = { type: 'vitrine-login-callback', state, url };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<AckMessage>) => {
    if (event.data?.type === 'vitrine-login-ack' && event.data.state === state) {
      channel.close();
      window.close();
    }
  };
  setTimeout(() => channel.close(), HAND_OVER_MS);
  channel.postMessage(message);
  try {
    // Often cut by Cross-Origin-Opener-Policy: the channel above covers that case.
    if (window.opener && window.opener !== window) {
      (window.opener as Window).postMessage(message, location.origin);
    }
  } catch {
    /* the opener is gone or cross-origin */
  }
}

export function completeCallback(finish: FinishRedirect | undefined): void {
  const params = callbackParams(location.href);
  const attempt = readRedirectAttempt();
  if (params) {
    const url = location.href;
    // The code leaves the address bar (and the history) at once.
    history.replaceState(history.state, '', withoutCallbackParams(url));
    if (!attempt) return handToOpener(params.get('state') ?? '', url);
    if (finish && samePage(withoutCallbackParams(url), attempt.returnTo)) {
      writeRedirectAttempt(undefined);
      history.replaceState(history.state, '', attempt.returnTo);
      return finish(attempt, url);
    }
    // Back to the fan's page, which holds `<vitrine-login>` and finishes there.
    writeRedirectAttempt({ ...attempt, callback: url });
    if (!samePage(location.href, attempt.returnTo)) location.replace(attempt.returnTo);
    return;
  }
  if (finish && attempt?.callback && samePage(location.href, attempt.returnTo)) {
    writeRedirectAttempt(undefined);
    finish(attempt, attempt.callback);
  }
}
