// Size budgets: every kilobyte here ships to a shopper's phone. Prints the figures and fails
// when a bundle (minified, then gzip -9, dependencies inside) grows over its budget.
// "Page load" is what loads with the page; "later" is loaded on first use (a popover's
// positioning, the WeChat QR encoder, the messages of every language but English).
import { measure } from './bundle.js';
import { BUDGETS, CDN_BUNDLE, CDN_HYDRATION, CDN_PAGES, KB } from './budgets.js';
import { PAGES, buildCdn, bundleWeight, pageWeight } from './cdn.js';

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
