/** The popup side of a sign-in: where the page waits for the provider's answer. */
import { LoginError } from './errors.js';
import { ATTEMPT_TTL_MS, CHANNEL, isCallbackMessage, type AckMessage } from './protocol.js';

/** How long the page waits for an answer after the popup is seen closed. */
const CLOSED_GRACE_MS = 3000;
/**
 * How long the popup must be seen open at the provider before its closing can only be the
 * fan's doing. Cross-Origin-Opener-Policy (on the provider's pages or on this one) makes a
 * popup that is still open look closed, and it does so as the provider's page arrives.
 */
const SEEN_OPEN_MS = 500;
/**
 * Sends the popup to the provider and waits for the callback page to hand back the answer for
 * `state`: through the same-origin BroadcastChannel (works when Cross-Origin-Opener-Policy cut
 * `window.opener`) or `postMessage` from this origin exactly. A popup seen closed with no
 * answer is a cancellation: at once when it had been seen open at the provider; otherwise
 * COOP may be hiding a popup the fan is still using, so once the fan is back on this page
 * (focus, a click, a key). An answer arriving after that still goes to `late`, to sign the fan in.
 */
export function waitForCallback(
  url: URL,
  popup: Window,
  state: string,
  late: (callbackUrl: string) => void,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const channel = new BroadcastChannel(CHANNEL);
    let settled = false;
    let answered = false;
    /** When the popup's blank page gave way to the provider's. */
    let leftAt: number | undefined;
    let seenAtProvider = false;
    let closedAt: number | undefined;
    let backAt: number | undefined;
    const onBack = () => {
      if (leftAt !== undefined || closedAt !== undefined) backAt = Date.now();
    };
    const backSignals = ['focus', 'pointerdown', 'keydown'] as const;
    const cleanUp = () => {
      clearInterval(timer);
      removeEventListener('message', onMessage);
      for (const type of backSignals) removeEventListener(type, onBack, true);
      channel.close();
    };
    const lateTimer = () => setTimeout(cleanUp, ATTEMPT_TTL_MS);
    const accept = (data: unknown) => {
      if (answered || !isCallbackMessage(data) || data.state !== state) return;
      answered = true;
      channel.postMessage({ type: 'vitrine-login-ack', state } satisfies AckMessage);
      if (settled) {
        cleanUp();
        late(data.url);
        return;
      }
      settled = true;
      cleanUp();
      resolve(data.url);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin === location.origin) accept(event.data);
    };
    channel.onmessage = (event) => accept(event.data);
    addEventListener('message', onMessage);
    for (const type of backSignals) addEventListener(type, onBack, true);
    try {
      popup.addEventListener('pagehide', () => (leftAt = Date.now()), { once: true });
    } catch {
      // Not this origin's blank page any more: the fan stays until back on this page.
    }
    popup.location.href = url.href;
    const startedAt = Date.now();
    const timer = setInterval(() => {
      if (settled) return;
      const now = Date.now();
      if (!popup.closed) {
        if (leftAt !== undefined && now - leftAt >= SEEN_OPEN_MS) seenAtProvider = true;
        return;
      }
      closedAt ??= now;
      const since = seenAtProvider ? closedAt : backAt && Math.max(backAt, closedAt);
      const expired = now - startedAt > ATTEMPT_TTL_MS;
      if (!expired && (since === undefined || now - since < CLOSED_GRACE_MS)) return;
      settled = true;
      clearInterval(timer);
      lateTimer();
      reject(new LoginError('cancelled', 'the sign-in window was closed.'));
    }, 200);
  });
}
