// The `vitrine-server` bin, as `npx vitrine-server` runs it: options, a real port, and a
// graceful stop on SIGTERM that ends live streams and keeps every vote in the file.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setInterval as every } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from '../support/id-tokens.js';
import { call, openEvents, temporaryDirectory } from '../support/vitrine-server.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const bin = fileURLToPath(new URL(`../../${pkg.bin['vitrine-server']}`, import.meta.url));

/** Starts the bin; resolves once it says where it listens. */
function startBin(args) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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

/**
 * Sends `head`, then `drip` a byte at a time every 200 ms, as a slow client would; resolves
 * with what the server answered once it closes the connection.
 */
function slowClient(base, head, drip) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let timer;
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      timer.close();
      resolve(answer);
    });
    socket.write(head);
    let sent = 0;
    timer = every(() => {
      if (sent < drip.length) socket.write(drip[sent++]);
    }, 200);
  });
}

describe('vitrine-server', { timeout: 60_000 }, () => {
  let op;
  let directory;
  let token;
  let args;

  before(async () => {
    op = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
    directory = temporaryDirectory();
    const campaigns = join(directory.path, 'campaigns.json');
    writeFileSync(
      campaigns,
      JSON.stringify({
        campaigns: [{ id: 'next-icon', title: 'Next icon', products: ['sac-lune'] }],
      }),
    );
    args = [
      '--port=0',
      '--host=127.0.0.1',
      `--db=${join(directory.path, 'vitrine.db')}`,
      `--issuer=${op.issuer}`,
      `--audience=${op.clientId}`,
      '--origin=https://maison.example',
      `--campaigns=${campaigns}`,
    ];
    token = await idTokenFor(op.issuer, 'alice');
  });
  after(async () => {
    await op?.close();
    directory?.remove();
  });

  it('serves the contract, and stops on SIGTERM ending live streams, votes kept', async () => {
    const first = await startBin(args);
    const vote = await call(first.base, 'PUT', '/campaigns/next-icon/votes/sac-lune', {
      token,
      origin: 'https://maison.example',
    });
    assert.equal(vote.status, 200);
    assert.equal(vote.body.count, 1);
    const stream = openEvents(`${first.base}/campaigns/next-icon/events`);
    await stream.nextEvents(1);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0, first.output());
    await stream.ended;

    const second = await startBin(args);
    try {
      const campaign = await call(second.base, 'GET', '/campaigns/next-icon', { token });
      assert.deepEqual(campaign.body.products, [{ productId: 'sac-lune', count: 1, voted: true }]);
    } finally {
      second.child.kill('SIGINT');
      assert.equal(await second.exited, 0);
    }
  });

  it('explains its options, and refuses to start without an issuer and an audience', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--issuer <url>/);
    const missing = spawnSync(process.execPath, [bin, '--audience=x'], { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--issuer is required/);
    const badOrigin = spawnSync(
      process.execPath,
      [
        bin,
        '--issuer=https://id.example',
        '--audience=x',
        '--origin=https://a.example/path',
        '--db=:memory:',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(badOrigin.status, 1);
    assert.match(badOrigin.stderr, /bare http\(s\) origin/);
  });

  it('listens on loopback unless --host says otherwise, and says so', async () => {
    const local = await startBin(args.filter((arg) => !arg.startsWith('--host')));
    try {
      assert.match(local.base, /^http:\/\/127\.0\.0\.1:/);
      assert.match(local.output(), /this machine only/);
    } finally {
      local.child.kill('SIGTERM');
      await local.exited;
    }
  });

  it('closes slow headers and slow bodies with 408, and keeps live streams open', async () => {
    const bin = await startBin([...args, '--headers-timeout=1000', '--request-timeout=2000']);
    try {
      const stream = openEvents(`${bin.base}/campaigns/next-icon/events`);
      await stream.nextEvents(1);
      const [slowHeaders, slowBody] = await Promise.all([
        slowClient(
          bin.base,
          'GET /campaigns/next-icon HTTP/1.1\r\nHost: 127.0.0.1\r\n',
          'X-Slow: ' + 'a'.repeat(200),
        ),
        slowClient(
          bin.base,
          'POST /wishlists/shared HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
            'Content-Type: application/json\r\nContent-Length: 300\r\n\r\n',
          '{"items":['.padEnd(300, ' '),
        ),
      ]);
      assert.match(slowHeaders, /^HTTP\/1\.1 408/);
      assert.match(slowBody, /^HTTP\/1\.1 408/);
      // A live stream is a finished request with a long answer: no timeout applies to it.
      await sleep(500);
      assert.equal(stream.done, false);
      stream.close();
    } finally {
      bin.child.kill('SIGTERM');
      await bin.exited;
    }
  });

  it('refuses timeouts and limits that are not whole numbers', () => {
    for (const bad of ['--max-streams=0', '--request-timeout=soon', '--headers-timeout=20000']) {
      const run = spawnSync(
        process.execPath,
        [bin, '--issuer=https://id.example', '--audience=x', '--db=:memory:', bad],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 2, bad);
    }
  });
});
