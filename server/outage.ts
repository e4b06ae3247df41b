/**
 * A store that cannot answer right now is an outage, not a fault of the request: the client
 * is told 503 `unavailable` with `Retry-After`, as for every other outage, never a 500.
 */
import { HttpError } from './http.js';

/** SQLite's "another connection holds the lock" (a second process, a backup). */
const BUSY_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
]);

const RETRY_AFTER_S = 2;

/** The 503 for an error a store threw because it is busy, or `undefined` for any other. */
export function storageOutage(error: unknown): HttpError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !BUSY_CODES.has(code)) return undefined;
  return new HttpError(503, 'unavailable', 'The database is busy; try again shortly.', {
    'retry-after': String(RETRY_AFTER_S),
  });
}
