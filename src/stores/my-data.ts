/**
 * What the back end keeps about a signed-in fan, for them to take away or erase (the
 * sign-in widget's menu): loaded when the fan asks (account.ts).
 */
import { apiRequest, ApiError } from '../core/api.js';
import { $config } from '../core/config.js';
import { getIdToken, logout } from './session.js';
import { clearWishlist } from './wishlist.js';

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
