// The server-rendered shop page of examples/ssr (drawn by vitrine/ssr on each request, hydrated
// by dist/cdn/vitrine.js, with the real back end and identity provider), in Chromium:
//   - with JavaScript off, every widget is there at its size: a shadow root, labelled buttons;
//     the stories family as boxes: the carousel at its size showing its first slide, the
//     tray's covers;
//   - with JavaScript, every element and every node the server drew is kept (marked before
//     any script runs, compared after), nothing moves (layout-shift sum 0.000, the page
//     reserving no space for the widgets), nothing is logged, and a heart click saves;
//   - the boxes are drawn anew in the same roots: the carousel changes slides, its hotspot
//     opens its card, the tray opens a group;
//   - what the device knows (the saved heart, the count) fills in after hydration;
//   - the same from npm, with vitrine/hydrate imported before vitrine.
// Serves the build (dist/), made first when there is none (`npm test` makes it in test:node).
/* global document, window, customElements, getComputedStyle, PerformanceObserver -- in the page */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { startExample } from '../../examples/ssr/serve.js';
import { launchBrowser, until, watch } from '../support/e2e-browser.js';

/** The widgets the example page holds, in document order (vitrine-config draws nothing). */
const DRAWN = [
  'vitrine-login',
  'vitrine-wishlist-count',
  'vitrine-share',
  'vitrine-wishlist-button',
  'vitrine-vote',
  'vitrine-wishlist-button',
  'vitrine-vote',
  'vitrine-wishlist-button',
  'vitrine-vote',
  'vitrine-wishlist',
  'vitrine-leaderboard',
];

/** Drawn by the server as boxes (their own styles and frame), then by the browser in full. */
const BOXED = ['vitrine-stories', 'vitrine-story', 'vitrine-hotspot', 'vitrine-story-tray'];

/** Each widget's tag, size and whether it has a shadow root with something in it. */
const widgets = (page) =>
  page.evaluate(
    (boxed) =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.localName.startsWith('vitrine-'))
        .filter((element) => element.localName !== 'vitrine-config')
        .filter((element) => !boxed.includes(element.localName))
        .map((element) => {
          const { width, height } = element.getBoundingClientRect();
          const drawn = [...(element.shadowRoot?.children ?? [])].some(
            (child) => child.localName !== 'style',
          );
          return { tag: element.localName, width, height, drawn };
        }),
    BOXED,
  );

/** The page's stories: the tray's and the carousel's size, what of each slide shows. */
const stories = (page) =>
  page.evaluate(() => {
    const size = (element) => {
      const { width, height } = element.getBoundingClientRect();
      return { width, height };
    };
    const tray = document.querySelector('vitrine-story-tray');
    const carousel = document.querySelector('vitrine-stories.feature');
    return {
      tray: size(tray),
      carousel: size(carousel),
      // Whether each slide is seen where the carousel shows (not hidden, not beside it).
      slides: [...carousel.querySelectorAll('vitrine-story')].map((slide) => {
        const [shown, frame] = [slide, carousel].map((e) => e.getBoundingClientRect());
        return (
          getComputedStyle(slide).visibility === 'visible' &&
          Math.abs(shown.left - frame.left) < 1 &&
          shown.width > 0
        );
      }),
    };
  });

/** Every button of the page's accessibility tree (shadow roots included) and its name. */
async function buttons(page) {
  const found = [];
  const visit = (node) => {
    if (node.role === 'button') found.push(node.name ?? '');
    for (const child of node.children ?? []) visit(child);
  };
  visit(await page.accessibility.snapshot());
  return found;
}

