// Size budgets: every kilobyte here ships to a shopper's phone. Prints the figures and fails
// when a bundle (minified, then gzip -9, dependencies inside) grows over its budget.
// "Page load" is what loads with the page; "later" is loaded on first use (a popover's
// positioning, the WeChat QR encoder, the messages of every language but English).
import { measure } from './bundle.js';
import { PAGES, buildCdn, bundleWeight, pageWeight } from './cdn.js';

const KB = 1024;

const BUDGETS = [
  {
    name: 'vitrine/wishlist',
    source: 'src/wishlist/index.ts',
    initial: 26.25 * KB,
    lazy: 21 * KB,
  },
  {
    name: '<vitrine-wishlist-button> + shared runtime',
    source: {
      contents: [
        "import { defineElement } from './src/core/define.ts';",
        "import { VitrineWishlistButton } from './src/wishlist/wishlist-button.ts';",
        "defineElement('vitrine-wishlist-button', VitrineWishlistButton);",
      ].join('\n'),
    },
    initial: 15 * KB,
    lazy: 7.75 * KB,
  },
  {
    name: 'vitrine/login',
    source: 'src/login/index.ts',
    initial: 21.75 * KB,
    lazy: 29.5 * KB,
  },
  {
    name: 'vitrine/votes',
    source: 'src/votes/index.ts',
    initial: 20.25 * KB,
    lazy: 8 * KB,
  },
  {
    name: 'vitrine/stories',
    source: 'src/stories/index.ts',
    initial: 29.75 * KB,
    lazy: 37.5 * KB,
  },
  {
    // Loaded by the first group of a tray (stories.ts `dependencies`), never with the page.
    name: '<vitrine-story-tray> + shared runtime',
    source: {
      contents: [
        "import { defineElement } from './src/core/define.ts';",
        "import { VitrineStoryTray } from './src/stories/tray.ts';",
        "defineElement('vitrine-story-tray', VitrineStoryTray);",
      ].join('\n'),
    },
    initial: 16.25 * KB,
    lazy: 3.5 * KB,
  },
  {
    // One component of vitrine/react: its element alone, not the others, with @lit/react
    // (React, the app's own, is not counted).
    name: 'vitrine/react, import { WishlistButton }',
    source: { contents: "export { WishlistButton } from './src/react/index.ts';" },
    external: ['react'],
    initial: 19 * KB,
    lazy: 7.75 * KB,
  },
  {
    name: 'vitrine/stores',
    source: 'src/stores/index.ts',
    initial: 8.75 * KB,
    lazy: 2.5 * KB,
  },
  {
    name: 'vitrine',
    source: 'src/index.ts',
    initial: 57.75 * KB,
    lazy: 52.25 * KB,
  },
];

// The CDN files: what a page fetches from dist/cdn/vitrine.js (the loader and the code of
// the tags on it), and the one self-contained file.
const CDN_PAGES = [
  {
    name: 'dist/cdn/vitrine.js, wishlist buttons and a count',
    tags: PAGES.hearts,
    initial: 23 * KB,
    lazy: 13.5 * KB,
  },
  {
    name: 'dist/cdn/vitrine.js, every element',
    tags: PAGES.everything,
    initial: 65.25 * KB,
    lazy: 52 * KB,
  },
];
const CDN_BUNDLE = {
  name: 'dist/cdn/vitrine.bundle.js (one file)',
  whole: 97.5 * KB,
};
// What a page drawn by vitrine/ssr fetches on top, before the elements' code: Lit's
// hydration (the runtime itself is already there).
const CDN_HYDRATION = {
  name: 'dist/cdn/vitrine.js, a server-drawn page: hydration',
  whole: 2.25 * KB,
};

const kb = (bytes) => (bytes / KB).toFixed(2);
let failed = false;
const rows = [];
for (const { name, source, external, initial, lazy } of BUDGETS) {
  const size = await measure(source, { external });
  const ok = size.initialGzip <= initial && size.lazyGzip <= lazy;
  failed ||= !ok;
  rows.push({
    bundle: name,
    'page load': `${kb(size.initialGzip)} / ${kb(initial)}`,
    later: `${kb(size.lazyGzip)} / ${kb(lazy)}`,
    ok: ok ? 'yes' : 'OVER',
  });
}
const cdn = await buildCdn('dist/cdn');
for (const { name, tags, initial, lazy } of CDN_PAGES) {
  const size = pageWeight(cdn, tags);
  const ok = size.atLoad <= initial && size.later <= lazy;
  failed ||= !ok;
  rows.push({
    bundle: name,
    'page load': `${kb(size.atLoad)} / ${kb(initial)}`,
    later: `${kb(size.later)} / ${kb(lazy)}`,
    ok: ok ? 'yes' : 'OVER',
  });
}
const whole = bundleWeight(cdn);
failed ||= whole > CDN_BUNDLE.whole;
rows.push({
  bundle: CDN_BUNDLE.name,
  'page load': `${kb(whole)} / ${kb(CDN_BUNDLE.whole)}`,
  later: '-',
  ok: whole <= CDN_BUNDLE.whole ? 'yes' : 'OVER',
});

const { hydration } = pageWeight(cdn, PAGES.hearts);
failed ||= hydration > CDN_HYDRATION.whole;
rows.push({
  bundle: CDN_HYDRATION.name,
  'page load': `${kb(hydration)} / ${kb(CDN_HYDRATION.whole)}`,
  later: '-',
  ok: hydration <= CDN_HYDRATION.whole ? 'yes' : 'OVER',
});

console.log('Gzipped KB (-9), minified, dependencies included: measured / budget');
console.table(rows);
if (failed) {
  console.error('A bundle is over its size budget (see the table above).');
  process.exit(1);
}
