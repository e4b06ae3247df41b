// Product grids of <vitrine-wishlist-button>: first render against the plain Lit baseline,
// fan-out when one product is toggled, and teardown.
import { openPage, withMainThreadCpu } from './chromium.js';
import { summarize } from './stats.js';

/** The goals' grid sizes, and 4× the largest: a linear cost grows 4×, a quadratic one 16×. */
const COUNTS = [10, 100, 1000, 4000];
/** From this size on, each page also times removing the whole grid. */
const TEARDOWN_FROM = 1000;
const VIEWPORT = { width: 1280, height: 800 };
/** In the fan-out grid each product shows twice (a grid and, say, a "recently seen" row). */
const FAN_OUT = { count: 1000, distinct: 500, toggles: [250, 250, 731, 731] };

const BUNDLES = { vitrine: 'vitrine-wishlist', plain: 'plain-lit' };

async function openGrid(browser, origin, subject) {
  const opened = await openPage(browser, `${origin}/bench/grid.html`, {
    viewport: VIEWPORT,
    label: `grid, ${subject}`,
  });
  await opened.page.evaluate(
    (bundle) => window.bench.load(bundle),
    `${origin}/build/${BUNDLES[subject]}/entry.js`,
  );
  return opened;
}

/**
 * One fresh page: render `count` buttons (the time, and the main thread's CPU time, which
 * other work on a shared machine does not inflate), then remove them all if the grid is large.
 */
async function renderOnce(browser, origin, subject, count) {
  const { page, close } = await openGrid(browser, origin, subject);
  try {
    const { result: render, cpuMs } = await withMainThreadCpu(page, () =>
      page.evaluate((n) => window.bench.firstRender(n), count),
    );
    const teardown =
      count >= TEARDOWN_FROM ? await page.evaluate(() => window.bench.removeAll()) : undefined;
    return { render, cpuMs, teardown };
  } finally {
    await close();
  }
}

export async function measureFirstRender(browser, origin, runs) {
  const samples = Object.fromEntries(
    COUNTS.map((count) => [
      count,
      { vitrine: [], plain: [], ratio: [], cpuRatio: [], teardown: {} },
    ]),
  );
  for (let run = 0; run < runs; run += 1) {
    // Alternating which goes first spreads any drift of the machine over both.
    const order = run % 2 ? ['plain', 'vitrine'] : ['vitrine', 'plain'];
    for (const count of COUNTS) {
      const times = {};
      const cpu = {};
      for (const subject of order) {
        const { render, cpuMs, teardown } = await renderOnce(browser, origin, subject, count);
        times[subject] = render;
        cpu[subject] = cpuMs;
        if (teardown !== undefined) (samples[count].teardown[subject] ??= []).push(teardown);
      }
      samples[count].vitrine.push(times.vitrine);
      samples[count].plain.push(times.plain);
      samples[count].ratio.push(times.vitrine / times.plain);
      samples[count].cpuRatio.push(cpu.vitrine / cpu.plain);
    }
  }
  const [small, large] = COUNTS.slice(-2).map((count) => samples[count].teardown);
  const growth = (subject) => summarize(large[subject].map((ms, run) => ms / small[subject][run]));
  const bySubject = (count) =>
    Object.fromEntries(
      ['vitrine', 'plain'].map((subject) => [subject, summarize(samples[count].teardown[subject])]),
    );
  return {
    firstRender: COUNTS.map((count) => ({
      count,
      vitrineMs: summarize(samples[count].vitrine),
      plainLitMs: summarize(samples[count].plain),
      ratio: summarize(samples[count].ratio),
      cpuRatio: summarize(samples[count].cpuRatio),
    })),
    teardown: Object.fromEntries(
      COUNTS.filter((count) => count >= TEARDOWN_FROM).map((count) => [count, bySubject(count)]),
    ),
    teardownGrowth: { vitrine: growth('vitrine'), plain: growth('plain') },
  };
}

/** The clicks of one fresh page: product 250 on and off, then product 731 on and off. */
async function clicksOnce(browser, origin, subject) {
  const { page, close } = await openGrid(browser, origin, subject);
  try {
    await page.evaluate(
      ({ count, distinct }) => window.bench.firstRender(count, distinct),
      FAN_OUT,
    );
    const idle = await page.evaluate(() => window.bench.idleSettle());
    const clicks = [];
    for (const index of FAN_OUT.toggles) {
      clicks.push(await page.evaluate((i) => window.bench.toggle(i), index));
    }
    return { idle, clicks };
  } finally {
    await close();
  }
}

/**
 * Clicks one heart among 1,000 buttons: what re-renders, and how long until everything is
 * settled, for the first click on the page (code not yet optimized) and the later ones.
 * The plain Lit element, which only flips its own state, gives the floor for the same page.
 */
export async function measureFanOut(browser, origin, runs) {
  const pages = { vitrine: [], plain: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const subject of run % 2 ? ['plain', 'vitrine'] : ['vitrine', 'plain']) {
      pages[subject].push(await clicksOnce(browser, origin, subject));
    }
  }
  const first = (subject) => pages[subject].map((page) => page.clicks[0]);
  const later = (subject) => pages[subject].flatMap((page) => page.clicks.slice(1));
  const all = pages.vitrine.flatMap((page) => page.clicks);
  const pick = (clicks, key) => summarize(clicks.map((click) => click[key]));
  const phase = (index) => summarize(later('vitrine').map((click) => click.phases[index]));
  return {
    buttons: FAN_OUT.count,
    products: FAN_OUT.distinct,
    clicks: all.length,
    showingTheProduct: pick(all, 'showing'),
    elementsRendered: pick(all, 'rendered'),
    renders: pick(all, 'renders'),
    shadowDomChanged: pick(all, 'changed'),
    everyClickToggled: all.every((click) => click.flipped),
    firstClickMs: pick(first('vitrine'), 'time'),
    laterClicksMs: pick(later('vitrine'), 'time'),
    laterClicksPhasesMs: { click: phase(0), rerender: phase(1), styleAndLayout: phase(2) },
    plainLit: {
      firstClickMs: pick(first('plain'), 'time'),
      laterClicksMs: pick(later('plain'), 'time'),
    },
    idleSettleMs: summarize(pages.vitrine.map((page) => page.idle)),
  };
}
