// `npm run bench:server`: how fast the built back end (dist/server) takes votes and spreads
// live counts, on this machine. Not a test: it prints figures and never fails on them.
//
// The server runs in child processes, on loopback, with real ID tokens from the local
// identity provider, in two set-ups: one process on a temporary SQLite file (the default),
// and two processes on one PostgreSQL and one Redis (throwaway instances from Debian's
// packages, tests/support/engines.js; PostgreSQL with fsync on, as in production). Each:
//   1. votes: autocannon, a fixed number of connections (split between the processes) for a
//      fixed time, PUT and DELETE spread over many fans and products → votes/s together,
//      p50/p99 latency (the worse process's);
//   2. fan-out: 10,000 live streams (raw HTTP clients) on one campaign, spread over the
//      processes, one vote through the first, the time until every stream has the new count
//      (median of several rounds);
// and, for scale, the same load on a bare node:http server that answers a constant reply,
// the ceiling of this machine at this moment (it is shared; the load average says how).
// Results go to the console and to bench/server-results.json.
//
//   node bench/server.js              both set-ups
//   node bench/server.js scale-out    only PostgreSQL + Redis (or `sqlite`), a quick look
import autocannon from 'autocannon';
import { Buffer } from 'node:buffer';
import { execFile, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get, request } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';

const PERSONS = 200;
const PRODUCTS = [
  'sac-lune',
  'pochette-soiree',
  'carre-jardin',
  'escarpin-opera',
  'boucles-etoile',
  'manteau-tuileries',
];
const CONNECTIONS = 64;
const WARM_UP_S = 3;
const DURATION_S = Number(process.env.BENCH_S ?? 10);
const BASELINE_S = 5;
const SUBSCRIBERS = 10_000;
const FAN_OUT_ROUNDS = 7;
const SET_UPS = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (SET_UPS.length === 0) SET_UPS.push('sqlite', 'scale-out');
/** Longer than the server's coalescing window, so each round's update goes out at once. */
const PAUSE_BETWEEN_ROUNDS_MS = 400;

const campaigns = [
  { id: 'bench-votes', title: 'Votes under load', products: PRODUCTS },
  { id: 'bench-live', title: 'Live fan-out', products: ['sac-lune'] },
];

/** The same reply as a vote's, without the work behind it. */
function constantReply(_req, res) {
  const body = JSON.stringify({ productId: 'sac-lune', count: 42, voted: true });
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** The child: the handler (or the bare server) on a loopback port, until the parent says stop. */
async function serve() {
  const { createServer } = await import('node:http');
  const options = JSON.parse(process.env.VITRINE_BENCH_OPTIONS);
  let handler = { listener: constantReply, close: async () => {} };
  if (!options.bare) {
    // VITRINE_BENCH_SERVER: another build of the back end (the code before a change, say).
    const entry = process.env.VITRINE_BENCH_SERVER
      ? pathToFileURL(process.env.VITRINE_BENCH_SERVER).href
      : '../dist/server/index.js';
    const { createVitrineHandler } = await import(entry);
    const { rateLimited, ...handlerOptions } = options;
    const vitrine = createVitrineHandler({
      ...handlerOptions,
      campaigns,
      // `--rate-limited`: every request takes its buckets (in Redis in the scale-out set-up),
      // limits set so high that none refuses; by default the limits are off.
      rateLimits: rateLimited
        ? { person: UNREACHED_LIMIT, ip: UNREACHED_LIMIT, share: false }
        : { person: false, ip: false, share: false },
      // Every simulated fan streams from this machine's one address.
      maxStreamsPerAddress: 100_000,
      logger: { info() {}, warn: console.warn, error: console.error },
    });
    handler = { listener: vitrine, close: vitrine.close };
  }
  const server = createServer(handler.listener);
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', async () => {
    await handler.close();
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

function startServer(options) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    // BENCH_CPU_PROF=<folder>: a V8 CPU profile of each server process, written there.
    ...(process.env.BENCH_CPU_PROF && {
      execArgv: ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`],
    }),
    env: { ...process.env, VITRINE_BENCH_OPTIONS: JSON.stringify(options) },
  });
  return new Promise((resolve, reject) => {
    const exited = new Promise((done) => child.once('exit', done));
    let stopping;
    child.once('message', ({ port }) =>
      resolve({
        base: `http://127.0.0.1:${port}`,
        pid: child.pid,
        stop: () => {
          stopping ??= child.connected ? (child.send('stop'), exited) : exited;
          return stopping;
        },
      }),
    );
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
}

