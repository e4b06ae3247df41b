// The real back end for the browser tests: a local OpenID Provider (demo/identity-provider.js)
// and vitrine/server (bundled from its sources) on loopback ports of their own, so the
// widgets talk to them across origins, through CORS, as they do on a brand's site.
//
// Test pages reach it through server commands (`executeServerCommand` from
// @web/test-runner-commands):
//   vitrine-backend              → { api, issuer, clientId }
//   vitrine-token { login }      → { idToken, user } a real ID token from the provider
//   vitrine-call { login?, method, path, body?, headers? }
//                                → { status, body }: another device of `login`, or anyone
//   vitrine-backend-down / -up   → stops answering (connections refused) / comes back
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startIdentityProvider } from '../../demo/identity-provider.js';
import { REDIRECT_URI, idTokenFor } from './id-tokens.js';

/** The campaigns the browser tests vote in. */
export const TEST_CAMPAIGNS = [
  {
    id: 'icons',
    title: 'Which icon comes back?',
    products: ['sac-lune', 'carre-jardin', 'escarpin-opera', 'pochette-soiree'],
    goal: 3,
  },
  {
    id: 'archive',
    title: 'The archive vote',
    products: ['trench-ete', 'etole-nuage'],
    closesAt: '2025-01-01T00:00:00Z',
  },
  {
    id: 'ties',
    title: 'Three pieces, no votes yet',
    products: ['mocassin-marais', 'bague-serment', 'ceinture-anneau'],
  },
  {
    id: 'maison',
    title: {
      en: 'Which piece should the house make next?',
      fr: 'Quelle pièce la maison doit-elle créer ?',
    },
    products: [
      { productId: 'sac-lune', name: { en: 'Moon Bag', fr: 'Sac Lune', 'zh-Hans': '月亮包' } },
      'carre-jardin',
    ],
  },
];

/** The server's sources, bundled on the fly: the browser tests need no build first. */
async function loadServer() {
  const result = await build({
    entryPoints: ['server/index.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  // Next to the project's node_modules, so its bare imports resolve.
  const file = join(process.cwd(), `.vitrine-test-server-${process.pid}.mjs`);
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
}

export function backendPlugin() {
  let dir;
  let identity;
  let handler;
  let http;
  let port = 0;
  let origins = [];
  const tokens = new Map();

  const listen = () =>
    new Promise((resolve) => {
      http = createServer(handler);
      http.listen(port, '127.0.0.1', () => {
        port = http.address().port;
        resolve();
      });
    });
  const stop = () =>
    new Promise((resolve) => {
      if (!http) return resolve();
      http.closeAllConnections();
      http.close(() => resolve());
      http = undefined;
    });

  async function token(login) {
    if (!tokens.has(login)) tokens.set(login, idTokenFor(identity.issuer, login));
    return tokens.get(login);
  }

  return {
    name: 'vitrine-backend',
    async serverStart({ config }) {
      dir = mkdtempSync(join(tmpdir(), 'vitrine-wtr-'));
      origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      identity = await startIdentityProvider({ redirectUris: [REDIRECT_URI] });
      const { createVitrineHandler } = await loadServer();
      handler = createVitrineHandler({
        db: join(dir, 'vitrine.db'),
        issuer: identity.issuer,
        audience: identity.clientId,
        origins,
        // The brand's CDN of the test pages' product pictures.
        imageOrigins: ['https://cdn.example'],
        campaigns: TEST_CAMPAIGNS,
        // Every test page comes from 127.0.0.1: a per-address limit would throttle the suite.
        // The limits themselves are tested in tests/server/rate-limit.test.js.
        rateLimits: { ip: false },
        logger: { info() {}, warn() {}, error: (message, error) => console.error(message, error) },
      });
      await listen();
    },
    async serverStop() {
      await stop();
      await handler?.close();
      await identity?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'vitrine-backend':
          return {
            api: `http://127.0.0.1:${port}`,
            issuer: identity.issuer,
            clientId: identity.clientId,
          };
        case 'vitrine-token': {
          const idToken = await token(payload.login);
          const claims = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString());
          return {
            idToken,
            expiresAt: claims.exp * 1000,
            user: { sub: claims.sub, name: claims.sub },
          };
        }
        case 'vitrine-call': {
          const { login, method = 'GET', path, body, headers = {} } = payload;
          const response = await fetch(`http://127.0.0.1:${port}${path}`, {
            method,
            headers: {
              ...headers,
              ...(login && { authorization: `Bearer ${await token(login)}` }),
              ...(body !== undefined && { 'content-type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { status: response.status, body: await response.json() };
        }
        case 'vitrine-backend-down':
          await stop();
          return true;
        case 'vitrine-backend-up':
          if (!http) await listen();
          return true;
        default:
          return undefined;
      }
    },
  };
}
