// Size budgets: every kilobyte here ships to a shopper's phone. Prints the figures and fails
// when a bundle (minified, then gzip -9, dependencies inside) grows over its budget.
// "Page load" is what loads with the page; "later" is loaded on first use (a popover's
// positioning, the WeChat QR encoder, the French and Chinese messages).
import { bundleWhole, gzip, measure } from './bundle.js';

const KB = 1024;

const BUDGETS = [
  {
    name: 'vitrine/wishlist',
    source: 'src/wishlist/index.ts',
    initial: 23.25 * KB,
    lazy: 17 * KB,
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
    initial: 13.75 * KB,
    lazy: 3 * KB,
  },
  { name: 'vitrine/login', source: 'src/login/index.ts', initial: 24 * KB, lazy: 25 * KB },
  { name: 'vitrine/votes', source: 'src/votes/index.ts', initial: 19.75 * KB, lazy: 5 * KB },
  { name: 'vitrine/stories', source: 'src/stories/index.ts', initial: 25.75 * KB, lazy: 27 * KB },
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
    initial: 15.5 * KB,
    lazy: 3 * KB,
  },
  { name: 'vitrine/stores', source: 'src/stores/index.ts', initial: 8.75 * KB, lazy: 2 * KB },
  { name: 'vitrine', source: 'src/index.ts', initial: 48.75 * KB, lazy: 39.75 * KB },
];

const CDN = { name: 'dist/cdn/vitrine.js (one file)', source: 'src/index.ts', whole: 80.5 * KB };

const kb = (bytes) => (bytes / KB).toFixed(2);
let failed = false;
const rows = [];
for (const { name, source, initial, lazy } of BUDGETS) {
  const size = await measure(source);
  const ok = size.initialGzip <= initial && size.lazyGzip <= lazy;
  failed ||= !ok;
  rows.push({
    bundle: name,
    'page load': `${kb(size.initialGzip)} / ${kb(initial)}`,
    later: `${kb(size.lazyGzip)} / ${kb(lazy)}`,
    ok: ok ? 'yes' : 'OVER',
  });
}
const whole = gzip(await bundleWhole(CDN.source));
failed ||= whole > CDN.whole;
rows.push({
  bundle: CDN.name,
  'page load': `${kb(whole)} / ${kb(CDN.whole)}`,
  later: '-',
  ok: whole <= CDN.whole ? 'yes' : 'OVER',
});

console.log('Gzipped KB (-9), minified, dependencies included: measured / budget');
console.table(rows);
if (failed) {
  console.error('A bundle is over its size budget (see the table above).');
  process.exit(1);
}