async function tokensFor(issuer, count) {
  const { idTokenFor } = await import('../tests/support/id-tokens.js');
  const tokens = [];
  for (let start = 0; start < count; start += 8) {
    const batch = Array.from({ length: Math.min(8, count - start) }, (_, index) =>
      idTokenFor(issuer, `fan-${start + index}`),
    );
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** Each connection cycles through its own shuffled mix of votes and withdrawals. */
function voteRequests(tokens) {
  return Array.from({ length: 500 }, () => ({
    method: Math.random() < 0.5 ? 'PUT' : 'DELETE',
    path: `/campaigns/bench-votes/votes/${pick(PRODUCTS)}`,
    headers: { authorization: `Bearer ${pick(tokens)}` },
  }));
}

/** `--votes-only`: the votes alone, no fan-out nor bare line (a quick look, or a profile). */
const VOTES_ONLY = process.argv.includes('--votes-only');
const RATE_LIMITED = process.argv.includes('--rate-limited');
const UNREACHED_LIMIT = { burst: 1e9, perMinute: 1e9 };

/** Whether a program is on the PATH. */
const onPath = (program) =>
  (process.env.PATH ?? '').split(':').some((folder) => {
    try {
      return statSync(join(folder, program)).isFile();
    } catch {
      return false;
    }
  });

/**
 * The load generator: wrk (C, in a process of its own, one thread per server) where it is
 * installed, else autocannon, which runs in this process and costs several times wrk's CPU
 * per request (the bare node:http line shows it: on 2 cores autocannon is the ceiling).
 * `--autocannon` or `--wrk` choose.
 */
const GENERATOR = process.argv.includes('--autocannon')
  ? 'autocannon'
  : process.argv.includes('--wrk') || onPath('wrk')
    ? 'wrk'
    : 'autocannon';

/** wrk's script: each connection cycles through a shuffled mix, as `voteRequests` makes. */
const WRK_SCRIPT = `
local tokens = {}
for line in io.lines(os.getenv("VITRINE_BENCH_TOKENS")) do tokens[#tokens + 1] = line end
local products = { ${PRODUCTS.map((product) => `"${product}"`).join(', ')} }
local requests = {}
-- In init: wrk sets the Host header wrk.format needs only then.
init = function()
  math.randomseed(os.time())
  for i = 1, 2000 do
    local method = math.random() < 0.5 and "PUT" or "DELETE"
    requests[i] = wrk.format(method, "/campaigns/bench-votes/votes/" .. products[math.random(#products)],
      { ["authorization"] = "Bearer " .. tokens[math.random(#tokens)], ["content-length"] = "0" })
  end
end
local i = 0
request = function()
  i = i % #requests + 1
  return requests[i]
end
`;

/** wrk's "1.23ms", "850.00us", "1.02s", in ms. */
function wrkMs(text) {
  const [, value, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(text) ?? [];
  return Number(value) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit];
}

let wrkFiles;
/** The same load through wrk; resolves with autocannon's figures that the bench reads. */
function loadWithWrk(base, tokens, duration, connections) {
  if (!wrkFiles) {
    const directory = mkdtempSync(join(tmpdir(), 'vitrine-wrk-'));
    wrkFiles = {
      directory,
      tokens: join(directory, 'tokens'),
      script: join(directory, 'votes.lua'),
    };
    writeFileSync(wrkFiles.tokens, tokens.join('\n'));
    writeFileSync(wrkFiles.script, WRK_SCRIPT);
  }
  // `times` prints the CPU time of wrk (a child of the shell) after it ends.
  const command = `wrk -t1 -c${connections} -d${duration}s --latency -s "$1" "$2"; times`;
  return new Promise((resolve, reject) =>
    execFile(
      'sh',
      ['-c', command, 'sh', wrkFiles.script, base],
      { env: { ...process.env, VITRINE_BENCH_TOKENS: wrkFiles.tokens } },
      (error, stdout) => {
        if (error) return reject(error);
        if (process.env.BENCH_WRK_OUTPUT) console.log(stdout);
        const match = (pattern) => pattern.exec(stdout)?.[1];
        const children = stdout.trim().split('\n').at(-1).split(/\s+/);
        const seconds = (text) => {
          const [, minutes, rest] = /^(\d+)m([\d.]+)s$/.exec(text) ?? [0, 0, 0];
          return Number(minutes) * 60 + Number(rest);
        };
        const errors = (match(/Socket errors: (.*)/) ?? '')
          .split(',')
          .reduce((total, part) => total + Number(/\d+/.exec(part)?.[0] ?? 0), 0);
        resolve({
          requests: {
            average: Number(match(/Requests\/sec:\s+([\d.]+)/)),
            total: Number(match(/(\d+) requests in/)),
          },
          latency: {
            p50: wrkMs(match(/ 50%\s+(\S+)/)),
            p99: wrkMs(match(/ 99%\s+(\S+)/)),
            max: wrkMs(match(/Latency\s+\S+\s+\S+\s+(\S+)/)),
          },
          non2xx: Number(match(/Non-2xx or 3xx responses: (\d+)/) ?? 0),
          errors,
          generatorCpuSeconds: children.reduce((total, part) => total + seconds(part), 0),
        });
      },
    ),
  );
}

function load(base, tokens, duration, connections = CONNECTIONS) {
  if (GENERATOR === 'wrk') return loadWithWrk(base, tokens, duration, connections);
  return autocannon({
    url: base,
    connections,
    duration,
    requests: [{ method: 'PUT', path: '/campaigns/bench-votes/votes/sac-lune' }],
    setupClient: (client) => client.setRequests(voteRequests(tokens)),
  });
}

function call(base, method, path, token) {
  return new Promise((resolve, reject) => {
    const sent = request(
      `${base}${path}`,
      { method, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text)));
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

/** A live stream that remembers what it has received. */
function subscribe(url) {
  return new Promise((resolve, reject) => {
    const subscriber = { received: '', waiting: undefined };
    const client = get(url, { agent: false }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        subscriber.received += chunk;
        if (subscriber.waiting && subscriber.received.includes(subscriber.waiting.text)) {
          subscriber.waiting.resolve(performance.now());
          subscriber.waiting = undefined;
        }
        if (subscriber.received.includes('event: counts')) resolve(subscriber);
      });
    });
    client.on('error', reject);
    subscriber.close = () => client.destroy();
    subscriber.until = (text) =>
      new Promise((done) => {
        subscriber.received = '';
        subscriber.waiting = { text, resolve: done };
      });
  });
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_S = 100;

/** CPU seconds a process has used (user + system), from /proc; 0 where there is no /proc. */
function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** The processes PostgreSQL runs: the postmaster and every child (backends, WAL writer…). */
function postgresPids(pg) {
  try {
    const postmaster = Number(
      readFileSync(join(pg.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const pids = [postmaster];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (parent === postmaster) pids.push(Number(entry));
      } catch {
        // Gone meanwhile.
      }
    }
    return pids;
  } catch {
    return [];
  }
}

/**
 * Where the machine's CPU went while `work` ran: seconds used by the load generator (this
 * process), each server process, PostgreSQL (all its processes) and Redis, as a share of one
 * core over the wall time. Tells a generator or a database that is the limit from one that
 * waits.
 */
async function cpuDuring(work, { servers, pg, redisPid }) {
  const pieces = () => ({
    generator: process.cpuUsage(),
    servers: servers.map((server) => cpuSecondsOf(server.pid)),
    postgres: pg ? new Map(postgresPids(pg).map((pid) => [pid, cpuSecondsOf(pid)])) : undefined,
    redis: redisPid ? cpuSecondsOf(redisPid) : undefined,
    idle: readIdle(),
  });
  const before = pieces();
  const started = performance.now();
  const result = await work();
  const wall = (performance.now() - started) / 1000;
  const after = pieces();
  const share = (seconds) => round((100 * seconds) / wall, 0);
  const generator = process.cpuUsage(before.generator);
  // wrk runs in processes of its own, which report their time.
  const external = [result]
    .flat()
    .reduce((total, run) => total + (run?.generatorCpuSeconds ?? 0), 0);
  const cpu = {
    wallSeconds: round(wall),
    generator: GENERATOR,
    generatorPercent: share((generator.user + generator.system) / 1e6 + external),
    serverPercent: after.servers.map((seconds, index) => share(seconds - before.servers[index])),
  };
  if (after.postgres) {
    let used = 0;
    for (const [pid, seconds] of after.postgres) used += seconds - (before.postgres.get(pid) ?? 0);
    cpu.postgresPercent = share(used);
  }
  if (after.redis !== undefined) cpu.redisPercent = share(after.redis - before.redis);
  if (before.idle && after.idle) {
    cpu.machineIdlePercent = round(
      (100 * (after.idle.idle - before.idle.idle)) / (after.idle.total - before.idle.total),
      0,
    );
  }
  return { result, cpu };
}

function describeCpu(cpu) {
  const parts = [
    `load generator (${cpu.generator}) ${cpu.generatorPercent}%`,
    ...cpu.serverPercent.map((percent, index) => `server ${index + 1} ${percent}%`),
    ...(cpu.postgresPercent === undefined ? [] : [`PostgreSQL ${cpu.postgresPercent}%`]),
    ...(cpu.redisPercent === undefined ? [] : [`Redis ${cpu.redisPercent}%`]),
  ];
  return `CPU (100% = one core): ${parts.join(', ')}; machine idle ${cpu.machineIdlePercent}%`;
}

/** The machine's idle and total CPU time so far, from /proc/stat. */
function readIdle() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    return { idle: ticks[3] + ticks[4], total: ticks.reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 1) => Number(value.toFixed(digits));

async function main() {
  const { startIdentityProvider } = await import('../demo/identity-provider.js');
  const { REDIRECT_URI } = await import('../tests/support/id-tokens.js');
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((value) => round(value, 2)),
    node: process.version,
    generator: GENERATOR,
    rateLimited: RATE_LIMITED,
    ...(process.env.VITRINE_BENCH_SERVER && { server: process.env.VITRINE_BENCH_SERVER }),
  };
  console.log(
    `Load generator: ${GENERATOR}; rate limits ${RATE_LIMITED ? 'on (never reached)' : 'off'}.`,
  );
  console.log(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; load ${machine.loadAverageAtStart.join(' ')}`,
  );

  const directory = mkdtempSync(join(tmpdir(), 'vitrine-bench-'));
  const op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
  const identity = { issuer: op.issuer, audience: op.clientId };
  const engines = [];
  const servers = [];
  try {
    const tokens = await tokensFor(op.issuer, PERSONS);
    console.log(`${PERSONS} fans signed in at the local identity provider.`);

    let votes;
    let fanOut;
    if (SET_UPS.includes('sqlite')) {
      const single = [
        await startServer({
          db: join(directory, 'bench.db'),
          ...identity,
          rateLimited: RATE_LIMITED,
        }),
      ];
      servers.push(...single);
      votes = await measureVotes(single, tokens, 'SQLite, one process');
      fanOut = await measureFanOut(single, tokens[0], 'SQLite, one process');
      await Promise.all(single.map((server) => server.stop()));
    }
    if (!SET_UPS.includes('scale-out')) return;

    const { startPostgres, startRedis } = await import('../tests/support/engines.js');
    const pg = await startPostgres({ settings: { fsync: 'on' } });
    engines.push(pg);
    const redis = await startRedis();
    engines.push(redis);
    const pair = await Promise.all(
      [0, 1].map(() =>
        startServer({ db: pg.url, redis: redis.url, ...identity, rateLimited: RATE_LIMITED }),
      ),
    );
    servers.push(...pair);
    const label = 'PostgreSQL + Redis, two processes';
    const probe = await probeEngines(pg, redis);
    const scaleOut = {
      processes: pair.length,
      votes: await measureVotes(pair, tokens, label, probe),
      fanOut: await measureFanOut(pair, tokens[0], label),
    };
    await Promise.all(pair.map((server) => server.stop()));
    await probe.close();

    if (VOTES_ONLY) return;
    const bare = await startServer({ bare: true });
    const { result: ceiling, cpu: bareCpu } = await cpuDuring(
      () => load(bare.base, tokens, BASELINE_S),
      { servers: [bare] },
    );
    await bare.stop();
    const baseline = {
      durationSeconds: BASELINE_S,
      repliesPerSecond: Math.round(ceiling.requests.average),
      latencyMs: { p50: ceiling.latency.p50, p99: ceiling.latency.p99 },
      cpu: bareCpu,
    };
    console.log(
      `For scale, bare node:http with a constant reply, same load: ${baseline.repliesPerSecond} replies/s, ` +
        `p50 ${baseline.latencyMs.p50} ms, p99 ${baseline.latencyMs.p99} ms`,
    );
    console.log(`  ${describeCpu(bareCpu)}`);

    machine.loadAverageAtEnd = loadavg().map((value) => round(value, 2));
    // A partial run is a quick look, not results to keep.
    if (SET_UPS.length < 2) return;
    const results = { date: new Date().toISOString(), machine, votes, fanOut, scaleOut, baseline };
    // Formatted as the repository formats JSON, so `npm run lint` passes after a run.
    const file = fileURLToPath(new URL('./server-results.json', import.meta.url));
    const style = await resolveConfig(file);
    writeFileSync(file, await format(JSON.stringify(results), { ...style, filepath: file }));
    console.log('Written to bench/server-results.json');
  } finally {
    await Promise.allSettled(servers.map((server) => server.stop()));
    await Promise.allSettled(engines.map((engine) => engine.remove()));
    await op.close();
    rmSync(directory, { recursive: true, force: true });
    if (wrkFiles) rmSync(wrkFiles.directory, { recursive: true, force: true });
  }
}

/** What the bench reads from the engines: PostgreSQL's commits so far, Redis's process. */
async function probeEngines(pg, redis) {
  const { default: postgres } = await import('postgres');
  const { Redis } = await import('ioredis');
  const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
  const client = new Redis(redis.url);
  const info = await client.info('server');
  await client.quit();
  return {
    pg,
    redisPid: Number(/process_id:(\d+)/.exec(info)?.[1]) || undefined,
    async commits() {
      const [row] = await sql`
        SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`;
      return Number(row.n);
    },
    close: () => sql.end({ timeout: 1 }),
  };
}

/** Votes through every server at once, the connections split between them. */
async function measureVotes(servers, tokens, label, engines = {}) {
  const connections = Math.round(CONNECTIONS / servers.length);
  await Promise.all(servers.map((server) => load(server.base, tokens, WARM_UP_S, connections)));
  const commitsBefore = await engines.commits?.();
  const { result: runs, cpu } = await cpuDuring(
    () => Promise.all(servers.map((server) => load(server.base, tokens, DURATION_S, connections))),
    { servers, pg: engines.pg, redisPid: engines.redisPid },
  );
  const commits =
    commitsBefore === undefined ? undefined : (await engines.commits()) - commitsBefore;
  const sum = (pick) => runs.reduce((total, run) => total + pick(run), 0);
  const worst = (pick) => Math.max(...runs.map(pick));
  const votes = {
    processes: servers.length,
    connections: connections * servers.length,
    durationSeconds: DURATION_S,
    fans: PERSONS,
    products: PRODUCTS.length,
    votesPerSecond: Math.round(sum((run) => run.requests.average)),
    total: sum((run) => run.requests.total),
    latencyMs: {
      p50: worst((run) => run.latency.p50),
      p99: worst((run) => run.latency.p99),
      max: worst((run) => run.latency.max),
    },
    non2xx: sum((run) => run.non2xx),
    errors: sum((run) => run.errors),
    cpu,
  };
  if (commits !== undefined) {
    votes.postgresCommitsPerSecond = Math.round(commits / DURATION_S);
    votes.votesPerCommit = round(votes.total / Math.max(1, commits));
  }
  console.log(
    `${label}: ${votes.votesPerSecond} votes/s over ${DURATION_S} s, ${votes.connections} connections; ` +
      `latency p50 ${votes.latencyMs.p50} ms, p99 ${votes.latencyMs.p99} ms, max ${votes.latencyMs.max} ms; ` +
      `${votes.non2xx} non-2xx, ${votes.errors} errors`,
  );
  console.log(`  ${describeCpu(cpu)}`);
  // CPU time per vote, which a busy machine inflates less than the rates.
  const perVote = (percent) =>
    round(((percent / 100) * cpu.wallSeconds * 1e6) / Math.max(1, votes.total), 0);
  votes.cpuMicrosecondsPerVote = {
    servers: perVote(cpu.serverPercent.reduce((a, b) => a + b, 0)),
    ...(cpu.postgresPercent !== undefined && { postgres: perVote(cpu.postgresPercent) }),
    generator: perVote(cpu.generatorPercent),
  };
  console.log(
    `  CPU per vote: servers ${votes.cpuMicrosecondsPerVote.servers} µs` +
      (cpu.postgresPercent === undefined
        ? ''
        : `, PostgreSQL ${votes.cpuMicrosecondsPerVote.postgres} µs`) +
      `, load generator ${votes.cpuMicrosecondsPerVote.generator} µs`,
  );
  if (commits !== undefined) {
    console.log(
      `  PostgreSQL: ${votes.postgresCommitsPerSecond} commits/s, ${votes.votesPerCommit} requests per commit`,
    );
  }
  return votes;
}

/** SUBSCRIBERS live streams spread over the servers; a vote through the first, rounds apart. */
async function measureFanOut(servers, voter, label) {
  if (VOTES_ONLY) return undefined;
  const subscribers = [];
  const openedAt = performance.now();
  for (let start = 0; start < SUBSCRIBERS; start += 100) {
    const batch = Array.from({ length: Math.min(100, SUBSCRIBERS - start) }, (_, index) =>
      subscribe(`${servers[(start + index) % servers.length].base}/campaigns/bench-live/events`),
    );
    subscribers.push(...(await Promise.all(batch)));
  }
  const openingSeconds = round((performance.now() - openedAt) / 1000);
  const rounds = [];
  try {
    for (let index = 0; index < FAN_OUT_ROUNDS; index += 1) {
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_ROUNDS_MS));
      // Each set-up starts on an empty database: one more on even rounds, back on odd ones.
      const method = index % 2 === 0 ? 'PUT' : 'DELETE';
      const expected = `{"productId":"sac-lune","count":${index % 2 === 0 ? 1 : 0}}`;
      const arrivals = subscribers.map((subscriber) => subscriber.until(expected));
      const sent = performance.now();
      await call(servers[0].base, method, '/campaigns/bench-live/votes/sac-lune', voter);
      const last = Math.max(...(await Promise.all(arrivals)));
      rounds.push(round(last - sent));
    }
  } finally {
    for (const subscriber of subscribers) subscriber.close();
  }
  const fanOut = {
    subscribers: SUBSCRIBERS,
    processes: servers.length,
    openingSeconds,
    roundsMs: rounds,
    medianMs: median(rounds),
    maxMs: Math.max(...rounds),
  };
  console.log(
    `${label}: ${SUBSCRIBERS.toLocaleString('en')} live streams all had the new count in ${fanOut.medianMs} ms ` +
      `(median of ${FAN_OUT_ROUNDS} rounds; slowest ${fanOut.maxMs} ms; opened in ${openingSeconds} s)`,
  );
  return fanOut;
}

if (process.argv.includes('--serve')) await serve();
else await main();
