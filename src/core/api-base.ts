/**
 * What every page knows of the back end: its URL, and the error a request to it rejects
 * with. The requests themselves (api.ts) load with the code that makes them.
 */
import { $config } from './config.js';

/**
 * A request to the back end that did not succeed. `status` 0 means the server was not
 * reached (offline, refused, timed out); `code` is the server's `error.code` otherwise
 * (see server/README.md), or `bad_response` when the reply was not the JSON promised.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds the server asked to wait (429 `Retry-After`). */
    readonly retryAfter?: number,
    /** The parsed error body, for replies that carry more (412 holds the current copy). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth trying again later: the network or the server, not the request. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** The back end's URL for `path`, or `undefined` when the page configured no `api`. */
export function apiUrl(path: string): string | undefined {
  const base = $config.get().api;
  return base === undefined ? undefined : `${base.replace(/\/+$/, '')}${path}`;
}
