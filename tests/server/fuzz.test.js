// Random and malformed requests (fast-check) against every route of the built back end
// (dist/server) on a real SQLite file: whatever arrives, the answer is never a 5xx, an error
// is the contract's JSON `{error: {code, message}}`, and nothing stored changes (every table
// is read back after each request). Requests that may legitimately change something (a valid
// vote, a well-formed wishlist or share) are never generated: each one here is refused, or
// only reads.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, startVitrine, temporaryDirectory } from '../support/vitrine-server.js';

const BRAND = 'https://maison.example';
const campaigns = [
  { id: 'next-icon', title: 'Next icon', products: ['sac-lune', 'carre-jardin'], goal: 10 },
  { id: 'closed', title: 'Closed', products: ['trench-ete'], closesAt: '2001-01-01T00:00:00Z' },
];

/** How many requests each property sends (the README's figures add them up). */
const RUNS = { anonymous: 1000, signedIn: 500, raw: 100 };
const ADMIN_TOKEN = 'fuzz-admin-token-0123456789';

describe('fuzzing the back end', { timeout: 300_000 }, () => {
  let op;
  let directory;
  let vitrine;
  let db;
  let token;
  let sharedId;
  const served = { requests: 0, statuses: {} };

  /** Every row of every table, in a stable order. */
  const snapshot = () =>
    JSON.stringify({
      votes: db.prepare('SELECT campaign, product, person FROM votes ORDER BY 1, 2, 3').all(),
      counts: db.prepare('SELECT * FROM vote_counts ORDER BY 1, 2').all(),
      wishlists: db.prepare('SELECT person, items, version FROM wishlists ORDER BY 1').all(),
      shared: db.prepare('SELECT id, items, expires_at, owner FROM shared_lists ORDER BY 1').all(),
      webhooks: db.prepare('SELECT * FROM webhook_deliveries ORDER BY 1, 2').all(),
    });

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    token = await idTokenFor(op.issuer, 'fuzzer');
    directory = temporaryDirectory();
    const file = join(directory.path, 'vitrine.db');
    vitrine = await startVitrine({
      db: file,
      issuer: op.issuer,
      audience: op.clientId,
      origins: [BRAND],
      campaigns,
      // The limits answer 429 before the routes are reached: off, so that every request
      // gets as far as it can.
      rateLimits: { person: false, ip: false, share: false },
      adminToken: ADMIN_TOKEN,
    });
    // Something to protect: a vote, a wishlist and a shared list.
    const auth = { token };
    assert.equal(
      (await call(vitrine.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', auth)).status,
      200,
    );
    const item = { productId: 'sac-lune', name: 'Sac Lune', addedAt: 1_760_000_000_000 };
    assert.equal(
      (await call(vitrine.base, 'PUT', '/wishlists/me', { ...auth, body: { items: [item] } }))
        .status,
      200,
    );
    const shared = await call(vitrine.base, 'POST', '/wishlists/shared', {
      origin: BRAND,
      body: { items: [item], landing: `${BRAND}/shared` },
    });
    assert.equal(shared.status, 201);
    sharedId = shared.body.id;
    db = new Database(file, { readonly: true, fileMustExist: true });
  });
  after(async () => {
    db?.close();
    await vitrine?.close();
    await op?.close();
    directory?.remove();
    const statuses = Object.entries(served.statuses)
      .sort()
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    console.log(`[fuzz] ${served.requests} requests to the back end: ${statuses}`);
  });

  /**
   * One well-formed HTTP request through node:http (any method, any header, a body with its
   * length), its status and body. Malformed HTTP itself is the socket test's business.
   */
  function send({ method, path, headers, body }) {
    const sent =
      body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) };
    return new Promise((resolve, reject) => {
      const req = request(
        `${vitrine.base}${path}`,
        { method, headers: sent, agent: false },
        (res) => {
          const chunks = [];
          // A live stream never ends: its first bytes are enough.
          if (/event-stream/.test(res.headers['content-type'] ?? '')) {
            const done = () => {
              res.destroy();
              resolve({ status: res.statusCode, headers: res.headers, text: '' });
            };
            res.once('data', done);
            res.once('end', done);
            return;
          }
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', (error) =>
        // The server may hang up on a body it refuses before reading it all.
        error.code === 'ECONNRESET' || error.code === 'EPIPE'
          ? resolve({ status: 'reset', headers: {}, text: '' })
          : reject(error),
      );
      req.setTimeout(5000, () => req.destroy(new Error(`no answer in 5 s to ${method} ${path}`)));
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  /** Sends `input`, then checks the answer and the store. */
  async function check(input, before) {
    const reply = await send(input);
    served.requests += 1;
    served.statuses[reply.status] = (served.statuses[reply.status] ?? 0) + 1;
    const where = `${input.method} ${input.path} ${JSON.stringify(input.headers)} ${String(input.body).slice(0, 200)}`;
    assert.ok(
      reply.status === 'reset' || reply.status < 500,
      `${reply.status} for ${where}: ${reply.text.slice(0, 300)}`,
    );
    if (typeof reply.status === 'number' && reply.status >= 400 && input.method !== 'HEAD') {
      let parsed;
      try {
        parsed = JSON.parse(reply.text);
      } catch {
        assert.fail(`a ${reply.status} that is not JSON for ${where}: ${reply.text.slice(0, 200)}`);
      }
      assert.equal(typeof parsed?.error?.code, 'string', `no error code for ${where}`);
      assert.equal(typeof parsed?.error?.message, 'string', `no error message for ${where}`);
      assert.doesNotMatch(reply.text, /\bat .+:\d+:\d+/, `a stack trace in the body for ${where}`);
    }
    assert.equal(snapshot(), before, `the store changed after ${where}`);
  }

  // The pieces requests are made of.
  const junk = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      '..',
      '%2e%2e',
      '%00',
      '%ff',
      '%',
      '__proto__',
      'constructor',
      '<script>',
      "' OR 1=1 --",
      'a'.repeat(300),
      'sac-lune',
      'next-icon',
      'closed',
      'trench-ete',
    ),
  );
  // Lone surrogates cannot be percent-encoded; their UTF-8 bytes can still be sent.
  const segment = fc.oneof(
    junk.map((value) => encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))),
    fc.constantFrom('%ED%A0%80', '%C0%AE%C0%AE', '%E2%80%AE', '%F0%9F%A6%84', '%2F', '%5C'),
  );
  const path = fc.oneof(
    fc.tuple(segment, segment).map(([a, b]) => `/campaigns/${a}/votes/${b}`),
    segment.map((a) => `/campaigns/${a}`),
    segment.map((a) => `/campaigns/${a}/events`),
    segment.map((a) => `/wishlists/shared/${a}`),
    segment.map((a) => `/admin/campaigns/${a}/export`),
    segment.map((a) => `/admin/campaigns/next-icon/export?format=${a}`),
    segment.map((a) => `/me/${a}`),
    fc.constantFrom(
      '/me',
      '/me/export',
      '/me/export?format=csv',
      '/admin',
      '/admin/campaigns/next-icon/export',
      '/admin/campaigns/next-icon/export?format=csv',
      '/wishlists/me',
      '/wishlists/shared',
      '/campaigns/next-icon/votes/sac-lune',
      '/campaigns/closed/votes/trench-ete',
      '/campaigns/next-icon',
      '/campaigns/next-icon/events?lastEventId=%00',
      '/',
      '//campaigns/next-icon',
      '/campaigns/next-icon/votes/sac-lune/extra',
      '/campaigns/next-icon/votes/sac-lune?x=%zz',
      '/%2e%2e/%2e%2e/etc/passwd',
      `/wishlists/shared/${'A'.repeat(22)}`,
    ),
    fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
  );
  // Methods Node's HTTP parser knows (others are refused before the handler: the socket test).
  const method = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'POST') },
    { weight: 1, arbitrary: fc.constantFrom('PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'PURGE') },
  );
  const json = fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true });
  /** Bodies no route may accept as a change. */
  // An empty list with a hostile landing page: a share must refuse it, but as a wishlist it
  // is well-formed (the landing is not part of one), so PUT /wishlists/me never gets it.
  const hostileLanding = '{"items": [], "landing": "javascript:alert(1)"}';
  /** Items a stranger could put on the brand's page: each one refuses its whole list. */
  const hostileItem = fc
    .constantFrom(
      { url: 'https://evil.example/pay' },
      { url: 'http://maison.example/sac-lune' },
      { url: 'https://maison.example@evil.example/' },
      { url: 'https://user:pw@maison.example/' },
      { url: 'https:evil.example' },
      { url: ' https:\\\\evil.example' },
      { image: 'https://tracker.example/pixel.gif' },
      { image: '//evil.example/pixel.gif' },
      { name: 'Sac\u0085Lune' },
      { name: 'Sac\u009bLune' },
      { name: 'Sac\u2028Lune' },
      { name: 'Sac \u202egpj.exe' },
      { name: 'Sac \u2066Lune' },
      { name: 'Sac \ud83d' },
      { currency: 'XYZ' },
      { price: 1e308 },
    )
    .map((bad) =>
      JSON.stringify({
        items: [{ productId: 'carre-jardin', addedAt: 1, ...bad }],
        landing: `${BRAND}/shared`,
      }),
    );
  const badBody = fc.oneof(
    fc.constant(undefined),
    fc.string({ unit: 'binary', maxLength: 200 }),
    json
      .map((value) => JSON.stringify(value))
      .filter((text) => text !== undefined && !/"items"/.test(text)),
    fc.constantFrom(
      '{"items":',
      '{"items": [1, 2, 3]}',
      '{"items": "all"}',
      '{"items": [{"productId": {"$gt": ""}}]}',
      '{"items": [{"productId": "x", "image": "javascript:alert(1)"}], "landing": "https://evil.example/"}',
      hostileLanding,
      '{"__proto__": {"admin": true}, "items": null}',
      `{"items": [${'{"productId":"a"},'.repeat(600)}{"productId":"b"}]}`,
      `[${'['.repeat(5000)}${']'.repeat(5000)}]`,
      `{"items": [], "pad": "${'x'.repeat(70_000)}"}`,
      '\u0000\u0001\u0002',
    ),
    hostileItem,
  );
  const headerValue = fc.oneof(
    fc.string({ maxLength: 40 }).map((value) => value.replace(/[^\x20-\x7e]/g, '')),
    fc.constantFrom(
      '',
      '"1"',
      '"-1"',
      '"99999999999999999999"',
      '*',
      'W/"1"',
      'null',
      'https://evil.example',
      BRAND,
    ),
  );
  const headers = fc.record(
    {
      authorization: fc.oneof(
        headerValue,
        headerValue.map((value) => `Bearer ${value}`),
        fc.constant(`Basic ${Buffer.from('a:b').toString('base64')}`),
        fc.constant(`Bearer ${'x'.repeat(10_000)}`),
      ),
      'content-type': fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        '',
      ),
      // Mostly the brand (or none): a foreign origin stops a request before its route.
      origin: fc.oneof(
        { weight: 3, arbitrary: fc.constant(BRAND) },
        { weight: 1, arbitrary: headerValue },
      ),
      'if-match': headerValue,
      'last-event-id': headerValue,
      'x-forwarded-for': fc.constantFrom('1.2.3.4', 'evil', '::1, 10.0.0.1'),
      // The Host a foreign page would claim to be "the server's own origin".
      host: fc.constantFrom('evil.example', 'maison.example', '127.0.0.1'),
      'access-control-request-method': fc.constantFrom('PUT', 'DELETE', 'FOO'),
    },
    { requiredKeys: [] },
  );

  it('anonymous requests, any route, any method, any header, any body: no 5xx, nothing changes', async () => {
    const before = snapshot();
    await fc.assert(
      fc.asyncProperty(method, path, headers, badBody, async (m, p, h, b) => {
        // A share needs no sign-in: only bodies that cannot be a valid share go there.
        const input = { method: m, path: p, headers: h, body: b };
        await check(input, before);
      }),
      { numRuns: RUNS.anonymous, includeErrorInReport: true },
    );
  });

  it('signed-in requests that must be refused: no 5xx, nothing changes', async () => {
    const before = snapshot();
    const refused = fc.oneof(
      // Votes outside the contract: unknown campaign or product, a closed campaign, bad ids,
      // other methods, bodies over 1 KB.
      fc
        .tuple(
          fc.constantFrom('PUT', 'DELETE'),
          segment.filter((v) => !['next-icon', 'closed'].includes(v)),
          segment,
        )
        .map(([m, c, p]) => ({ method: m, path: `/campaigns/${c}/votes/${p}` })),
      fc
        .constantFrom('PUT', 'DELETE')
        .map((m) => ({ method: m, path: '/campaigns/closed/votes/trench-ete' })),
      fc
        .constantFrom('PUT', 'DELETE')
        .map((m) => ({ method: m, path: '/campaigns/next-icon/votes/trench-ete' })),
      fc
        .constantFrom('POST', 'PATCH', 'PROPFIND')
        .map((m) => ({ method: m, path: '/campaigns/next-icon/votes/carre-jardin' })),
      fc.constantFrom('PUT', 'DELETE').map((m) => ({
        method: m,
        path: '/campaigns/next-icon/votes/carre-jardin',
        body: 'x'.repeat(2048),
      })),
      // Wishlists: a malformed body, or a stale or malformed If-Match.
      badBody
        .filter((b) => b !== hostileLanding)
        .map((b) => ({ method: 'PUT', path: '/wishlists/me', body: b ?? '' })),
      fc.constantFrom('"0"', '"7"', 'W/"1"', '1', '"one"', '"1", "2"').map((tag) => ({
        method: 'PUT',
        path: '/wishlists/me',
        body: '{"items": [{"productId": "carre-jardin", "addedAt": 1}]}',
        extra: { 'if-match': tag },
      })),
      badBody.map((b) => ({ method: 'POST', path: '/wishlists/shared', body: b })),
      fc
        .constantFrom('PUT', 'DELETE', 'PATCH')
        .map((m) => ({ method: m, path: `/wishlists/shared/${sharedId}` })),
      // A fan's own data: an erase from a foreign page or with an oversized body, other
      // methods, and reads (the export changes nothing).
      fc.constant({ method: 'DELETE', path: '/me', extra: { origin: 'https://evil.example' } }),
      fc.constant({
        method: 'DELETE',
        path: '/me',
        body: 'x'.repeat(2048),
        extra: { origin: BRAND },
      }),
      fc
        .tuple(fc.constantFrom('PUT', 'POST', 'PATCH', 'GET'), fc.constantFrom('/me', '/me/export'))
        .filter(([m, p]) => !(m === 'GET' && p === '/me'))
        .map(([m, p]) => ({ method: m, path: p, body: m === 'GET' ? undefined : '{}' })),
      fc.constantFrom('GET', 'DELETE', 'POST').map((m) => ({ method: m, path: '/me/export' })),
      // The back office with its token: ids, formats and methods of every kind, reads only.
      fc
        .tuple(fc.constantFrom('GET', 'POST', 'DELETE', 'OPTIONS'), segment, segment)
        .map(([m, c, f]) => ({
          method: m,
          path: `/admin/campaigns/${c}/export?format=${f}`,
          extra: { authorization: `Bearer ${ADMIN_TOKEN}` },
        })),
      fc.constantFrom('json', 'csv', 'xml', '').map((f) => ({
        method: 'GET',
        path: `/admin/campaigns/next-icon/export?format=${f}`,
        extra: { authorization: `Bearer ${ADMIN_TOKEN}` },
      })),
    );
    await fc.assert(
      fc.asyncProperty(
        refused,
        fc.constantFrom(undefined, BRAND, 'https://evil.example'),
        async (input, origin) => {
          await check(
            {
              method: input.method,
              path: input.path,
              body: input.body,
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
                ...(origin && { origin }),
                ...input.extra,
              },
            },
            before,
          );
        },
      ),
      { numRuns: RUNS.signedIn, includeErrorInReport: true },
    );
  });

  it('broken HTTP on the socket: refused by the server, which keeps serving', async () => {
    const before = snapshot();
    const { port } = new URL(vitrine.base);
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom(
        'GET /campaigns/next-icon HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
        'PUT /wishlists/me HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
        'PUT /campaigns/next-icon/votes/sac-lune HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
        'GET /campaigns/next-icon HTTP/9.9\r\n\r\n',
        `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
        'POST /wishlists/shared HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"items":',
      ),
    );
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        const answer = await new Promise((resolve) => {
          const socket = connect(Number(port), '127.0.0.1');
          let received = '';
          socket.setTimeout(1000, () => socket.destroy());
          socket.on('data', (chunk) => (received += chunk.toString('latin1')));
          socket.on('close', () => resolve(received));
          socket.on('error', () => resolve(received));
          socket.end(text);
        });
        served.requests += 1;
        const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);
        served.statuses[status || 'closed'] = (served.statuses[status || 'closed'] ?? 0) + 1;
        assert.ok(status < 500, `${status} for ${JSON.stringify(text.slice(0, 100))}`);
        assert.equal(snapshot(), before);
      }),
      { numRuns: RUNS.raw, includeErrorInReport: true },
    );
    // Still serving, and still holding what it held.
    const campaign = await call(vitrine.base, 'GET', '/campaigns/next-icon');
    assert.equal(campaign.status, 200);
    assert.equal(campaign.body.products.find((p) => p.productId === 'sac-lune').count, 1);
  });
});
