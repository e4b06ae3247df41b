import { TextDecoder } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.js';

/** Debian's Chromium (or `CHROME_PATH`), headless, with the flags the browser tests use. */
export async function launch() {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error('No Chromium: set CHROME_PATH, or `apt-get install -y chromium`.');
  }
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

const reported = new Set();

/** Says once what a page threw or logged as an error: a figure from a broken page is no figure. */
function reportErrors(page, label) {
  const say = (text) => {
    const line = `  [${label}] ${text}`;
    if (reported.has(line)) return;
    reported.add(line);
    console.warn(line);
  };
  page.on('pageerror', (error) => say(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) say(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') say(`console error: ${message.text()}`);
  });
}

/**
 * Opens `url` in a browser context of its own (fresh storage and cache), with a DevTools
 * session for metrics and throttling. `close()` ends the context.
 */
export async function openPage(browser, url, { viewport, label, cpuSlowdown = 1, waitUntil }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  reportErrors(page, label);
  await page.setViewport(viewport);
  const devtools = await page.createCDPSession();
  await devtools.send('Performance.enable');
  if (cpuSlowdown > 1) await devtools.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await page.goto(url, { waitUntil: waitUntil ?? 'load' });
  return {
    page,
    /** The renderer's main-thread counters (ms): script, style, layout and all tasks. */
    async metrics() {
      const { metrics } = await devtools.send('Performance.getMetrics');
      const value = (name) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
      return {
        script: value('ScriptDuration'),
        style: value('RecalcStyleDuration'),
        layout: value('LayoutDuration'),
        tasks: value('TaskDuration'),
      };
    },
    close: () => context.close(),
  };
}

/**
 * Runs `action` while Chromium traces, and returns what it resolved to with the CPU time (ms)
 * the page's renderer main thread spent in tasks meanwhile. CPU time, not wall time: on a
 * machine shared with other work, a task waiting for a core does not count. With `styles`,
 * also the style recalculations that thread ran, and the animations Chromium could not run
 * on the compositor (whatever the reason it gave).
 */
export async function withMainThreadCpu(page, action, { styles = false } = {}) {
  const categories = ['disabled-by-default-devtools.timeline'];
  // Only when asked: these categories trace far more events, which costs the page a little.
  if (styles) categories.push('devtools.timeline', 'blink.animations');
  await page.tracing.start({ categories });
  const result = await action();
  const { traceEvents } = JSON.parse(new TextDecoder().decode(await page.tracing.stop()));
  const started = traceEvents.find((event) => event.name === 'TracingStartedInBrowser');
  const pid = started.args.data.frames.find((frame) => frame.isOutermostMainFrame).processId;
  const main = traceEvents.find(
    (event) =>
      event.pid === pid && event.name === 'thread_name' && event.args.name === 'CrRendererMain',
  ).tid;
  const onMain = traceEvents.filter((event) => event.pid === pid && event.tid === main);
  const cpuMs = onMain
    .filter((event) => event.name === 'RunTask')
    .reduce((sum, task) => sum + (task.tdur ?? 0), 0);
  if (!styles) return { result, cpuMs: cpuMs / 1000 };
  const styleRecalcs = onMain.filter(
    (event) => event.name === 'UpdateLayoutTree' && event.ph === 'X',
  ).length;
  // Each animation that could not start on the compositor says so once, with the reasons.
  const offCompositor = traceEvents.filter(
    (event) => event.name === 'Animation' && event.args?.data?.compositeFailed,
  ).length;
  return { result, cpuMs: cpuMs / 1000, styleRecalcs, offCompositor };
}

/** `after - before` for each counter. */
export const elapsed = (before, after) =>
  Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]]));
