import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The packages a bundler on the brand's side resolves; the CDN file carries them inside. */
export const EXTERNAL = [
  'lit',
  'lit/*',
  '@lit/*',
  '@lit-labs/*',
  'nanostores',
  '@floating-ui/dom',
  'uqr',
  'oauth4webapi',
];

/**
 * Minifies what esbuild leaves alone: the contents of Lit's template literals. Indentation
 * goes everywhere (a line break is kept, so HTML text and JS both mean the same), and the
 * CSS in css`` literals is squeezed, comments out (Vitrine's styles hold no `${}`
 * interpolation).
 */
export const minifyTemplates = {
  name: 'vitrine-minify-templates',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({
      loader: 'ts',
      contents: readFileSync(args.path, 'utf8')
        .replace(CSS_LITERAL, (_, css) => `css\`${squeezeCss(css)}\``)
        .replace(/\n[ \t]+/g, '\n'),
    }));
  },
};

/** A css`` literal without interpolation; its text is the first group. */
export const CSS_LITERAL = /\bcss`([^`$]*)`/g;

/** The CSS of a css`` literal, as it ships: comments out, no space that means nothing. */
export function squeezeCss(css) {
  return (
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // After a colon (never before one: `a :hover` is not `a:hover`).
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim()
  );
}

export const ESBUILD_DEFAULTS = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  logLevel: 'warning',
  plugins: [minifyTemplates],
};

/**
 * `vitrine/ssr`: the elements for Node, where Lit (its Node build) and @lit-labs/ssr are the
 * ones the brand's server resolves.
 */
export async function buildSsr(outdir = 'dist') {
  await build({
    ...ESBUILD_DEFAULTS,
    entryPoints: { ssr: 'src/ssr/index.ts' },
    outdir,
    chunkNames: 'ssr-chunks/[name]-[hash]',
    splitting: true,
    platform: 'node',
    target: 'node20',
    conditions: [],
    external: [...EXTERNAL, 'parse5'],
    // The sources register their elements as they load; `sideEffects` speaks of dist/.
    ignoreAnnotations: true,
    sourcemap: true,
  });
}

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * What a shopper's phone downloads for one entry, every dependency inside, minified and
 * gzipped: `initial` is what loads with the page (the entry and its static imports), `lazy`
 * what loads only when a shopper needs it (a popover, the QR encoder, another language).
 * `source` is a file path or `{ contents }` (a module importing from `src/`).
 */
export async function measure(source, { external = [] } = {}) {
  const workdir = mkdtempSync(join(tmpdir(), 'vitrine-size-'));
  try {
    let entry = resolve(source.contents === undefined ? source : '');
    if (source.contents !== undefined) {
      entry = join(workdir, 'entry.ts');
      writeFileSync(
        entry,
        source.contents
          .replaceAll('./src/', `${resolve('src')}/`)
          .replaceAll('./node_modules/', `${resolve('node_modules')}/`),
      );
    }
    const result = await build({
      ...ESBUILD_DEFAULTS,
      entryPoints: { entry },
      outdir: join(workdir, 'out'),
      splitting: true,
      minify: true,
      write: false,
      metafile: true,
      external,
    });
    const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
    const key = (path) =>
      Object.keys(result.metafile.outputs).find((name) => resolve(name) === path);
    const initial = pageLoadOutputs(result.metafile, entry);
    let initialGzip = 0;
    // Later: what the page can still load from there. esbuild also writes the targets of
    // dynamic imports in modules it then shook off (an unused component's); no page loads those.
    const reachable = reachableOutputs(result.metafile, initial);
    let lazyGzip = 0;
    for (const [path, bytes] of files) {
      if (initial.has(key(path))) initialGzip += gzip(bytes);
      else if (reachable.has(key(path))) lazyGzip += gzip(bytes);
    }
    return { initialGzip, lazyGzip };
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
}

/**
 * The output files of a split build that load with the page: the one built from `entry` and
 * its static imports, transitively (dynamic imports are entry points of their own). Names are
 * the metafile's, relative to `root`, the build's working directory.
 */
export function pageLoadOutputs(metafile, entry, root = process.cwd()) {
  const { outputs } = metafile;
  const entryKey = Object.keys(outputs).find(
    (name) => outputs[name].entryPoint && resolve(root, outputs[name].entryPoint) === entry,
  );
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name].imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entryKey);
  return initial;
}

/** The output files `from` imports, statically or dynamically, transitively, `from` included. */
function reachableOutputs(metafile, from) {
  const reachable = new Set();
  const visit = (name) => {
    if (reachable.has(name)) return;
    reachable.add(name);
    for (const imported of metafile.outputs[name].imports) {
      if (imported.external) continue;
      if (imported.kind === 'import-statement' || imported.kind === 'dynamic-import')
        visit(imported.path);
    }
  };
  for (const name of from) visit(name);
  return reachable;
}

/** One self-contained file (the CDN build): every dynamic import inlined. */
export async function bundleWhole(entry) {
  const result = await build({
    ...ESBUILD_DEFAULTS,
    entryPoints: [entry],
    minify: true,
    write: false,
  });
  return result.outputFiles[0].contents;
}

export { gzip };
