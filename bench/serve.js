// The pages the browser measurements load, from one loopback server:
//   /bench/…   bench/browser/ (harness pages and scripts)
//   /build/…   the bundles and slide images this run made
//   /          the demo site (demo/index.html and its assets) with the CDN file loaded late,
//              and the built back end at /api, as the host page of the host-cost measurement.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { ROOT, CDN_FILE } from './subjects.js';

const CDN_DIR = dirname(CDN_FILE);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.webm': 'video/webm',
};

/** The identity provider is never asked: nobody signs in during the measurement. */
const ISSUER = 'https://id.maison.example';
const CLIENT_ID = 'maison-aurele';

/** A file under `directory`, never above it. */
const inside = (directory, path) => {
  const file = normalize(join(directory, decodeURIComponent(path)));
  return file.startsWith(directory) ? file : undefined;
};

/**
 * The demo page as the host: its own markup and styles, no site script, and instead of the
 * module the demo bundles, a loader (bench/browser/host-late.js) that adds the CDN file when
 * the measurement says so. `unreserved` drops the `:not(:defined)` rules that reserve the
 * widgets' space, to show what they prevent.
 */
function demoPage(origin, unreserved) {
  const page = readFileSync(resolve(ROOT, 'demo/index.html'), 'utf8')
    .replaceAll('%VITRINE_ISSUER%', ISSUER)
    .replaceAll('%VITRINE_CLIENT_ID%', CLIENT_ID)
    .replaceAll('%VITRINE_ORIGIN%', origin)
    .replace(
      '<script type="module" src="/main.ts"></script>',
      '<script type="module" src="/bench/host-late.js"></script>',
    );
  return unreserved ? page.replace('href="/styles.css"', 'href="/styles.css?unreserved"') : page;
}

function demoStyles(unreserved) {
  const css = readFileSync(resolve(ROOT, 'demo/styles.css'), 'utf8');
  if (!unreserved) return css;
  return css.replace(/^[^{}]*:not\(:defined\)[^{}]*\{[^}]*\}/gm, '');
}

/**
 * Starts the server on a free loopback port. `buildDir` holds the bundles and images.
 * Returns `{ origin, close }`.
 */
export async function startServer(buildDir) {
  const { createVitrineHandler } = await import('../dist/server/index.js');
  const api = createVitrineHandler({
    db: ':memory:',
    issuer: ISSUER,
    audience: CLIENT_ID,
    origins: [],
    campaigns: resolve(ROOT, 'demo/campaigns.json'),
    logger: { info() {}, warn: console.warn, error: console.error },
  });
  let origin = '';
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, origin);
    if (url.pathname.startsWith('/api/')) {
      request.url = request.url.slice('/api'.length);
      api(request, response);
      return;
    }
    let file;
    let body;
    if (url.pathname === '/' || url.pathname === '/index.html') {
      body = demoPage(origin, url.searchParams.has('unreserved'));
      file = 'index.html';
    } else if (url.pathname === '/styles.css') {
      body = demoStyles(url.searchParams.has('unreserved'));
      file = 'styles.css';
    } else if (url.pathname === '/vitrine.js') {
      file = CDN_FILE;
    } else if (/^\/[\w.-]+\.js$/.test(url.pathname) && existsSync(join(CDN_DIR, url.pathname))) {
      // The code the CDN file fetches beside it.
      file = join(CDN_DIR, url.pathname);
    } else if (url.pathname.startsWith('/bench/')) {
      file = inside(resolve(ROOT, 'bench/browser'), url.pathname.slice('/bench/'.length));
    } else if (url.pathname.startsWith('/build/')) {
      file = inside(buildDir, url.pathname.slice('/build/'.length));
    } else {
      file = inside(resolve(ROOT, 'demo/public'), url.pathname);
    }
    try {
      body ??= file && (await readFile(file));
    } catch {
      body = undefined;
    }
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: async () => {
      await api.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
