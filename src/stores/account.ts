/**
 * What a signed-in fan keeps on the back end (`api`): their wishlist, synced with every page
 * and device. The code for it loads at the first sign-in; pages without `api`, and fans who
 * never sign in, never load it. Started where a session can start: `vitrine/login`.
 */
import { $config } from '../core/config.js';
import { warn } from '../core/warn.js';
import { $session } from './session.js';

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

/**
 * Everything the back end keeps about the signed-in fan (`GET /me/export`), saved by the
 * browser as `vitrine-my-data.json`. Rejects with an `ApiError` when it cannot be had.
 */
export async function downloadMyData(): Promise<void> {
  const myData = await import('./my-data.js');
  return myData.downloadMyData();
}

/**
 * Erases everything the back end keeps about the signed-in fan (`DELETE /me`), then signs
 * them out and clears this device's copy of their wishlist. Rejects with an `ApiError`,
 * and changes nothing here, when the back end did not erase.
 */
export async function deleteMyData(): Promise<void> {
  const myData = await import('./my-data.js');
  return myData.deleteMyData();
}
