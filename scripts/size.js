// Size budgets: every kilobyte here ships to a shopper's phone. Prints the figures and fails
// when a bundle (minified, then gzip -9, dependencies inside) grows over its budget.
// "Page load" is what loads with the page; "later" is loaded on first use (a popover's
// positioning, the WeChat QR encoder, the messages of every language but English).
import { bundleWhole, gzip, measure } from './bundle.js';

const KB = 1024;

const BUDGETS = [
  {
    name: 'vitrine/wishlist',
    source: 'src/wishlist/index.ts',
    initial: 23.5 * KB,
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
    initial: 14 * KB,
    lazy: 7 * KB,
  },
  { name: 'vitrine/login', source: 'src/login/index.ts', initial: 24 * KB, lazy: 28.5 * KB },
  { name: 'vitrine/votes', source: 'src/votes/index.ts', initial: 20 * KB, lazy: 5.5 * KB },
  { name: 'vitrine/stories', source: 'src/stories/index.ts', initial: 24.75 * KB, lazy: 31 * KB },
  { name: 'vitrine/stores', source: 'src/stores/index.ts', initial: 9 * KB, lazy: 2 * KB },
  { name: 'vitrine', source: 'src/index.ts', initial: 48 * KB, lazy: 48.5 * KB },
];

const CDN = { name: 'dist/cdn/vitrine.js (one file)', source: 'src/index.ts', whole: 87.5 * KB };

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
