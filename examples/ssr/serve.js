// A server-rendered shop page: `npm run example:ssr` builds the package, then serves
// examples/ssr/page.html drawn by `vitrine/ssr` on every request, the CDN file from dist/cdn
// (which hydrates the widgets in place), the back end (vitrine/server, SQLite in memory, the
// demo's campaigns) under /api and the demo's local OpenID Provider for sign-in.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startIdentityProvider } from '../../demo/identity-provider.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A file under `dir` named by the request path, or `undefined` (never outside `dir`). */
function fileUnder(dir, path) {
  const file = normalize(join(dir, decodeURIComponent(path)));
  return file.startsWith(dir) && existsSync(file) ? file : undefined;
}

/**
 * Starts the example on `port` (0: any free port). `page` replaces examples/ssr/page.html
 * (tests serve pages of their own), `scripts` is a folder served under /app/ (a page's own
 * bundle).
 *
 * @param {{ port?: number, page?: string, scripts?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startExample({ port = 0, page, scripts } = {}) {
  if (!existsSync(join(root, 'dist/ssr.js'))) {
    throw new Error('examples/ssr needs the build: run `npm run build` first.');
  }
  const { renderVitrine } = await import(pathToFileURL(join(root, 'dist/ssr.js')).href);
  const { createVitrineHandler } = await import(
    pathToFileURL(join(root, 'dist/server/index.js')).href
  );
  const site = { origin: '' };
  const server = createServer();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  site.origin = `http://127.0.0.1:${server.address().port}`;
  const identity = await startIdentityProvider({ redirectUris: [`${site.origin}/`] });
  const api = createVitrineHandler({
    db: ':memory:',
    issuer: identity.issuer,
    audience: identity.clientId,
    origins: [site.origin],
    campaigns: join(root, 'demo/campaigns.json'),
    logger: { info() {}, warn: (message) => console.warn(message), error: console.error },
  });
  const template = page ?? readFileSync(join(here, 'page.html'), 'utf8');

  server.on('request', async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', site.origin);
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      request.url = request.url.slice('/api'.length) || '/';
      api(request, response);
      return;
    }
    const file =
      (pathname.startsWith('/cdn/') && fileUnder(join(root, 'dist/cdn'), pathname.slice(5))) ||
      (scripts && pathname.startsWith('/app/') && fileUnder(scripts, pathname.slice(5))) ||
      (pathname === '/page.css' && join(here, 'page.css')) ||
      // The demo's pictures, for the page's stories.
      (/^\/(products|stories)\//.test(pathname) && fileUnder(join(root, 'demo/public'), pathname));
    if (file) {
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/plain' });
      createReadStream(file).pipe(response);
      return;
    }
    if (pathname !== '/') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    const html = template
      .replaceAll('%ISSUER%', identity.issuer)
      .replaceAll('%CLIENT_ID%', identity.clientId);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(await renderVitrine(html));
  });

  return {
    url: `${site.origin}/`,
    close: async () => {
      await api.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
      await identity.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url, close } = await startExample({ port: Number(process.env.PORT) || 5180 });
  console.log(`Server-rendered shop page (vitrine/ssr, hydrated by dist/cdn/vitrine.js): ${url}`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void close().then(() => process.exit(0)));
  }
}
