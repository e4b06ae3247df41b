// What the benchmark builds: every Vitrine entry point, the peers a brand would pick instead,
// and the plain Lit baseline. Each is bundled alone, with the same esbuild settings as the
// package (scripts/bundle.js): minified, every dependency inside, code split where the
// subject loads code later, CSS it imports written beside it.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ESBUILD_DEFAULTS, pageLoadOutputs } from '../scripts/bundle.js';
import { PAGES, buildCdn, pageWeight } from '../scripts/cdn.js';

/** The repository, whatever the working directory. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const version = (name) =>
  JSON.parse(readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
 * `counterpart`: the Vitrine entry point a brand would load instead, for the size ratio.
 * `runtime`: measured in the browser too.
 */
export const SUBJECTS = [
  { id: 'vitrine', label: 'vitrine (every element)', entry: 'src/index.ts' },
  { id: 'vitrine-wishlist', label: 'vitrine/wishlist', entry: 'src/wishlist/index.ts' },
  { id: 'vitrine-login', label: 'vitrine/login', entry: 'src/login/index.ts' },
  { id: 'vitrine-votes', label: 'vitrine/votes', entry: 'src/votes/index.ts' },
  { id: 'vitrine-stories', label: 'vitrine/stories', entry: 'src/stories/index.ts' },
  { id: 'vitrine-stores', label: 'vitrine/stores', entry: 'src/stores/index.ts' },
  {
    id: 'plain-lit',
    label: `Lit ${version('lit')} + one plain element (baseline)`,
    entry: 'bench/browser/plain-wishlist-button.js',
  },
  {
    id: 'swiper-element',
    label: `Swiper ${version('swiper')} element, bundle`,
    entry: 'bench/peers/swiper-element.js',
    counterpart: 'vitrine-stories',
  },
  {
    id: 'swiper-element-core',
    label: `Swiper ${version('swiper')} element, core + 2 modules`,
    entry: 'bench/peers/swiper-element-core.js',
    counterpart: 'vitrine-stories',
  },
  {
    id: 'splide',
    label: `Splide ${version('@splidejs/splide')}`,
    entry: 'bench/peers/splide.js',
    counterpart: 'vitrine-stories',
  },
  {
    id: 'embla',
    label: `Embla ${version('embla-carousel')} (headless)`,
    entry: 'bench/peers/embla.js',
    counterpart: 'vitrine-stories',
  },
  {
    id: 'zuck',
    label: `Zuck.js ${version('zuck.js')}`,
    entry: 'bench/peers/zuck.js',
    counterpart: 'vitrine-stories',
  },
  {
    id: 'shoelace-carousel',
    label: `Shoelace ${version('@shoelace-style/shoelace')} sl-carousel`,
    entry: 'bench/peers/shoelace-carousel.js',
    counterpart: 'vitrine-stories',
  },
  {
    id: 'auth0-lock',
    label: `Auth0 Lock ${version('auth0-lock')}`,
    entry: 'bench/peers/auth0-lock.js',
    counterpart: 'vitrine-login',
  },
];

/** The file a brand embeds with one script tag, as `npm run build` made it (code beside it). */
export const CDN_FILE = resolve(ROOT, 'dist/cdn/vitrine.js');

const compressed = (bytes) => ({
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes).length,
});

const add = (total, bytes) => {
  const size = compressed(bytes);
  total.gzip += size.gzip;
  total.brotli += size.brotli;
};

/**
 * Builds one subject into `outdir` (`entry.js`, `entry.css` when it has styles, `chunks/`)
 * and returns its sizes: `initial` is what loads with the page (the entry and its static
 * imports), `later` what loads on first use (dynamic imports), `css` its style sheet.
 */
export async function buildSubject(subject, outdir) {
  const entry = resolve(ROOT, subject.entry);
  const result = await build({
    ...ESBUILD_DEFAULTS,
    absWorkingDir: ROOT,
    entryPoints: { entry },
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    minify: true,
    metafile: true,
  });
  const outputs = result.metafile.outputs;
  const initial = pageLoadOutputs(result.metafile, entry, ROOT);
  const sizes = {
    initial: { gzip: 0, brotli: 0 },
    later: { gzip: 0, brotli: 0 },
    css: { gzip: 0, brotli: 0 },
  };
  for (const name of Object.keys(outputs)) {
    const bytes = readFileSync(resolve(ROOT, name));
    if (name.endsWith('.css')) add(sizes.css, bytes);
    else add(initial.has(name) ? sizes.initial : sizes.later, bytes);
  }
  return { ...sizes, hasCss: Object.keys(outputs).some((name) => name.endsWith('.css')) };
}

/**
 * The CDN files' sizes, as they ship: what a page of wishlist buttons and a count, and a page
 * of every element, fetch from `vitrine.js`, and the self-contained `vitrine.bundle.js`.
 */
export async function cdnSizes() {
  const cdn = await buildCdn(resolve(ROOT, 'dist/cdn'));
  const page = (tags) => {
    const gzip = pageWeight(cdn, tags, (bytes) => compressed(bytes).gzip);
    const brotli = pageWeight(cdn, tags, (bytes) => compressed(bytes).brotli);
    return {
      initial: { gzip: gzip.atLoad, brotli: brotli.atLoad },
      later: { gzip: gzip.later, brotli: brotli.later },
    };
  };
  return {
    hearts: page(PAGES.hearts),
    everything: page(PAGES.everything),
    bundle: {
      initial: compressed(cdn.files.get('vitrine.bundle.js')),
      later: { gzip: 0, brotli: 0 },
    },
  };
}
