// `npm run bench`: Vitrine against the peers a brand would pick instead, in one run on this
// machine, in headless Chromium. A benchmark, not a test: it prints the figures and the
// goals met or missed, writes bench/results.json, and fails only if something breaks.
//
//   node bench/run.js [size] [render] [stories] [host] [server]   (default: all of them)
//   BENCH_RUNS=1 node bench/run.js …                              (one run each: a quick look)
//
// Each figure is the median of several runs with the lowest and highest beside it;
// comparisons are ratios between subjects measured in the same run. bench/README.md says
// what each measurement is.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { launch } from './chromium.js';
import { measureFanOut, measureFirstRender } from './first-render.js';
import { goals, goalsTable } from './goals.js';
import { measureHostPage } from './host-page.js';
import { load, machine } from './machine.js';
import {
  fanOutTable,
  firstRenderTable,
  hostTable,
  serverTable,
  sizeTable,
  storiesTable,
} from './report.js';
import { startServer } from './serve.js';
import { buildAll, sizes } from './size.js';
import { measureStories } from './stories.js';
import { CDN_FILE, ROOT } from './subjects.js';

const SECTIONS = ['size', 'render', 'stories', 'host', 'server'];
/** Runs per figure: more where a run is short and the figure small. BENCH_RUNS=1: a quick look. */
const quick = Number(process.env.BENCH_RUNS) || undefined;
const RUNS = { render: quick ?? 7, stories: quick ?? 5, host: quick ?? 5 };

const asked = process.argv.slice(2);
const unknown = asked.filter((section) => !SECTIONS.includes(section));
if (unknown.length > 0) {
  console.error(`Unknown section(s): ${unknown.join(', ')}. Choose from: ${SECTIONS.join(', ')}.`);
  process.exit(2);
}
const sections = new Set(asked.length > 0 ? asked : SECTIONS);
const browserSections = ['render', 'stories', 'host'].some((section) => sections.has(section));

for (const file of [CDN_FILE, resolve(ROOT, 'dist/server/index.js')]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` first (\`npm run bench\` does).`);
    process.exit(2);
  }
}

const heading = (title) => console.log(`\n## ${title}\n`);

/** Each section notes the 1-minute load average it started under (the machine is shared). */
function section(name, title) {
  results.load[name] = load()[0];
  heading(`${title} (load average ${results.load[name]})`);
}

/** bench/server.js in a process of its own (it forks the server it measures). */
function runServerBench() {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bench/server.js')], {
      stdio: 'inherit',
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`bench/server.js exited with ${code}`)),
    );
  });
}

const results = { date: new Date().toISOString(), machine: machine(), load: { start: load() } };
const buildDir = mkdtempSync(join(tmpdir(), 'vitrine-bench-'));
let browser;
let server;
try {
  console.log(
    `Machine: ${results.machine.cpu}, ${results.machine.cores} cores, ` +
      `${results.machine.memoryGiB} GiB; Node ${results.machine.node}; ` +
      `load average ${results.load.start.join(' ')} (1, 5, 15 min)`,
  );
  const built = await buildAll(buildDir);
  if (sections.has('size')) {
    results.size = sizes(built);
    heading('Size: minified, then gzip -9 and brotli, every dependency inside');
    console.log(sizeTable(results.size));
  }

  if (browserSections) {
    browser = await launch();
    results.machine.browser = await browser.version();
    console.log(`\nBrowser: ${results.machine.browser}, headless`);
    server = await startServer(buildDir);
  }
  if (sections.has('render')) {
    section(
      'render',
      `First render: a product grid of <vitrine-wishlist-button>, ${RUNS.render} runs`,
    );
    results.render = await measureFirstRender(browser, server.origin, RUNS.render);
    console.log(firstRenderTable(results.render));
    section('fanOut', `Fan-out and teardown, ${RUNS.render} runs`);
    results.fanOut = await measureFanOut(browser, server.origin, RUNS.render);
    console.log(fanOutTable(results.fanOut, results.render));
  }
  if (sections.has('stories')) {
    section('stories', `Stories: the same 10 slides, 10 slide changes, ${RUNS.stories} runs`);
    results.stories = await measureStories(browser, server.origin, buildDir, built, RUNS.stories);
    console.log(storiesTable(results.stories));
  }
  if (sections.has('host')) {
    section(
      'hostPage',
      `Host page: the demo site, CPU 4× slower, Vitrine's CDN file added late, ${RUNS.host} runs`,
    );
    results.hostPage = await measureHostPage(browser, server.origin, RUNS.host);
    console.log(hostTable(results.hostPage));
    for (const [variant, label] of [
      ['withReservedSpace', 'with the CSS'],
      ['withoutReservedSpace', 'without it'],
    ]) {
      const { shiftSources, whatMoved } = results.hostPage[variant];
      if (shiftSources.length > 0)
        console.log(`\nShifted in the window, ${label}: ${shiftSources.join(', ')}`);
      if (whatMoved.length > 0) console.log(`Moved on the page, ${label}: ${whatMoved.join(', ')}`);
    }
  }
  await browser?.close();
  browser = undefined;
  await server?.close();
  server = undefined;

  if (sections.has('server')) {
    section('server', 'Server: bench/server.js');
    await runServerBench();
    results.server = JSON.parse(readFileSync(resolve(ROOT, 'bench/server-results.json'), 'utf8'));
    console.log(`\n${serverTable(results.server)}`);
  }

  results.load.end = load();
  results.goals = goals(results);
  for (const [kind, title] of [
    ['goal', 'Goals'],
    ['peer', 'Against the peers'],
  ]) {
    if (!results.goals.some((entry) => entry.kind === kind)) continue;
    heading(title);
    console.log(goalsTable(results.goals, kind));
  }
  console.log(`\nLoad average at the end: ${results.load.end.join(' ')}`);

  const file = resolve(ROOT, 'bench/results.json');
  const style = await resolveConfig(file);
  writeFileSync(file, await format(JSON.stringify(results), { ...style, filepath: file }));
  console.log('Written to bench/results.json');
} finally {
  await browser?.close();
  await server?.close();
  rmSync(buildDir, { recursive: true, force: true });
}
