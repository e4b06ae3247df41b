// Throwaway PostgreSQL and Redis servers on free loopback ports, from Debian's packages
// (scripts/system.js says where they are), for the tests and the bench. Each lives in a
// temporary folder, stops on `stop()` (and starts again on `start()`, same port, same data),
// and is gone after `remove()`; one still running when the process exits is killed then.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBin, redisServerPath } from '../../scripts/system.js';

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const running = new Set();
process.on('exit', () => {
  for (const kill of running) kill();
});

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program; as root, as the `postgres` user (initdb refuses root). */
function pgRun(program, args) {
  const path = join(postgresBin(), program);
  const [command, commandArgs] = isRoot()
    ? ['runuser', ['-u', 'postgres', '--', path, ...args]]
    : [path, args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * A new database cluster, started. `settings` are extra `-c name=value` server settings.
 * Resolves with `{ url, port, start(), stop(), remove() }`.
 */
export async function startPostgres({ settings = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-pg-'));
  if (isRoot()) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'vitrine', '-E', 'UTF8', '--no-sync']);
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-k ${dir}`,
    '-c max_connections=200',
    ...Object.entries({ fsync: 'off', ...settings }).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');
  let up = false;
  const stopNow = (mode = 'immediate') => {
    if (!up) return;
    up = false;
    running.delete(stopNow);
    try {
      pgRun('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    } catch {
      // Already down.
    }
  };
  const engine = {
    port,
    url: `postgres://vitrine@127.0.0.1:${port}/postgres`,
    dir,
    async start() {
      if (up) return;
      pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', serverOptions, 'start']);
      up = true;
      running.add(stopNow);
    },
    /** Stops as an operator does (connections cut, data flushed); `start()` brings it back. */
    async stop() {
      stopNow('fast');
    },
    /** Stops as a crash does: what was not flushed is lost; `start()` recovers the rest. */
    async crash() {
      stopNow('immediate');
    },
    async remove() {
      stopNow();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await engine.start();
  } catch (error) {
    await engine.remove();
    throw error;
  }
  return engine;
}

/** A Redis server that keeps nothing on disk. Resolves with `{ url, port, start(), stop() }`. */
export async function startRedis() {
  const port = await freePort();
  let child;
  const kill = () => child?.kill('SIGKILL');
  const engine = {
    port,
    url: `redis://127.0.0.1:${port}`,
    start() {
      if (child) return Promise.resolve();
      child = spawn(
        redisServerPath(),
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      running.add(kill);
      const started = child;
      let output = '';
      return new Promise((resolve, reject) => {
        started.stdout.setEncoding('utf8');
        started.stdout.on('data', (chunk) => {
          output += chunk;
          if (output.includes('Ready to accept connections')) resolve();
        });
        started.once('exit', (code) => {
          running.delete(kill);
          if (child === started) child = undefined;
          reject(new Error(`redis-server exited (${code}):\n${output}`));
        });
      });
    },
    /** Stops it (connections cut); `start()` brings an empty one back on the same port. */
    stop() {
      const stopping = child;
      if (!stopping) return Promise.resolve();
      child = undefined;
      running.delete(kill);
      return new Promise((resolve) => {
        stopping.once('exit', () => resolve());
        stopping.kill('SIGKILL');
      });
    },
    remove() {
      return engine.stop();
    },
  };
  await engine.start();
  return engine;
}
