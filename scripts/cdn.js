// The CDN build, shared by `npm run build` (which writes it), the size budgets and the bench
// (which weigh it):
//   dist/cdn/vitrine.js         the loader: stores and actions, and a watch for Vitrine tags
//                               (re-exported from vitrine-<hash>.js, with Lit and the base element)
//   dist/cdn/*-<hash>.js        each element's code and what they share, fetched on demand
//   dist/cdn/vitrine.bundle.js  the same library in one self-contained file
//   dist/cdn/integrity.json     a Subresource Integrity hash (sha384) for each of those files
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { CSS_LITERAL, ESBUILD_DEFAULTS, gzip, squeezeCss } from './bundle.js';

export const LOADER = 'src/cdn/vitrine.ts';
/** What the loader fetches first on a page drawn by `vitrine/ssr`, and on no other page. */
export const HYDRATION = 'src/hydrate.ts';
export const BUNDLE = 'src/index.ts';

/** The module that registers `tag` in the loader's build (src/cdn/tags/<name>.ts). */
export const tagModule = (tag) =>
  tag === 'vitrine-story' ? 'src/cdn/tags/stories.ts' : `src/cdn/tags/${tag.slice(8)}.ts`;

/** Pages the budgets and the bench weigh: the tags on them. */
export const PAGES = {
  hearts: ['vitrine-wishlist-button', 'vitrine-wishlist-count'],
  everything: [
    'vitrine-config',
    'vitrine-wishlist-button',
    'vitrine-wishlist-count',
    'vitrine-wishlist',
    'vitrine-share',
    'vitrine-shared-wishlist',
    'vitrine-login',
    'vitrine-vote',
    'vitrine-leaderboard',
    'vitrine-stories',
    'vitrine-story',
    'vitrine-hotspot',
    'vitrine-add-to-bag',
    'vitrine-story-tray',
  ],
};

/**
 * Builds the CDN files into `outdir` (in memory unless `write`). Returns each file's bytes by
 * name, and the loader's metafile (names in it are relative to the working directory).
 */
export async function buildCdn(outdir, { write = false } = {}) {
  const loader = await buildLoader();
  const files = new Map(loader.files);
  files.set('vitrine.bundle.js', await buildBundle());
  const integrity = {};
  for (const [name, bytes] of files) {
    if (name.endsWith('.js')) {
      integrity[name] = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
    }
  }
  files.set('integrity.json', Buffer.from(`${JSON.stringify(integrity, null, 2)}\n`));
  if (write) {
    mkdirSync(outdir, { recursive: true });
    for (const [name, bytes] of files) writeFileSync(join(outdir, name), bytes);
  }
  return { files, chunks: loader.chunks, integrity };
}

/**
 * The one self-contained file, with Rollup as the loader: what the loader fetches on demand is
 * inlined, each module once, in scope (esbuild wraps every module reached by a dynamic import
 * in a function that runs it on first import, some 4 KB more). At their top level those
 * modules only declare, and pick an implementation by feature (oauth4webapi): running them with
 * the rest changes nothing the page sees.
 */
async function buildBundle() {
  const bundle = await rollup({
    input: BUNDLE,
    plugins: [sourcesInTypeScript, nodeResolve({ exportConditions: ['production', 'browser'] })],
    onwarn(warning, report) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') report(warning);
    },
  });
  const { output } = await bundle.generate({
    format: 'es',
    inlineDynamicImports: true,
    plugins: [minifyChunks],
  });
  await bundle.close();
  return Buffer.from(output[0].code);
}

/**
 * The loader with Rollup, which keeps the stores, Lit and the base element in the loader's
 * chunk (see `chunkNames`) instead of splitting them out for the elements' chunks, then
 * esbuild's minifier on every chunk. Returns each file's bytes and, per chunk, its static and dynamic
 * imports and the source modules inside.
 */
async function buildLoader() {
  const bundle = await rollup({
    input: { vitrine: LOADER },
    plugins: [sourcesInTypeScript, nodeResolve({ exportConditions: ['production', 'browser'] })],
    onwarn(warning, report) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') report(warning);
    },
  });
  const { output } = await bundle.generate({
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    manualChunks: chunkNames(),
    plugins: [minifyChunks],
  });
  await bundle.close();
  const files = new Map();
  const chunks = new Map();
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    files.set(chunk.fileName, Buffer.from(chunk.code));
    chunks.set(chunk.fileName, {
      imports: chunk.imports,
      dynamicImports: chunk.dynamicImports,
      entry: chunk.facadeModuleId,
      modules: Object.keys(chunk.modules),
    });
  }
  return { files, chunks };
}

