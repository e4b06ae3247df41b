// The demo site as a host page, on a phone-sized window with the CPU slowed 4× (DevTools
// protocol), Vitrine's CDN file added after the page has loaded: its script time, the style
// and layout work and long tasks that follow, and the layout shift it causes, with the
// documented reserved-space CSS and without it.
import { setTimeout as sleep } from 'node:timers/promises';
import { elapsed, openPage } from './chromium.js';
import { summarize } from './stats.js';

const CPU_SLOWDOWN = 4;
const VIEWPORT = { width: 412, height: 823, isMobile: true, hasTouch: true };
/** After every widget has rendered: the votes' first counts, lazy code, the stories' first slide. */
const AFTER_SETTLED_MS = 1500;

async function measureOnce(browser, origin, unreserved) {
  const { page, metrics, close } = await openPage(
    browser,
    `${origin}/${unreserved ? '?unreserved' : ''}`,
    {
      viewport: VIEWPORT,
      label: unreserved ? 'host page, no reserved space' : 'host page',
      cpuSlowdown: CPU_SLOWDOWN,
      waitUntil: 'networkidle0',
    },
  );
  try {
    const before = await metrics();
    await page.evaluate(() => window.benchHost.inject());
    const settled = await page.evaluate(() => window.benchHost.settle());
    await sleep(AFTER_SETTLED_MS);
    const work = elapsed(before, await metrics());
    const report = await page.evaluate(() => window.benchHost.report());
    return { ...settled, ...work, ...report };
  } finally {
    await close();
  }
}

export async function measureHostPage(browser, origin, runs) {
  const result = { cpuSlowdown: CPU_SLOWDOWN, viewport: VIEWPORT };
  for (const unreserved of [false, true]) {
    const samples = [];
    for (let run = 0; run < runs; run += 1) {
      samples.push(await measureOnce(browser, origin, unreserved));
    }
    const pick = (key) => summarize(samples.map((sample) => sample[key]));
    result[unreserved ? 'withoutReservedSpace' : 'withReservedSpace'] = {
      widgets: samples[0].widgets,
      scriptMs: pick('script'),
      styleMs: pick('style'),
      layoutMs: pick('layout'),
      mainThreadMs: pick('tasks'),
      allRenderedMs: pick('renderedMs'),
      longTasks: summarize(samples.map((sample) => sample.longTasks.length)),
      longestTaskMs: summarize(samples.map((sample) => Math.max(0, ...sample.longTasks))),
      cls: summarize(
        samples.map((sample) => sample.cls),
        3,
      ),
      clsBeforeScript: summarize(
        samples.map((sample) => sample.clsBeforeScript),
        3,
      ),
      shiftSources: [...new Set(samples.flatMap((sample) => sample.shiftSources))],
      movedOnPage: summarize(
        samples.map((sample) => sample.movedOnPage.length),
        0,
      ),
      whatMoved: [...new Set(samples.flatMap((sample) => sample.movedOnPage))],
    };
  }
  return result;
}
