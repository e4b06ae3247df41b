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
  --campaigns <file>    campaigns JSON file, reloaded when it changes
  --db <file|url>       SQLite file (default ./vitrine.db; ':memory:' keeps nothing) or a
                        postgres:// URL shared by several processes (default $DATABASE_URL)
  --redis <url>         redis:// URL carrying live counts and rate limits between processes
                        (default $REDIS_URL)
  --port <port>         default 8787
  --host <address>      default all interfaces
  --trust-proxy <n>     reverse proxies in front whose X-Forwarded-For is trusted (default 0)
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
      campaigns: { type: 'string' },
      db: { type: 'string' },
      redis: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string' },
      'trust-proxy': { type: 'string', default: '0' },
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

let vitrine;
try {
  vitrine = createVitrineHandler({
    issuer: args.issuer,
    audience: args.audience.length === 1 ? args.audience[0]! : args.audience,
    origins: args.origin ?? [],
    ...(args.campaigns !== undefined && { campaigns: args.campaigns }),
    db,
    ...(redis !== undefined && { redis }),
    trustProxy,
  });
} catch (error) {
  process.stderr.write(`vitrine-server: ${(error as Error).message}\n`);
  process.exit(1);
}

const server = createServer(vitrine);
server.on('error', (error) => {
  process.stderr.write(`vitrine-server: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, args.host, () => {
  const address = server.address();
  const where =
    address && typeof address === 'object'
      ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      : String(address);
  // A URL's password stays out of the logs.
  const shown = (value: string) => value.replace(/\/\/[^/@]*@/, '//…@');
  console.info(
    `vitrine-server listening on ${where} (database ${shown(db)}${redis ? `, Redis ${shown(redis)}` : ''})`,
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
