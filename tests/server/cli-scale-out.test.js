// The `vitrine-server` bin as a deployment starts it: two processes given no --db nor
// --redis, only DATABASE_URL and REDIS_URL (throwaway PostgreSQL and Redis on loopback),
// acting as one server; the URL's password never reaches the log.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { startPostgres, startRedis } from '../support/engines.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, openEvents, temporaryDirectory } from '../support/vitrine-server.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const bin = fileURLToPath(new URL(`../../${pkg.bin['vitrine-server']}`, import.meta.url));

/** Starts the bin with `env` added; resolves once it says where it listens. */
function startBin(args, env) {
  const child = spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const base = /listening on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
      if (base) resolve({ child, base, exited, output: () => output });
    });
    exited.then((code) => reject(new Error(`vitrine-server exited (${code}): ${output}`)));
  });
}

describe('vitrine-server on DATABASE_URL and REDIS_URL', { timeout: 60_000 }, () => {
  let op;
  let pg;
  let redis;
  let directory;
  const bins = [];

  before(async () => {
    [op, pg, redis] = await Promise.all([
      startIdentityProvider({ redirectUris: [REDIRECT_URI] }),
      startPostgres(),
      startRedis(),
    ]);
    directory = temporaryDirectory();
  });
  after(async () => {
    for (const running of bins) running.child.kill('SIGKILL');
    await Promise.allSettled([pg?.remove(), redis?.remove(), op?.close()]);
    directory?.remove();
  });

  it('runs two processes as one server, from the environment alone', async () => {
    const campaigns = join(directory.path, 'campaigns.json');
    writeFileSync(campaigns, JSON.stringify([{ id: 'env', title: 'Env', products: ['sac-lune'] }]));
    const env = {
      DATABASE_URL: pg.url.replace('//vitrine@', '//vitrine:s3cret-password@'),
      REDIS_URL: redis.url,
    };
    const args = [
      '--port=0',
      '--host=127.0.0.1',
      `--issuer=${op.issuer}`,
      `--audience=${op.clientId}`,
      `--campaigns=${campaigns}`,
    ];
    const [first, second] = await Promise.all([startBin(args, env), startBin(args, env)]);
    bins.push(first, second);
    assert.match(
      first.output(),
      /database postgres:\/\/…@127\.0\.0\.1:\d+\/postgres, Redis redis:/,
    );
    assert.doesNotMatch(first.output() + second.output(), /s3cret/);

    const stream = openEvents(`${second.base}/campaigns/env/events`);
    try {
      await stream.nextEvents(1);
      const token = await idTokenFor(op.issuer, 'alice');
      const vote = await call(first.base, 'PUT', '/campaigns/env/votes/sac-lune', { token });
      assert.equal(vote.status, 200);
      await stream.waitFor(
        () => stream.events.at(-1)?.json.products[0].count === 1,
        'the vote taken by the other process',
      );
    } finally {
      stream.close();
    }
    for (const running of [first, second]) {
      running.child.kill('SIGTERM');
      assert.equal(await running.exited, 0, running.output());
    }
    // The vote is PostgreSQL's, not a process's: a new one finds it.
    const third = await startBin(args, env);
    bins.push(third);
    const campaign = await call(third.base, 'GET', '/campaigns/env');
    assert.equal(campaign.body.products[0].count, 1);
  });
});
