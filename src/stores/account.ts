/**
 * What a signed-in fan keeps on the back end (`api`): their wishlist, synced with every page
 * and device. The code for it loads at the first sign-in; pages without `api`, and fans who
 * never sign in, never load it. Started where a session can start: `vitrine/login`.
 */
import { apiRequest, ApiError } from '../core/api.js';
import { $config } from '../core/config.js';
import { warn } from '../core/warn.js';
import { $session, getIdToken, logout } from './session.js';
import { clearWishlist } from './wishlist.js';

function syncWhenSignedIn(): void {
  if ($config.get().api && $session.get().status === 'authenticated') {
    void import('./wishlist-sync.js').then(
      (sync) => sync.startWishlistSync(),
      (error: unknown) => warn(`could not load the wishlist sync: ${String(error)}`),
    );
  }
}

let following = false;

/** Keeps a signed-in fan's wishlist on their account from now on; calling it again does nothing. */
export function followAccount(): void {
  if (following || typeof window === 'undefined') return;
  following = true;
  $session.listen(syncWhenSignedIn);
  $config.listen(syncWhenSignedIn);
  syncWhenSignedIn();
}

function signedInToken(): string {
  const token = getIdToken();
  if (!$config.get().api) throw new ApiError(0, 'no_api', '<vitrine-config> has no api.');
  if (!token) throw new ApiError(401, 'unauthorized', 'Sign in first.');
  return token;
}

/**
 * Everything the back end keeps about the signed-in fan (`GET /me/export`), saved by the
 * browser as `vitrine-my-data.json`. Rejects with an `ApiError` when it cannot be had.
 */
export async function downloadMyData(): Promise<void> {
  const { data } = await apiRequest('/me/export', { token: signedInToken() });
  const file = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const href = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = href;
  link.download = 'vitrine-my-data.json';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has its copy once the click is handled.
    setTimeout(() => URL.revokeObjectURL(href), 0);
  }
}

/**
 * Erases everything the back end keeps about the signed-in fan (`DELETE /me`), then signs
 * them out and clears this device's copy of their wishlist. Signed out first, so that the
 * account sync does not write the emptied list back. Rejects with an `ApiError`, and
 * changes nothing here, when the back end did not erase.
 */
export async function deleteMyData(): Promise<void> {
  await apiRequest('/me', { method: 'DELETE', token: signedInToken() });
  logout();
  clearWishlist();
}
