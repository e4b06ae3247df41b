#!/usr/bin/env node
/**
 * `vitrine-server`: the reference back end on its own port.
 *
 *   vitrine-server --port 8787 --db ./vitrine.db --issuer https://id.maison.example \
 *     --audience maison-web --origin https://maison.example --campaigns ./campaigns.json
 *
 * SIGINT or SIGTERM stop it gracefully: live streams end (clients reconnect elsewhere),
 * requests in progress finish, the database closes.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createVitrineHandler } from './index.js';

const USAGE = `Usage: vitrine-server --issuer <url> --audience <client id> [options]

  --issuer <url>        OpenID Provider whose ID tokens identify fans (required)
  --audience <id>       client id the ID tokens are issued to; repeatable (required)
  --origin <origin>     brand origin allowed to call from browsers; repeatable
  --image-origin <o>    further origin wishlist images may come from (a CDN); repeatable
  --campaigns <file>    campaigns JSON file, reloaded when it changes
  --db <file|url>       SQLite file (default ./vitrine.db; ':memory:' keeps nothing) or a
                        postgres:// URL shared by several processes (default $DATABASE_URL)
  --redis <url>         redis:// URL carrying live counts and rate limits between processes
                        (default $REDIS_URL)
  --port <port>         default 8787
  --host <address>      default 127.0.0.1 (this machine only); 0.0.0.0 for every interface
  --trust-proxy <n>     reverse proxies in front whose X-Forwarded-For is trusted (default 0)
  --max-token-age <s>   longest ID token life (exp - iat) accepted, in seconds (default 86400)
  --max-streams <n>     live streams one client address may hold open (default 16)
  --max-shared-lists <n>  shared lists kept at once (default 100000)
  --admin-token <t>     token of the /admin/ routes, 16 characters or more (default
                        $VITRINE_ADMIN_TOKEN; none: the /admin/ routes answer 404)
  --webhook <url>       receives campaign.goal_reached and campaign.closed; repeatable
  --webhook-secret <s>  key of the Vitrine-Signature HMAC, 16 characters or more (default
                        $VITRINE_WEBHOOK_SECRET); needed with --webhook
  --retention-days <n>  days a signed-in wishlist is kept after its last change (default 730)
  --max-connections <n> open connections at once (default 10000)
  --headers-timeout <ms>  time to send the request headers (default 10000)
  --request-timeout <ms>  time to send the whole request, body included (default 15000)
  --help                this text
`;

function fail(message: string): never {
  process.stderr.write(`vitrine-server: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      issuer: { type: 'string' },
      audience: { type: 'string', multiple: true },
      origin: { type: 'string', multiple: true },
      'image-origin': { type: 'string', multiple: true },
      campaigns: { type: 'string' },
      db: { type: 'string' },
      redis: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string' },
      'trust-proxy': { type: 'string', default: '0' },
      'max-token-age': { type: 'string', default: '86400' },
      'max-streams': { type: 'string', default: '16' },
      'max-shared-lists': { type: 'string', default: '100000' },
      'retention-days': { type: 'string', default: '730' },
      'admin-token': { type: 'string' },
      webhook: { type: 'string', multiple: true },
      'webhook-secret': { type: 'string' },
      'max-connections': { type: 'string', default: '10000' },
      'headers-timeout': { type: 'string', default: '10000' },
      'request-timeout': { type: 'string', default: '15000' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}

if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!args.issuer) fail('--issuer is required');
if (!args.audience?.length) fail('--audience is required');
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${args.port} is not a port`);
const db = args.db ?? (process.env.DATABASE_URL || 'vitrine.db');
const redis = args.redis ?? (process.env.REDIS_URL || undefined);
const trustProxy = Number(args['trust-proxy']);
if (!Number.isInteger(trustProxy) || trustProxy < 0) {
  fail(`--trust-proxy ${args['trust-proxy']} is not a number of proxies`);
}

/** A whole number from 1 up, or the usage and exit 2. */
function count(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) fail(`--${name} ${raw} is not a number from 1`);
  return value;
}
const maxTokenAge = count('max-token-age', args['max-token-age']);
const maxStreams = count('max-streams', args['max-streams']);
const maxSharedLists = count('max-shared-lists', args['max-shared-lists']);
const maxConnections = count('max-connections', args['max-connections']);
const retentionDays = count('retention-days', args['retention-days']);
// The environment keeps the token out of the process list; the flag is for a quick try.
const adminToken = args['admin-token'] ?? (process.env.VITRINE_ADMIN_TOKEN || undefined);
const webhookSecret = args['webhook-secret'] ?? (process.env.VITRINE_WEBHOOK_SECRET || undefined);
const headersTimeout = count('headers-timeout', args['headers-timeout']);
const requestTimeout = count('request-timeout', args['request-timeout']);
if (headersTimeout > requestTimeout) fail('--headers-timeout must not exceed --request-timeout');
// Loopback unless told otherwise: a server reachable from everywhere is a choice to make.
const host = args.host ?? '127.0.0.1';

let vitrine;
try {
  vitrine = createVitrineHandler({
    issuer: args.issuer,
    audience: args.audience.length === 1 ? args.audience[0]! : args.audience,
    origins: args.origin ?? [],
    imageOrigins: args['image-origin'] ?? [],
    ...(args.campaigns !== undefined && { campaigns: args.campaigns }),
    db,
    ...(redis !== undefined && { redis }),
    trustProxy,
    maxTokenAgeMs: maxTokenAge * 1000,
    maxStreamsPerAddress: maxStreams,
    maxSharedLists,
    retentionDays,
    ...(adminToken !== undefined && { adminToken }),
    webhooks: args.webhook ?? [],
    ...(webhookSecret !== undefined && { webhookSecret }),
  });
} catch (error) {
  process.stderr.write(`vitrine-server: ${(error as Error).message}\n`);
  process.exit(1);
}

const server = createServer(
  {
    headersTimeout,
    requestTimeout,
    // How often slow requests are looked for: the timeouts hold to within this.
    connectionsCheckingInterval: Math.min(1_000, headersTimeout),
  },
  vitrine,
);
server.maxConnections = maxConnections;
server.on('error', (error) => {
  process.stderr.write(`vitrine-server: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const where =
    address && typeof address === 'object'
      ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      : String(address);
  const reach =
    args.host === undefined
      ? 'this machine only; --host 0.0.0.0 listens on every interface'
      : `--host ${host}`;
  // A URL's password stays out of the logs.
  const shown = (value: string) => value.replace(/\/\/[^/@]*@/, '//…@');
  console.info(
    `vitrine-server listening on ${where} (${reach}; database ${shown(db)}${redis ? `, Redis ${shown(redis)}` : ''})`,
  );
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.info(`vitrine-server: ${signal}, stopping (again to force)`);
    server.close();
    void vitrine.close().then(() => {
      server.closeIdleConnections();
      process.exit(0);
    });
  });
}
