// `npm run build`: what the package publishes, in dist/.
//   dist/index.js, dist/wishlist.js, dist/login.js,   ESM per entry point, bare imports of
//   dist/votes.js, dist/stories.js, dist/stores.js   lit, nanostores, @floating-ui/dom, uqr,
//   dist/react.js, dist/react/                        oauth4webapi (and react, @lit/react);
//                                                     vitrine/react re-exports one module per
//                                                     component, each registering only its
//                                                     own element
//   dist/chunks/                                      code the entry points share or load later
//   dist/types/                                       type declarations, with vitrine/vue and
//                                                     vitrine/svelte (types only)
//   dist/custom-elements.json                         the custom elements manifest
//   dist/cdn/vitrine.js                               the one <script> tag: registers every
//                                                     element, fetches each one's code (beside
//                                                     it) when its tag is on the page
//   dist/cdn/vitrine.bundle.js                        the same in one self-contained file
//   dist/cdn/integrity.json                           Subresource Integrity hashes of dist/cdn
//   dist/hydrate.js                                   vitrine/hydrate: imported first, the
//                                                     elements adopt server-drawn shadow roots
//   dist/ssr.js, dist/ssr-chunks/                     vitrine/ssr, for Node: every element,
//                                                     drawn into declarative shadow roots
//   dist/server/                                      vitrine/server and the vitrine-server bin,
//                                                     one Node module per source, with types
//   dist/src/contract/                                the rules the server shares with the
//                                                     widgets, where dist/server's imports
//                                                     find them (as server/ finds src/contract/)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { ESBUILD_DEFAULTS, EXTERNAL, buildSsr } from './bundle.js';
import { PAGES, buildCdn, bundleWeight, pageWeight } from './cdn.js';

const ENTRIES = {
  index: 'src/index.ts',
  wishlist: 'src/wishlist/index.ts',
  login: 'src/login/index.ts',
  votes: 'src/votes/index.ts',
  stories: 'src/stories/index.ts',
  stores: 'src/stores/index.ts',
  hydrate: 'src/hydrate.ts',
  // vitrine/react's components, one entry each, so that a bundler drops those a page does
  // not import (package.json `sideEffects`); dist/react.js re-exports them.
  ...Object.fromEntries(
    readdirSync('src/react/components')
      .filter((name) => name.endsWith('.ts'))
      .map((name) => [`react/${name.replace(/\.ts$/, '')}`, `src/react/components/${name}`]),
  ),
};

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });

await build({
  ...ESBUILD_DEFAULTS,
  entryPoints: ENTRIES,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  // vitrine/react imports React, as the app that uses it does.
  external: [...EXTERNAL, 'react'],
  sourcemap: true,
});

// dist/react.js: the re-exports of src/react/index.ts, each from its component's entry.
await build({
  ...ESBUILD_DEFAULTS,
  entryPoints: { react: 'src/react/index.ts' },
  outdir: 'dist',
  sourcemap: true,
  plugins: [
    {
      name: 'vitrine-react-components',
      setup(builder) {
        builder.onResolve({ filter: /^\.\/components\/[a-z-]+\.js$/ }, (args) => ({
          path: args.path.replace('./components/', './react/'),
          external: true,
        }));
      },
    },
  ],
});

const cdn = await buildCdn('dist/cdn', { write: true });

await buildSsr();

await build({
  entryPoints: [
    ...readdirSync('server')
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `server/${name}`),
    'src/contract/index.ts',
  ],
  outbase: '.',
  outdir: 'dist',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
chmodSync('dist/server/cli.js', 0o755);

run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('tsc'), ['-p', 'server/tsconfig.build.json']);
run(bin('cem'), [
  'analyze',
  '--litelement',
  '--globs',
  'src/**/*.ts',
  '--exclude',
  'src/**/*.styles.ts',
  '--outdir',
  'dist',
  '--quiet',
]);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `Built dist/: ${Object.keys(ENTRIES)
    .filter((name) => !name.startsWith('react/'))
    .join(', ')}, react + types + custom-elements.json + server; ` +
    `dist/cdn/vitrine.js for every element ${kb(pageWeight(cdn, PAGES.everything).atLoad)} gzip ` +
    `at load, dist/cdn/vitrine.bundle.js ${kb(bundleWeight(cdn))} gzip.`,
);
