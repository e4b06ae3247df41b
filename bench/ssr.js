// `npm run bench:ssr`: how long vitrine/ssr (dist/ssr.js) takes to draw a product grid of
// 1,000 <vitrine-wishlist-button> (each with its name, price, picture and link), and how much
// HTML that adds. A measurement, not a test: it prints the figures and never fails on them.
// BENCH_RUNS sets the number of timed runs (default 15), after 3 untimed ones.
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { load, machine } from './machine.js';
import { spread, summarize } from './stats.js';

const { renderVitrine } = await import('../dist/ssr.js');

const BUTTONS = 1000;
const runs = Number(process.env.BENCH_RUNS) || 15;

const items = Array.from(
  { length: BUTTONS },
  (_, i) => `      <li>
        <a href="/produits/piece-${i}"><img src="/images/piece-${i}.jpg" alt="" /></a>
        <vitrine-wishlist-button
          product-id="piece-${i}"
          name="Pièce ${i}"
          price="${100 + i}"
          image="/images/piece-${i}.jpg"
          url="/produits/piece-${i}"
        ></vitrine-wishlist-button>
      </li>`,
).join('\n');
const page = `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8" /><title>Collection</title></head>
  <body>
    <vitrine-config currency="EUR"></vitrine-config>
    <ul class="grid">
${items}
    </ul>
  </body>
</html>
`;

const times = [];
let out = '';
for (let run = 0; run < runs + 3; run += 1) {
  const started = performance.now();
  out = await renderVitrine(page);
  if (run >= 3) times.push(performance.now() - started);
}
const drawn = out.split('<template shadowrootmode="open">').length - 1;
if (drawn !== BUTTONS) throw new Error(`drew ${drawn} buttons, not ${BUTTONS}`);

const kb = (text) => (Buffer.byteLength(text) / 1024).toFixed(0);
const gz = (text) => (gzipSync(text, { level: 6 }).length / 1024).toFixed(0);
const time = summarize(times, 1);
console.log(`Machine: ${JSON.stringify(machine())}, load average ${load().join(' ')}`);
console.log(
  `| page | render, ms: median (min–max) of ${time.runs} | page in | page out |\n` +
    '| --- | --- | --- | --- |\n' +
    `| ${BUTTONS} wishlist buttons | ${spread(time)} | ${kb(page)} KB (${gz(page)} KB gzip) | ${kb(out)} KB (${gz(out)} KB gzip) |`,
);
console.log(`Per button: ${(time.median / BUTTONS).toFixed(3)} ms.`);
