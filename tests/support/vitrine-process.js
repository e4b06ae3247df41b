// One vitrine/server process of several (the built dist/server, on a loopback port of its
// own), as a brand runs them behind a load balancer: `startVitrineProcess(options)` forks
// this file with `createVitrineHandler` options, and resolves once it is ready (`/readyz`).
// `stop()` shuts it down gracefully, `kill()` at once (SIGKILL, as a crash).
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const OPTIONS = 'VITRINE_PROCESS_OPTIONS';

/** Polls `check` until it resolves true, at most `timeoutMs`; throws `what` otherwise. */
export async function eventually(check, what, timeoutMs = 15_000, everyMs = 50) {
  const deadline = performance.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    if (performance.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function startVitrineProcess(options) {
  const child = fork(fileURLToPath(import.meta.url), {
    env: { ...process.env, [OPTIONS]: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const port = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    exited.then((code) => reject(new Error(`the server process exited (${code}):\n${output}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const running = {
    base,
    pid: child.pid,
    exited,
    output: () => output,
    /** Graceful: live streams end, requests finish, connections close. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send('stop');
      await exited;
    },
    /** At once, as a crash: nothing is closed. */
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, `${base}/readyz`);
  } catch (error) {
    await running.kill();
    throw new Error(`${error.message}\n${output}`);
  }
  return running;
}

async function serve() {
  const { createVitrineHandler } = await import('../../dist/server/index.js');
  const options = JSON.parse(process.env[OPTIONS]);
  const handler = createVitrineHandler({
    ...options,
    logger: {
      info() {},
      warn: (message) => console.error(message),
      error: (message, error) => console.error(message, error?.message ?? ''),
    },
  });
  const server = createServer(handler);
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  const stop = async () => {
    await handler.close();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('message', (message) => message === 'stop' && void stop());
  // The test runner went away: so does this server.
  process.on('disconnect', () => process.exit(0));
}

if (process.env[OPTIONS] && process.argv[1] === fileURLToPath(import.meta.url)) await serve();
