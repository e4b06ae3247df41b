/**
 * `npm run example:react` / `npm run example:vue`: a small storefront written with React 19
 * (examples/react) or Vue 3 (examples/vue), served by Vite with the library resolved to its
 * sources (as the demo is), the back end (vitrine/server) at /api and a local OpenID
 * Provider, so that the hearts, the votes and sign-in all work offline.
 *
 * Importable too: `const { url, close } = await startExample('react', { port: 0 })`.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'vite';
import { startIdentityProvider } from '../demo/identity-provider.js';

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
const serverSource = fileURLToPath(new URL('../server/index.ts', import.meta.url));
const campaigns = fileURLToPath(new URL('../demo/campaigns.json', import.meta.url));
const publicDir = fileURLToPath(new URL('../demo/public/', import.meta.url));

/** The framework's part of the Vite config. */
async function frameworkConfig(name) {
  if (name === 'vue') {
    const { default: vue } = await import('@vitejs/plugin-vue');
    return {
      // The vitrine-* tags are custom elements, not Vue components.
      plugins: [
        vue({
          template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('vitrine-') } },
        }),
      ],
    };
  }
  return { plugins: [], oxc: { jsx: { runtime: 'automatic' } } };
}

/**
 * @param {'react' | 'vue'} name
 * @param {{ port?: number, logLevel?: 'info' | 'silent' }} [options]
 */
export async function startExample(name, { port, logLevel = 'info' } = {}) {
  if (name !== 'react' && name !== 'vue') throw new TypeError('examples: react or vue');
  const site = { issuer: '', clientId: '' };
  let api;
  const framework = await frameworkConfig(name);
  const server = await createServer({
    configFile,
    root: fileURLToPath(new URL(`./${name}/`, import.meta.url)),
    publicDir,
    logLevel,
    ...framework,
    plugins: [
      ...framework.plugins,
      {
        name: 'vitrine-example:settings',
        transformIndexHtml: (html) =>
          html
            .replaceAll('%VITRINE_ISSUER%', site.issuer)
            .replaceAll('%VITRINE_CLIENT_ID%', site.clientId),
        configureServer(vite) {
          vite.middlewares.use('/api', (request, response) => {
            if (api) return void api(request, response);
            response.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
            response.end('{"error":{"code":"unavailable","message":"Starting up."}}');
          });
        },
      },
    ],
    resolve: { conditions: ['module', 'browser', 'production'] },
    server: { host: '127.0.0.1', port: port ?? (Number(process.env.PORT) || 5174), open: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? '';
  const origin = new URL(url).origin;
  const identity = await startIdentityProvider({ redirectUris: [`${origin}/`] });
  Object.assign(site, { issuer: identity.issuer, clientId: identity.clientId });
  const { createVitrineHandler } = await server.ssrLoadModule(serverSource);
  api = createVitrineHandler({
    db: ':memory:',
    issuer: identity.issuer,
    audience: identity.clientId,
    origins: [origin],
    campaigns,
  });
  return {
    url,
    issuer: identity.issuer,
    close: () =>
      api
        .close()
        .then(() => Promise.all([server.close(), identity.close()]))
        .then(() => undefined),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const name = process.argv[2];
  const { url, issuer, close } = await startExample(name);
  console.log(`Vitrine with ${name === 'vue' ? 'Vue 3' : 'React 19'}: ${url}`);
  console.log(`Local identity provider (any user name signs in): ${issuer}`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void close().then(() => process.exit(0)));
  }
}
