import { ApiError, apiUrl } from './api-base.js';

export { ApiError, apiUrl };

/** How long a request to the back end may take before the widget says it is unreachable. */
const TIMEOUT_MS = 10_000;

export interface ApiRequest {
  method?: 'GET' | 'PUT' | 'DELETE' | 'POST';
  body?: unknown;
  /** An ID token for `Authorization: Bearer`. */
  token?: string | undefined;
  headers?: Record<string, string>;
  /** Ends the request early (its caller no longer wants the answer). */
  signal?: AbortSignal;
}

/**
 * One JSON request to the back end. Resolves with the parsed body and the response;
 * rejects with an `ApiError` for every failure, so callers handle one kind of error.
 */
export async function apiRequest<T = unknown>(
  path: string,
  { method = 'GET', body, token, headers = {}, signal }: ApiRequest = {},
): Promise<{ data: T; response: Response }> {
  const url = apiUrl(path);
  if (url === undefined) throw new ApiError(0, 'no_api', '<vitrine-config> has no api.');
  const sent: Record<string, string> = { accept: 'application/json', ...headers };
  if (token) sent.authorization = `Bearer ${token}`;
  if (body !== undefined) sent['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)])
        : AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ApiError(0, 'network', `${method} ${url} did not reach the server: ${String(error)}`);
  }
  let data: unknown;
  try {
    // 204 No Content: a success with nothing to read.
    data = response.status === 204 ? undefined : await response.json();
  } catch {
    throw new ApiError(response.status, 'bad_response', `${method} ${url}: the reply is not JSON.`);
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : 'bad_response',
      typeof error?.message === 'string' ? error.message : `${method} ${url}: ${response.status}`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      data,
    );
  }
  return { data: data as T, response };
}

/**
 * Waits before the `attempt`-th retry: 1 s, 2 s, 4 s… up to 30 s, with jitter so that a
 * thousand pages do not all come back in the same second after an outage.
 */
export function backoffMs(attempt: number, retryAfter?: number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  const jittered = base / 2 + Math.random() * (base / 2);
  return Math.max(jittered, (retryAfter ?? 0) * 1000);
}

/**
 * Runs `task` again after each failure, waiting longer every time (`backoffMs`), with one
 * try pending at most; `succeeded()` makes the next failure wait the shortest time again.
 */
export class Retry {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly task: () => void) {}

  /** How many tries failed in a row. */
  get failures(): number {
    return this.attempt;
  }

  /** After a failure: tries again later, after at least `retryAfter` seconds when given. */
  later(retryAfter?: number): void {
    this.now(backoffMs(this.attempt++, retryAfter));
  }

  /** Tries again after `wait` ms (0: as soon as this task ends), replacing a pending try. */
  now(wait = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.task();
    }, wait);
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  succeeded(): void {
    this.attempt = 0;
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