/**
 * Names the chunks that are not simply an element's: the loader's (see `chunkNames`), each
 * family's catalog of another language, loaded with that language, and its `translations`
 * (what loads those). A part's English messages (`messages/sharing.ts`) are left to go with
 * the elements that include them: a named chunk would take along what they import, the
 * family's index that the hearts need.
 */
const LOCALE_FILE = /^(?!en\b)[a-z]{2}(?:-[A-Z][a-z]{3})?$/;

/** Lit's core only: its directives and its hydration support go with the code that uses them. */
const LIT_CORE =
  /[\\/]node_modules[\\/](lit[\\/]index|lit-html[\\/](lit-html|is-server)|lit-element[\\/]lit-element|@lit[\\/]reactive-element[\\/](reactive-element|css-tag))\.js$/;

/**
 * What every element needs besides Lit: the base element, its store controller and the
 * design tokens; and plural forms, which the count, the lists, the votes and the tray use,
 * and which as a file of their own cost a page with any of those more than they weigh here.
 */
const ELEMENT_RUNTIME =
  /[\\/]src[\\/]core[\\/](vitrine-element|store-controller|tokens\.styles|i18n[\\/]plural)\.ts$/;

/**
 * Small modules that the same elements import: each group is one file rather than several
 * (a file of a few hundred bytes costs its own request and compresses worse).
 */
const GROUPS = [
  // The wishlist family's messages index, its English, and how it names a piece.
  ['wishlist-messages', /[\\/]src[\\/]wishlist[\\/](piece|messages[\\/](index|en))\.ts$/],
  // The votes family's messages index and its English: the vote and the leaderboard.
  ['votes-messages', /[\\/]src[\\/]votes[\\/]messages[\\/](index|en)\.ts$/],
  // The stories family's base element, the tray's events and the loader of its catalogs.
  [
    'stories-shared',
    /[\\/]src[\\/]stories[\\/](stories-element|tray-context|messages[\\/]translations)\.ts$/,
  ],
];

/**
 * The elements that other elements also show, with the module of their class: the tag's
 * file (what the loader fetches) holds the class, rather than importing it from a file of
 * its own. The other elements' classes go with their tags by themselves.
 */
const WITH_TAG = {
  'wishlist-button': /[\\/]src[\\/](cdn[\\/]tags|wishlist)[\\/]wishlist-button\.ts$/,
  'add-to-bag': /[\\/]src[\\/](cdn[\\/]tags|wishlist)[\\/]add-to-bag\.ts$/,
  vote: /[\\/]src[\\/](cdn[\\/]tags[\\/]vote|votes[\\/]vote)\.ts$/,
  'story-tray': /[\\/]src[\\/](cdn[\\/]tags[\\/]story-tray|stories[\\/]tray)\.ts$/,
};

/**
 * The chunk of each module, for one build. The loader's chunk holds the stores and what
 * every element needs (Lit, the base element, Vitrine's core, nanostores): every page fetches
 * the loader, and every page with an element all of that, better in one file than two.
 * `vitrine.js` itself only re-exports it, so that the state lives in a file whose URL does
 * not depend on how the page names the loader (a query string, a redirect): elements always
 * import the same copy. A named chunk takes along the modules it imports that have none, so
 * the loader's is named first, with everything it imports.
 */
function chunkNames() {
  let loader;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!loader) {
      loader = new Set();
      const visit = (module) => {
        if (loader.has(module)) return;
        loader.add(module);
        for (const imported of getModuleInfo(module).importedIds) visit(imported);
      };
      for (const module of getModuleIds()) {
        if (module === resolve(LOADER) || LIT_CORE.test(module) || ELEMENT_RUNTIME.test(module)) {
          visit(module);
        }
      }
    }
    if (loader.has(id)) return 'vitrine';
    const tag = Object.keys(WITH_TAG).find((name) => WITH_TAG[name].test(id));
    if (tag) return tag;
    const group = GROUPS.find(([, modules]) => modules.test(id));
    if (group) return group[0];
    const catalog = /[\\/]src[\\/](\w+)[\\/]messages[\\/]([\w-]+)\.ts$/.exec(id);
    if (catalog && (LOCALE_FILE.test(catalog[2]) || catalog[2] === 'translations')) {
      return `${catalog[1]}-${catalog[2]}`;
    }
    return undefined;
  };
}