/** Loads `url` and checks that it hydrates in place (see the header). */
async function hydratesInPlace(browser, url, staticSizes, staticStories) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const { problems } = await watch(page, { ignore: [/favicon/, /status of 404/] });
    await page.evaluateOnNewDocument(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      // The page is parsed, its module script not run yet: keep what the server drew.
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        window.__drawn = [...document.querySelectorAll('body *')]
          .filter((element) => element.localName.startsWith('vitrine-'))
          .map((element) => ({
            element,
            defined: customElements.get(element.localName) !== undefined,
            root: element.shadowRoot,
            box: element.shadowRoot?.firstElementChild?.hasAttribute('data-vitrine-box') ?? false,
            nodes: element.shadowRoot
              ? [...element.shadowRoot.querySelectorAll('*')].filter(
                  (node) => node.localName !== 'style',
                )
              : [],
          }));
      });
    });
    await page.goto(url, { waitUntil: 'load' });
    // Every element defined, hydrated, and its device values drawn (the counts are live).
    await until(page, () =>
      window.__drawn.every(
        ({ element }) =>
          element.localName === 'vitrine-config' ||
          (customElements.get(element.localName) &&
            element.serverDrawn === false &&
            !element.isUpdatePending),
      ),
    );
    await until(
      page,
      () =>
        [...document.querySelectorAll('vitrine-vote')].every(
          (vote) =>
            vote.shadowRoot.querySelector('[part~="count"] [aria-hidden]')?.textContent.trim() ===
            '0',
        ) &&
        // The leaderboard has its counts too: its ranking shows (each element follows the
        // campaign on its own, so one may draw it a task after the other).
        [...document.querySelectorAll('vitrine-leaderboard')].every(
          (board) => board.shadowRoot.querySelector('[data-product]') && !board.isUpdatePending,
        ),
    );
    const kept = await page.evaluate(() =>
      window.__drawn.map(({ element, defined, root, box, nodes }) => ({
        tag: element.localName,
        definedBeforeScripts: defined,
        sameElement: document.contains(element),
        // A group waiting in a tray was drawn nothing; the browser gives it its root.
        sameRoot: element.shadowRoot === root || (root === null && box === false),
        box,
        redrawn: !element.shadowRoot?.querySelector('style[data-vitrine-box]'),
        // What the server drew is still there: the same nodes, none added beside them twice.
        lost: nodes.filter((node) => !node.isConnected).map((node) => node.localName),
        buttons: element.shadowRoot?.querySelectorAll('button').length ?? 0,
        drawnButtons: nodes.filter((node) => node.localName === 'button').length,
      })),
    );
    for (const entry of kept) {
      assert.equal(entry.definedBeforeScripts, false, `<${entry.tag}> was drawn, not defined`);
      assert.ok(entry.sameElement && entry.sameRoot, `<${entry.tag}> kept`);
      if (BOXED.includes(entry.tag)) {
        // The box's frame gave way to the element's own drawing, in the same root.
        assert.ok(entry.redrawn, `<${entry.tag}> drawn anew`);
        continue;
      }
      assert.equal(entry.box, false, `<${entry.tag}> drawn in full by the server`);
      // The leaderboard was drawn waiting for its counts; the ranking took that note's place.
      const live = entry.tag === 'vitrine-leaderboard' ? ['p'] : [];
      assert.deepEqual(entry.lost, live, `<${entry.tag}> keeps every node the server drew`);
      assert.equal(entry.buttons, entry.drawnButtons, `<${entry.tag}> draws no button twice`);
    }
    const shift = await page.evaluate(() => window.__shift);
    assert.equal(shift.toFixed(3), '0.000', `layout shift ${shift}`);
    // Every widget keeps the size it was drawn at, but the leaderboard (the last thing on the
    // page, so it moves nothing): its ranking is as long as the campaign the browser reads.
    const sizes = (await widgets(page)).map(({ width, height }) => ({ width, height }));
    assert.deepEqual(sizes.slice(0, -1), staticSizes.slice(0, -1));
    // The carousel and the tray keep the size of their boxes; the first slide shows.
    const drawn = await stories(page);
    assert.deepEqual(drawn, staticStories);

    // The carousel the browser drew moves on, and its hotspot opens its card.
    const carousel = 'vitrine-stories.feature';
    await page.locator(`${carousel} >>> [part="next"]`).click();
    await until(page, () => {
      const slides = document.querySelectorAll('vitrine-stories.feature vitrine-story');
      return slides[1].getAttribute('position') === 'current';
    });
    await page
      .locator(`${carousel} vitrine-story:nth-of-type(2) vitrine-hotspot >>> [part="tag"]`)
      .click();
    await until(page, () =>
      document
        .querySelector('vitrine-stories.feature vitrine-story:nth-of-type(2) vitrine-hotspot')
        .shadowRoot.querySelector('[part="name"]')
        ?.textContent.includes('Escarpin Opéra'),
    );
    await page.keyboard.press('Escape');
    // The tray opens a group from its cover.
    await page.locator('vitrine-story-tray >>> [part~="cover"]').click();
    await until(page, () => {
      const tray = document.querySelector('vitrine-story-tray');
      const group = tray.querySelector('#atelier');
      return (
        tray.shadowRoot.querySelector('dialog').open &&
        group.getBoundingClientRect().width > 0 &&
        group.shadowRoot.querySelector('[part~="viewport"]') !== null
      );
    });
    await page.keyboard.press('Escape');
    await until(
      page,
      () => !document.querySelector('vitrine-story-tray').shadowRoot.querySelector('dialog').open,
    );

    // The heart the server drew (and the script adopted) saves.
    const heart = 'vitrine-wishlist-button[product-id="sac-lune"] >>> button';
    await page.locator(heart).click();
    await until(
      page,
      () =>
        document
          .querySelector('vitrine-wishlist-button[product-id="sac-lune"]')
          .shadowRoot.querySelector('button')
          .getAttribute('aria-pressed') === 'true' &&
        document
          .querySelector('vitrine-wishlist-count')
          .shadowRoot.querySelector('[part="badge"]')
          .textContent.trim() === '1',
    );

    // Drawn again by the server (which knows nothing of this device), the saved heart and
    // the count fill in once hydrated.
    await page.reload({ waitUntil: 'load' });
    await until(page, () => {
      const button = document.querySelector('vitrine-wishlist-button[product-id="sac-lune"]');
      return (
        button?.serverDrawn === false &&
        button.shadowRoot.querySelector('button').getAttribute('aria-pressed') === 'true' &&
        document
          .querySelector('vitrine-wishlist-count')
          .shadowRoot.querySelector('[part="badge"]')
          .textContent.trim() === '1'
      );
    });
    const lost = await page.evaluate(() =>
      window.__drawn
        .filter(
          ({ element, root }) =>
            !document.contains(element) || (root !== null && element.shadowRoot !== root),
        )
        .map(({ element }) => element.localName),
    );
    assert.deepEqual(lost, [], 'hydrated in place again, with the device values');
    // The saved heart is the button the server drew, only its state changed.
    const sameButton = await page.evaluate(() =>
      window.__drawn
        .filter(({ element }) => element.localName === 'vitrine-wishlist-button')
        .every(({ element, nodes }) => nodes.includes(element.shadowRoot.querySelector('button'))),
    );
    assert.ok(sameButton, 'every heart keeps its button');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

