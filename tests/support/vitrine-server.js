// The built back end (dist/server, as `npm i vitrine` installs it) on a loopback port, and a
// client for it: JSON calls through fetch, live streams through a raw HTTP reader.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, get, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createVitrineHandler } from '../../dist/server/index.js';

/** A logger that keeps what it is told, for tests to read (and to keep the output quiet). */
export function recordingLogger() {
  const lines = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message, error) => lines.push({ level: 'error', message, error }),
  };
}

export function temporaryDirectory() {
  const path = mkdtempSync(join(tmpdir(), 'vitrine-server-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** `createVitrineHandler(options)` served by node:http on 127.0.0.1. */
export async function startVitrine(options) {
  const logger = options.logger ?? recordingLogger();
  const handler = createVitrineHandler({ ...options, logger });
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    handler,
    logger,
    async close() {
      await handler.close();
      // Stop accepting first, then end every connection: none can slip in between.
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * One request; `body` objects go as JSON. Resolves with the status, the headers and the
 * body (parsed when it is JSON).
 */
export async function call(base, method, path, { token, origin, body, headers = {} } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(origin && { origin }),
      ...headers,
    },
    body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the test sees the text.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A keep-alive pool for bursts of requests (a browser's limits, not one socket per call). */
export const pool = new Agent({ keepAlive: true, maxSockets: 50 });

/** One request through `pool`, without fetch's per-call overhead; resolves with status and JSON. */
export function rawCall(base, method, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { method, headers, agent: pool }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * A live stream read the way EventSource reads it: `events` (`{ id, type, data, json, at }`)
 * and `comments` as they arrive, `waitFor(condition)` to wait for something, `ended` when
 * the server ends it.
 */
export function openEvents(url, headers = {}) {
  const stream = {
    status: undefined,
    headers: undefined,
    retry: undefined,
    events: [],
    comments: [],
    done: false,
  };
  const waiters = new Set();
  const settle = () => {
    for (const waiter of waiters) {
      if (waiter.condition()) {
        waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve();
      }
    }
  };
  let buffer = '';
  const parse = (block) => {
    const event = { id: undefined, type: 'message', data: undefined, at: performance.now() };
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        stream.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      if (field === 'retry') stream.retry = Number(value);
      else if (field === 'id') event.id = value;
      else if (field === 'event') event.type = value;
      else if (field === 'data')
        event.data = event.data === undefined ? value : `${event.data}\n${value}`;
    }
    if (event.data === undefined) return;
    event.json = JSON.parse(event.data);
    stream.events.push(event);
  };

  let endStream;
  stream.ended = new Promise((resolve) => (endStream = resolve));
  const request = get(url, { headers, agent: false }, (response) => {
    stream.status = response.statusCode;
    stream.headers = response.headers;
    response.setEncoding('utf8');
    response.on('data', (chunk) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
      settle();
    });
    const finish = () => {
      stream.done = true;
      endStream();
      settle();
    };
    response.on('end', finish);
    response.on('close', finish);
  });
  request.on('error', () => {
    stream.done = true;
    endStream();
    settle();
  });

  stream.waitFor = (condition, what = 'the stream', timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      if (condition()) {
        resolve();
        return;
      }
      const waiter = { condition, resolve };
      waiter.timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(
            `timed out waiting for ${what}; events so far: ${JSON.stringify(stream.events.map(({ id, type, data }) => ({ id, type, data })))}`,
          ),
        );
      }, timeoutMs);
      waiters.add(waiter);
    });
  /** Waits until the stream has `count` events of `type`. */
  stream.nextEvents = (count, type = 'counts') =>
    stream.waitFor(
      () => stream.events.filter((event) => event.type === type).length >= count,
      `${count} "${type}" events`,
    );
  stream.close = () => request.destroy();
  return stream;
}