/** Vitrine's sources: `./x.js` imports of `x.ts`, Lit's templates squeezed, types out. */
const sourcesInTypeScript = {
  name: 'vitrine-sources',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null;
    const path = resolve(dirname(importer), source).replace(/\.js$/, '.ts');
    return existsSync(path) ? { id: path, moduleSideEffects: true } : null;
  },
  async load(id) {
    if (!id.endsWith('.ts')) return null;
    const text = readFileSync(id, 'utf8')
      .replace(CSS_LITERAL, (_, css) => `css\`${squeezeCss(css)}\``)
      .replace(/\n[ \t]+/g, '\n');
    const { code } = await transform(text, {
      loader: 'ts',
      target: 'es2022',
      sourcefile: id,
      // As tsconfig.json says: Lit's reactive properties are accessors a class field must
      // not shadow.
      tsconfigRaw: {
        compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true },
      },
    });
    return code;
  },
  async transform(code, id) {
    if (!code.includes('process.env')) return null;
    const result = await transform(code, { define: ESBUILD_DEFAULTS.define, sourcefile: id });
    return result.code;
  },
};

/**
 * Terser rather than esbuild's minifier for the files a shopper fetches: slower to build (some
 * seconds), but 0.6 KB less on a page of hearts, 0.9 KB on a page of every element and 2.2 KB
 * in the one file, gzip (two passes; the unsafe transforms gain 0.2 KB more and are left off).
 */
const minifyChunks = {
  name: 'vitrine-minify',
  async renderChunk(code) {
    const result = await minify(code, {
      module: true,
      ecma: 2022,
      compress: { passes: 2 },
      format: { comments: false },
    });
    return result.code;
  },
};

/**
 * What a page with `tags` fetches from the loader's build, gzip -9 (or by `size`): `atLoad` the loader and
 * each tag's chunk with their static imports, `later` what those chunks import on first use
 * (a popover's positioning, sign-in, another language), `hydration` what a page drawn by
 * `vitrine/ssr` fetches on top, before the tags' chunks.
 */
export function pageWeight({ files, chunks }, tags, size = gzip) {
  const entryOf = (source) =>
    [...chunks].find(([, chunk]) => chunk.modules.includes(resolve(source)))?.[0];
  const tagChunks = new Set(PAGES.everything.map((tag) => entryOf(tagModule(tag))));
  // Weighed on its own: only a server-drawn page fetches it.
  const hydration = entryOf(HYDRATION);
  const atLoad = new Set();
  const visit = (name) => {
    if (atLoad.has(name)) return;
    atLoad.add(name);
    for (const imported of chunks.get(name).imports) visit(imported);
  };
  // The loader by its file: the one the page's script tag names.
  const loader = [...chunks].find(([, chunk]) => chunk.entry === resolve(LOADER))[0];
  for (const name of [loader, ...tags.map((tag) => entryOf(tagModule(tag)))]) visit(name);
  const later = new Set();
  const visitLater = (name) => {
    if (atLoad.has(name) || later.has(name) || name === hydration) return;
    later.add(name);
    const chunk = chunks.get(name);
    for (const imported of [...chunk.imports, ...chunk.dynamicImports]) visitLater(imported);
  };
  for (const name of atLoad) {
    for (const imported of chunks.get(name).dynamicImports) {
      if (!tagChunks.has(imported)) visitLater(imported);
    }
  }
  const weigh = (names) => [...names].reduce((total, name) => total + size(files.get(name)), 0);
  return {
    atLoad: weigh(atLoad),
    later: weigh(later),
    files: atLoad.size,
    hydration: hydration ? size(files.get(hydration)) : 0,
  };
}

/** The self-contained file's weight, gzip -9. */
export const bundleWeight = ({ files }) => gzip(files.get('vitrine.bundle.js'));