describe('a page drawn by vitrine/ssr', { timeout: 120_000 }, () => {
  let example;
  let browser;
  /** The widgets' sizes with JavaScript off, and what the stories showed. */
  let staticSizes;
  let staticStories;

  before(async () => {
    if (!existsSync('dist/ssr.js')) {
      execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
    }
    example = await startExample();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await example?.close();
  });

  it('shows every widget at its size, buttons named, with JavaScript off', async () => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.setJavaScriptEnabled(false);
      await page.goto(example.url, { waitUntil: 'load' });
      const shown = await widgets(page);
      assert.deepEqual(
        shown.map(({ tag }) => tag),
        DRAWN,
      );
      for (const { tag, width, height, drawn } of shown) {
        assert.ok(drawn, `<${tag}> has its shadow root`);
        assert.ok(width > 0 && height > 0, `<${tag}> has a size (${width}×${height})`);
      }
      const named = await buttons(page);
      // Sign-in, share, three hearts, three votes at least.
      assert.ok(named.length >= 8, `buttons: ${JSON.stringify(named)}`);
      for (const name of named) assert.notEqual(name.trim(), '', 'every button has a name');
      assert.ok(named.includes('Enregistrer Sac Lune dans la liste d’envies'), named.join(' | '));
      assert.ok(named.includes('Voter pour Sac Lune'), named.join(' | '));
      staticSizes = shown.map(({ width, height }) => ({ width, height }));

      // The stories family, as boxes: the carousel at its size on its first slide, the covers.
      staticStories = await stories(page);
      assert.ok(staticStories.carousel.width > 0 && staticStories.carousel.height > 0);
      assert.ok(staticStories.tray.height > 0, 'the tray has its height');
      assert.deepEqual(staticStories.slides, [true, false], 'the first slide shows, alone');
      assert.ok(named.includes('L’atelier, nouveautés'), named.join(' | '));
      assert.ok(named.includes('La scène, nouveautés'), named.join(' | '));
    } finally {
      await context.close();
    }
  });

  it('hydrates in place: same nodes, nothing moves, nothing logged, a heart saves', () =>
    hydratesInPlace(browser, example.url, staticSizes, staticStories));

  it('hydrates in place from npm too: vitrine/hydrate imported before vitrine', async () => {
    const scripts = mkdtempSync(join(tmpdir(), 'vitrine-ssr-app-'));
    let app;
    try {
      await build({
        stdin: {
          contents: "import 'vitrine/hydrate';\nimport 'vitrine';\n",
          resolveDir: process.cwd(),
        },
        // The package as a brand's bundler resolves it: its exports, Lit's production build.
        alias: { 'vitrine/hydrate': './dist/hydrate.js', vitrine: './dist/index.js' },
        bundle: true,
        splitting: true,
        format: 'esm',
        outdir: scripts,
        entryNames: 'main',
        conditions: ['production'],
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'warning',
      });
      const template = readFileSync('examples/ssr/page.html', 'utf8');
      const page = template.replace('/cdn/vitrine.js', '/app/main.js');
      assert.notEqual(page, template);
      app = await startExample({ page, scripts });
      await hydratesInPlace(browser, app.url, staticSizes, staticStories);
    } finally {
      await app?.close();
      rmSync(scripts, { recursive: true, force: true });
    }
  });
});
