/**
 * HTTP plumbing shared by every route: JSON replies and errors, bounded bodies, CORS and the
 * origin check, the client's address, and the route table.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A refusal with its status and contract `code`; the message is safe to show to a client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Fields the reply carries beside `error` (the current copy in a 412). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const tooLarge = (message: string) => new HttpError(413, 'payload_too_large', message);
export const rateLimited = (retryAfterSeconds: number) =>
  new HttpError(429, 'rate_limited', 'Too many requests; try again later.', {
    'retry-after': String(retryAfterSeconds),
  });

const JSON_TYPE = 'application/json; charset=utf-8';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', JSON_TYPE);
  res.setHeader('content-length', Buffer.byteLength(text));
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  if (headers) for (const name in headers) res.setHeader(name, headers[name]!);
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(
    res,
    error.status,
    { error: { code: error.code, message: error.message }, ...error.extra },
    error.headers,
  );
}

/** Beyond this a refused body is not read to its end: the connection closes instead. */
const DISCARD_LIMIT = 1024 * 1024;
const EMPTY = Buffer.alloc(0);

/** The request went away while its body was being read: there is no one left to answer. */
export class ClientGone extends Error {}

/** 413 for a body of `size` bytes (or more) where `limit` is the most a route accepts. */
export function bodyTooLarge(limit: number, size: number): HttpError {
  const error = tooLarge(`The body is over the ${limit / 1024} KB this route accepts.`);
  if (size > DISCARD_LIMIT) error.headers.connection = 'close';
  return error;
}

/** The body, at most `limit` bytes (413 beyond, with nothing stored). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const length = req.headers['content-length'];
  const declared = length === undefined ? -1 : Number(length);
  if (declared > limit) return Promise.reject(bodyTooLarge(limit, declared));
  if (declared === 0 || (declared < 0 && req.headers['transfer-encoding'] === undefined)) {
    return Promise.resolve(EMPTY);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanUp = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('aborted', onGone);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      cleanUp();
      // Read the rest into the void so the connection stays usable for the reply.
      req.resume();
      reject(bodyTooLarge(limit, size));
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, size));
    };
    const onGone = () => {
      cleanUp();
      reject(new ClientGone());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('aborted', onGone);
  });
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('The body is not valid JSON.');
  }
}

/** How the request's `Origin` stands: no header, one of the brand's, or foreign. */
export type OriginStanding = 'none' | 'allowed' | 'foreign';

/**
 * The brand's origins are the configured ones, compared whole (scheme, host, port). The
 * `Host` header says nothing: anyone can send `Origin: http://evil.example` with
 * `Host: evil.example`, so a page served with the handler lists its own origin too.
 */
export function originStanding(req: IncomingMessage, allowed: ReadonlySet<string>): OriginStanding {
  const origin = req.headers.origin;
  if (origin === undefined) return 'none';
  return allowed.has(origin) ? 'allowed' : 'foreign';
}

const ALLOWED_METHODS = 'GET, PUT, DELETE, POST';
const ALLOWED_HEADERS = 'authorization, content-type, if-match, last-event-id';

/** CORS headers for an allowed origin; every reply varies on `Origin`. */
export function applyCors(req: IncomingMessage, res: ServerResponse, standing: OriginStanding) {
  res.setHeader('vary', 'Origin');
  if (standing !== 'allowed') return;
  res.setHeader('access-control-allow-origin', req.headers.origin!);
  res.setHeader('access-control-expose-headers', 'etag, retry-after');
}

export function answerPreflight(res: ServerResponse, standing: OriginStanding, allow: string) {
  if (standing === 'allowed') {
    res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
  }
  res.setHeader('allow', allow);
  res.statusCode = 204;
  res.end();
}

/**
 * The client's address. Behind `proxies` trusted reverse proxies, it is the entry they
 * appended to `X-Forwarded-For` (the ones before it are whatever the client claimed).
 */
export function clientAddress(req: IncomingMessage, proxies: number): string {
  const direct = req.socket.remoteAddress ?? 'unknown';
  if (proxies === 0) return direct;
  const forwarded = req.headers['x-forwarded-for'];
  if (typeof forwarded !== 'string') return direct;
  const chain = forwarded.split(',');
  const entry = chain[Math.max(0, chain.length - proxies)]?.trim();
  return entry || direct;
}

export type RouteName =
  | 'campaign'
  | 'campaign-events'
  | 'vote'
  | 'my-wishlist'
  | 'shared-wishlists'
  | 'shared-wishlist'
  | 'me'
  | 'my-data'
  | 'admin-campaign-export';

export interface Route {
  name: RouteName;
  /** Methods the route answers (405 and `Allow` for the others). */
  methods: readonly string[];
  /** Decoded path parameters, in path order. */
  params: string[];
}

const GET = ['GET'] as const;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('The path is not valid percent-encoding.');
  }
}

/** Matches a path (without query) relative to where the handler is mounted. */
export function matchRoute(path: string): Route | undefined {
  const parts = path.split('/');
  if (parts[0] !== '' || parts.some((part, index) => index > 0 && part === '')) return undefined;
  const [, root, a, b, c, ...rest] = parts;
  if (rest.length > 0) return undefined;
  if (root === 'campaigns' && a !== undefined) {
    if (b === undefined) return { name: 'campaign', methods: GET, params: [decode(a)] };
    if (b === 'events' && c === undefined) {
      return { name: 'campaign-events', methods: GET, params: [decode(a)] };
    }
    if (b === 'votes' && c !== undefined) {
      return { name: 'vote', methods: ['PUT', 'DELETE'], params: [decode(a), decode(c)] };
    }
    return undefined;
  }
  if (root === 'me' && b === undefined) {
    if (a === undefined) return { name: 'me', methods: ['DELETE'], params: [] };
    if (a === 'export') return { name: 'my-data', methods: GET, params: [] };
    return undefined;
  }
  if (root === 'admin' && a === 'campaigns' && b !== undefined && c === 'export') {
    return { name: 'admin-campaign-export', methods: GET, params: [decode(b)] };
  }
  if (root === 'wishlists' && c === undefined) {
    if (a === 'me' && b === undefined) {
      return { name: 'my-wishlist', methods: ['GET', 'PUT'], params: [] };
    }
    if (a === 'shared' && b === undefined) {
      return { name: 'shared-wishlists', methods: ['POST'], params: [] };
    }
    if (a === 'shared' && b !== undefined) {
      return { name: 'shared-wishlist', methods: GET, params: [decode(b)] };
    }
  }
  return undefined;
}

/** Splits `req.url` into its path and its query string (without `?`). */
export function splitUrl(url: string): { path: string; query: string } {
  const mark = url.indexOf('?');
  return mark < 0
    ? { path: url, query: '' }
    : { path: url.slice(0, mark), query: url.slice(mark + 1) };
}
