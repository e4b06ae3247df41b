/**
 * How many live streams one client address holds open at once. A stream costs a socket and
 * a file descriptor for as long as it lasts, so without a cap one address could hold
 * thousands; the shoppers behind one address (a household, an office) need a handful.
 */
import type { ServerResponse } from 'node:http';
import { HttpError } from './http.js';

/** What a refused stream is told to wait before it tries again. */
const RETRY_AFTER_S = 30;

export interface StreamCap {
  /** Counts `res` against `address` until it closes; a 429 `HttpError` beyond the cap. */
  admit(address: string, res: ServerResponse): void;
}

export function createStreamCap(max: number): StreamCap {
  const open = new Map<string, number>();
  return {
    admit(address, res) {
      const count = open.get(address) ?? 0;
      if (count >= max) {
        throw new HttpError(
          429,
          'too_many_streams',
          `At most ${max} live streams at once from one address.`,
          { 'retry-after': String(RETRY_AFTER_S) },
        );
      }
      open.set(address, count + 1);
      res.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
    },
  };
}
