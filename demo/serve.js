/**
 * `npm start`: serves the Maison Aurèle demo site with Vite, the library resolved to its
 * TypeScript sources through the top-level vite.config.ts, so edits in src/ show at once,
 * and beside it a local OpenID Provider (demo/identity-provider.js) so that sign-in works
 * offline: any user name signs in. The back end (vitrine/server, loaded from its sources
 * too) answers at /api on the same origin, with its votes and wishlists in
 * demo/.data/vitrine.db and the campaigns of demo/campaigns.json.
 *
 * Importable too: `const { url, close } = await startDemo({ port: 0 })` starts it on a
 * free port (tests), and `close()` stops it.
 *
 * `node demo/serve.js --strict` (or `startDemo({ strict: true })`) serves the same site under
 * the strictest policy a brand may set, as HTTP headers: see `strictPolicy()`.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'vite';
import { startIdentityProvider } from './identity-provider.js';

const demoRoot = fileURLToPath(new URL('.', import.meta.url));
const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
const serverSource = fileURLToPath(new URL('../server/index.ts', import.meta.url));
const campaignsFile = fileURLToPath(new URL('./campaigns.json', import.meta.url));
const defaultDatabase = fileURLToPath(new URL('./.data/vitrine.db', import.meta.url));

/**
 * The Content-Security-Policy of the strict variant: no inline script or style, no eval,
 * Trusted Types enforced, and only the identity provider beside the site itself. Lit's
 * `lit-html` is the only Trusted Types policy the library needs. The provider also serves
 * the fans' pictures, hence `img-src` (README: Social login).
 *
 * @param {{ issuer: string }} site
 */
export function strictPolicy({ issuer }) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${issuer}`,
    `connect-src 'self' ${issuer}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/**
 * Starts the demo server. `port` defaults to `$PORT`, else 5173 (the next free one if taken);
 * `0` picks any free port. `db` is the back end's SQLite file (`':memory:'` keeps nothing).
 * `strict` adds `strictPolicy()` as a header to every page; `headers(site)` adds any other
 * response headers to the site's pages (not to /api), e.g. Cross-Origin-Opener-Policy.
 * `wrapApi(handler)` returns the request listener that answers /api in its place (tests put
 * faults between the pages and the back end this way). `rateLimits` overrides the back end's
 * (`{ share: false }` lets one address open many share menus in a row, as a test walk does).
 *
 * @param {{
 *   port?: number,
 *   logLevel?: 'info' | 'warn' | 'error' | 'silent',
 *   db?: string,
 *   strict?: boolean,
 *   headers?: (site: { issuer: string, origin: string }) => Record<string, string>,
 *   wrapApi?: (handler: (request: any, response: any) => void) => (request: any, response: any) => void,
 *   rateLimits?: Record<string, { burst: number, perMinute: number } | false>,
 * }} [options]
 * @returns {Promise<{ url: string, issuer: string, close: () => Promise<void> }>}
 */
export async function startDemo({
  port,
  logLevel = 'info',
  db = defaultDatabase,
  strict = false,
  headers,
  wrapApi = (handler) => handler,
  rateLimits,
} = {}) {
  /** Filled once both servers listen: the pages name the provider and their own origin. */
  const site = { issuer: '', clientId: '', origin: '' };
  /** The back end, created once the identity provider it trusts is up. */
  let api;
  /** What answers /api: the back end, or whatever the caller put in front of it. */
  let answer;
  const extraHeaders = () => ({
    ...(strict && { 'content-security-policy': strictPolicy(site) }),
    ...headers?.(site),
  });
  const server = await createServer({
    configFile,
    root: demoRoot,
    logLevel,
    plugins: [
      {
        name: 'maison-aurele:identity-provider',
        transformIndexHtml: (html) =>
          html
            .replaceAll('%VITRINE_ISSUER%', site.issuer)
            .replaceAll('%VITRINE_CLIENT_ID%', site.clientId)
            .replaceAll('%VITRINE_ORIGIN%', site.origin),
      },
      {
        name: 'maison-aurele:api',
        configureServer(vite) {
          if (strict || headers) {
            vite.middlewares.use((request, response, next) => {
              if (!/^\/api(\/|\?|$)/.test(request.url ?? '')) {
                for (const [name, value] of Object.entries(extraHeaders())) {
                  response.setHeader(name, value);
                }
              }
              next();
            });
          }
          vite.middlewares.use('/api', (request, response) => {
            if (answer) {
              answer(request, response);
              return;
            }
            response.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
            response.end('{"error":{"code":"unavailable","message":"Starting up."}}');
          });
        },
      },
    ],
    // Lit's production build, as a shopper's browser gets it: no dev-mode banner in the console.
    resolve: { conditions: ['module', 'browser', 'production'] },
    server: {
      host: '127.0.0.1',
      port: port ?? (Number(process.env.PORT) || 5173),
      strictPort: false,
      open: false,
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const url =
    server.resolvedUrls?.local[0] ??
    (address && typeof address === 'object' ? `http://127.0.0.1:${address.port}/` : '');
  site.origin = new URL(url).origin;
  const identity = await startIdentityProvider({
    port: Number(process.env.IDP_PORT) || 0,
    redirectUris: [`${site.origin}/`, `${site.origin}/shared.html`],
  });
  site.issuer = identity.issuer;
  site.clientId = identity.clientId;
  const { createVitrineHandler } = await server.ssrLoadModule(serverSource);
  const logger = server.config.logger;
  api = createVitrineHandler({
    db,
    issuer: identity.issuer,
    audience: identity.clientId,
    origins: [site.origin],
    campaigns: campaignsFile,
    rateLimits,
    logger: {
      info: (message) => logger.info(`[vitrine] ${message}`, { timestamp: true }),
      warn: (message) => logger.warn(`[vitrine] ${message}`, { timestamp: true }),
      error: (message, error) =>
        logger.error(`[vitrine] ${message}${error ? `\n${error.stack ?? error}` : ''}`, {
          timestamp: true,
        }),
    },
  });
  answer = wrapApi(api);
  return {
    url,
    issuer: identity.issuer,
    // The back end first: it ends the live streams that would otherwise hold the server open.
    close: () =>
      api
        .close()
        .then(() => Promise.all([server.close(), identity.close()]))
        .then(() => undefined),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const strict = process.argv.includes('--strict');
  const { url, issuer, close } = await startDemo({ strict });
  console.log(`Maison Aurèle demo${strict ? ' (strict Content-Security-Policy)' : ''}: ${url}`);
  console.log(`Local identity provider (any user name signs in): ${issuer}`);
  console.log(`Back end (vitrine/server, campaigns in demo/campaigns.json): ${url}api`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void close().then(() => process.exit(0)));
  }
}
