// The same ten slides in <vitrine-stories>, Swiper's element, Shoelace's <sl-carousel> and
// Zuck.js's viewer: time to the first slide painted and to interactive, then ten slide
// changes with the main thread's CPU time and style recalculations (Chromium tracing, the idle
// page's own work subtracted), animations that did not run on the compositor, long tasks and
// missed frames counted; then the same changes on a page without the frame watcher.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPage, withMainThreadCpu } from './chromium.js';
import { summarize } from './stats.js';

export const REDUCED = 'vitrine-stories, reduced motion';
/**
 * The subjects, and the bundle each loads. Zuck.js switches between the items of one story
 * without moving them; the other carousels slide. Vitrine under `prefers-reduced-motion`
 * does not slide either: that row is the like-for-like figure beside Zuck.js.
 */
const CAROUSELS = ['vitrine-stories', 'swiper-element', 'shoelace-carousel', 'zuck', REDUCED];
const BUNDLE = { [REDUCED]: 'vitrine-stories' };
/** Carousels that do not animate a slide change. */
export const STILL = new Set(['zuck', REDUCED]);
const SLIDES = 10;
/** Longer than every carousel's slide transition (300–400 ms by default). */
const GAP_MS = 500;
/** The quiet stretch measured after mounting, whose work is subtracted from the changes'. */
const IDLE_MS = 1500;
/** A phone's screen: Zuck.js's viewer fills the window, the others get the same box. */
const VIEWPORT = { width: 360, height: 640 };

/** Draws the slides in the browser and writes them where the pages load them from. */
async function writeSlides(browser, origin, buildDir) {
  const { page, close } = await openPage(browser, `${origin}/bench/stories.html`, {
    viewport: VIEWPORT,
    label: 'slides',
  });
  try {
    const slides = await page.evaluate((count) => window.bench.drawSlides(count), SLIDES);
    mkdirSync(join(buildDir, 'media'), { recursive: true });
    return slides.map((dataUrl, index) => {
      const name = `media/slide-${index + 1}.jpg`;
      writeFileSync(join(buildDir, name), Buffer.from(dataUrl.split(',')[1], 'base64'));
      return `/build/${name}`;
    });
  } finally {
    await close();
  }
}

/**
 * One page of `carousel`: its first slide, then the slide changes. With `frames`, a frame
 * watcher runs meanwhile, whose callbacks make the page draw every frame (see watch() in
 * browser/stories.js); without it, what the carousel costs the page on its own.
 */
async function measureOnce(browser, origin, carousel, images, hasCss, frames) {
  const { page, close } = await openPage(browser, `${origin}/bench/stories.html`, {
    viewport: VIEWPORT,
    label: carousel,
  });
  const bundle = BUNDLE[carousel] ?? carousel;
  try {
    if (carousel === REDUCED) {
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    }
    await page.evaluate(
      (...args) => window.bench.load(...args),
      bundle,
      `${origin}/build/${bundle}/entry.js`,
      hasCss ? `${origin}/build/${bundle}/entry.css` : '',
      images,
    );
    const shown = await page.evaluate(() => window.bench.mount());
    await sleep(500);
    const idle = await withMainThreadCpu(
      page,
      () =>
        page.evaluate((ms, options) => window.bench.watch(ms, undefined, options), IDLE_MS, {
          frames,
        }),
      { styles: true },
    );
    const changes = await withMainThreadCpu(
      page,
      () =>
        page.evaluate(
          (count, gap, options) => window.bench.changeSlides(count, gap, options),
          SLIDES,
          GAP_MS,
          { frames },
        ),
      { styles: true },
    );
    const idleShare = (SLIDES * GAP_MS) / IDLE_MS;
    return {
      ...shown,
      // What is left below the idle page's own noise counts as nothing.
      mainThreadPerChange: Math.max(0, (changes.cpuMs - idle.cpuMs * idleShare) / SLIDES),
      styleRecalcsPerChange: Math.max(
        0,
        (changes.styleRecalcs - idle.styleRecalcs * idleShare) / SLIDES,
      ),
      offCompositor: changes.offCompositor,
      ...changes.result,
    };
  } finally {
    await close();
  }
}

export async function measureStories(browser, origin, buildDir, built, runs) {
  const images = await writeSlides(browser, origin, buildDir);
  const samples = Object.fromEntries(CAROUSELS.map((carousel) => [carousel, []]));
  for (let run = 0; run < runs; run += 1) {
    // A different carousel goes first on each run.
    const order = CAROUSELS.map((_, i) => CAROUSELS[(i + run) % CAROUSELS.length]);
    for (const carousel of order) {
      const hasCss = built[BUNDLE[carousel] ?? carousel].hasCss;
      // Each page once with the frame watcher and once without, in turn first.
      const measured = {};
      for (const frames of run % 2 ? [false, true] : [true, false]) {
        measured[frames] = await measureOnce(browser, origin, carousel, images, hasCss, frames);
      }
      samples[carousel].push({
        ...measured[true],
        quietMainThreadPerChange: measured[false].mainThreadPerChange,
        quietStyleRecalcsPerChange: measured[false].styleRecalcsPerChange,
      });
    }
  }
  return CAROUSELS.map((carousel) => {
    const runsOf = samples[carousel];
    const pick = (key) => summarize(runsOf.map((sample) => sample[key] ?? NaN));
    const ratio = (key) =>
      summarize(runsOf.map((sample, run) => sample[key] / samples['vitrine-stories'][run][key]));
    return {
      carousel,
      firstSlidePaintedMs: pick('firstSlidePainted'),
      interactiveMs: pick('interactive'),
      mainThreadMsPerChange: pick('mainThreadPerChange'),
      styleRecalcsPerChange: pick('styleRecalcsPerChange'),
      quietMainThreadMsPerChange: pick('quietMainThreadPerChange'),
      quietStyleRecalcsPerChange: pick('quietStyleRecalcsPerChange'),
      offCompositor: pick('offCompositor'),
      longTasks: pick('longTasks'),
      longestTaskMs: pick('longestTask'),
      slowFrames: pick('slowFrames'),
      frames: pick('frames'),
      changesReported: pick('reported'),
      ratioToVitrine: {
        firstSlidePainted: ratio('firstSlidePainted'),
        interactive: ratio('interactive'),
        mainThreadPerChange: ratio('mainThreadPerChange'),
      },
    };
  });
}
