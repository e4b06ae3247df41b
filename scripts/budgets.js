// The size budgets, gzip -9: scripts/size.js enforces them, and `npm run docs` writes them
// into README.md ("Size budgets"). A budget is lowered as soon as a bundle shrinks, and raised
// only with the reason in the commit that raises it.
import { PAGES } from './cdn.js';

export const KB = 1024;

export const BUDGETS = [
  {
    name: 'vitrine/wishlist',
    readme: '`vitrine/wishlist`',
    source: 'src/wishlist/index.ts',
    initial: 26.25 * KB,
    lazy: 21.25 * KB,
  },
  {
    name: '<vitrine-wishlist-button> + shared runtime',
    readme: '`<vitrine-wishlist-button>` + shared runtime',
    source: {
      contents: [
        "import { defineElement } from './src/core/define.ts';",
        "import { VitrineWishlistButton } from './src/wishlist/wishlist-button.ts';",
        "defineElement('vitrine-wishlist-button', VitrineWishlistButton);",
      ].join('\n'),
    },
    initial: 14.75 * KB,
    lazy: 8.75 * KB,
  },
  {
    name: 'vitrine/login',
    readme: '`vitrine/login`',
    source: 'src/login/index.ts',
    initial: 21.5 * KB,
    lazy: 30 * KB,
  },
  {
    name: 'vitrine/votes',
    readme: '`vitrine/votes`',
    source: 'src/votes/index.ts',
    initial: 20.25 * KB,
    lazy: 8.5 * KB,
  },
  {
    name: 'vitrine/stories',
    readme: '`vitrine/stories`',
    source: 'src/stories/index.ts',
    initial: 25.5 * KB,
    lazy: 44.25 * KB,
  },
  {
    // Loaded by the first group of a tray (stories.ts `dependencies`), never with the page.
    name: '<vitrine-story-tray> + shared runtime',
    readme: '`<vitrine-story-tray>` + shared runtime',
    source: {
      contents: [
        "import { defineElement } from './src/core/define.ts';",
        "import { VitrineStoryTray } from './src/stories/tray.ts';",
        "defineElement('vitrine-story-tray', VitrineStoryTray);",
      ].join('\n'),
    },
    initial: 16 * KB,
    lazy: 4 * KB,
  },
  {
    // One component of vitrine/react: its element alone, not the others, with @lit/react
    // (React, the app's own, is not counted).
    name: 'vitrine/react, import { WishlistButton }',
    readme: "`import { WishlistButton } from 'vitrine/react'` (React not counted)",
    source: { contents: "export { WishlistButton } from './src/react/index.ts';" },
    external: ['react'],
    initial: 18.75 * KB,
    lazy: 8.75 * KB,
  },
  {
    name: 'vitrine/stores',
    readme: '`vitrine/stores`',
    source: 'src/stores/index.ts',
    initial: 8.75 * KB,
    lazy: 2.5 * KB,
  },
  {
    name: 'vitrine',
    readme: '`vitrine` (every element)',
    source: 'src/index.ts',
    initial: 58.75 * KB,
    lazy: 53.5 * KB,
  },
];

// The CDN files: what a page fetches from dist/cdn/vitrine.js (the loader and the code of
// the tags on it), and the one self-contained file.
export const CDN_PAGES = [
  {
    name: 'dist/cdn/vitrine.js, wishlist buttons and a count',
    readme: '`dist/cdn/vitrine.js`, hearts and a count',
    tags: PAGES.hearts,
    initial: 21.5 * KB,
    lazy: 13 * KB,
  },
  {
    name: 'dist/cdn/vitrine.js, every element',
    readme: '`dist/cdn/vitrine.js`, every element',
    tags: PAGES.everything,
    initial: 63 * KB,
    lazy: 51.5 * KB,
  },
];
export const CDN_BUNDLE = {
  name: 'dist/cdn/vitrine.bundle.js (one file)',
  readme: '`dist/cdn/vitrine.bundle.js` (one file)',
  whole: 92.5 * KB,
};
// What a page drawn by vitrine/ssr fetches on top, before the elements' code: Lit's
// hydration (the runtime itself is already there).
export const CDN_HYDRATION = {
  name: 'dist/cdn/vitrine.js, a server-drawn page: hydration',
  readme: "`dist/cdn/vitrine.js`, a server-drawn page: Lit's hydration, on top",
  whole: 2.25 * KB,
};

const cell = (bytes) => (bytes === undefined ? '–' : `≤ ${bytes / KB} KB`);

/** The README's table of every budget: page load, and loaded later. */
export const budgetTable = () =>
  [
    '| Bundle | Page load | Loaded later |',
    '| --- | --- | --- |',
    ...[...BUDGETS, ...CDN_PAGES].map(
      ({ readme, initial, lazy }) => `| ${readme} | ${cell(initial)} | ${cell(lazy)} |`,
    ),
    ...[CDN_BUNDLE, CDN_HYDRATION].map(({ readme, whole }) => `| ${readme} | ${cell(whole)} | – |`),
    '',
  ].join('\n');
