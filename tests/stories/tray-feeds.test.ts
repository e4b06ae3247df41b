import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import type { VitrineStoryTray } from '../../src/stories/tray.js';
import { configure } from '../../src/core/config.js';
import { $storySound } from '../../src/stores/story-sound.js';
import { SEEN_STORAGE_KEY, clearStoriesSeen, markStorySeen } from '../../src/stores/story-seen.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';
import {
  covers,
  dialogOf,
  focused,
  groupsOf,
  nextSlide,
  opened,
  part,
  tray,
  type GroupSpec,
} from '../support/tray.js';

// Groups whose slides come from a feed (`<vitrine-stories src="…">` in a tray), fetched for
// real from the test server (tests/support/stories-feeds.js).

let run = 0;
/** A group's feed, its URL unique to the test so that no other test's request is counted. */
const feedOf = (id: string, slides: number, extra = '') =>
  `/__stories/group.json?id=${id}&slides=${slides}${extra}&run=${run}`;
const hostile = (kind: string) => `/__stories/hostile.json?kind=${kind}&run=${run}`;
const fromFeed = (id: string, label: string, src: string): GroupSpec => ({
  id,
  label,
  slides: 0,
  src,
});
const ATELIER: GroupSpec = { id: 'atelier', label: 'Atelier', slides: 2 };

const names = (el: VitrineStoryTray) => covers(el).map((cover) => cover.getAttribute('aria-label'));
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Every feed the page asked for since the last `clearResourceTimings()`. */
const feedsFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.pathname === '/__stories/group.json' || url.pathname.includes('hostile'))
    .map((url) => url.pathname + url.search);

async function coversLoaded(el: VitrineStoryTray): Promise<void> {
  const images = [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('img[part="image"]')];
  await until(() => images.every((img) => img.complete && img.naturalWidth > 0), 'the covers');
  await frame();
}

/** Every URL the tray and its groups put in the page (not the page's own `src`s). */
function renderedUrls(root: Element): string[] {
  const urls: string[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.querySelectorAll('*:not(vitrine-stories)')) {
      for (const name of ['href', 'src', 'poster', 'data-src', 'data-poster']) {
        const value = child.getAttribute(name);
        if (value !== null) urls.push(value);
      }
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  visit(root);
  if (root.shadowRoot) visit(root.shadowRoot);
  return urls;
}

describe('<vitrine-story-tray> with groups from feeds', () => {
  beforeEach(async () => {
    resetVitrine();
    clearStoriesSeen();
    $storySound.set(false);
    run += 1;
    await resetMouse();
  });

  it('fetches no feed before a tap: ten feed groups load their covers only', async () => {
    performance.setResourceTimingBufferSize(1000);
    performance.clearResourceTimings();
    const groups = Array.from({ length: 10 }, (_, g) =>
      fromFeed(`chapter-${g}`, `Chapter ${g + 1}`, feedOf(`chapter-${g}`, 3)),
    );
    const el = await tray(groups);
    await coversLoaded(el);
    expect(feedsFetched()).to.deep.equal([]);
    expect(el.querySelectorAll('vitrine-story')).to.have.length(0);
    // A tap reads that group's feed, and only that one; then its show plays.
    covers(el)[3]!.click();
    await opened(el, 'chapter-3', 'chapter-3-1');
    await until(() => feedsFetched().length > 0, 'the feed in the timeline');
    expect(feedsFetched()).to.deep.equal([feedOf('chapter-3', 3)]);
    const chapter = groupsOf(el)[3]!;
    await chapter.updateComplete;
    expect(part(chapter, 'rotation')!.getAttribute('aria-label')).to.equal(
      'Stop automatic slide show',
    );
    expect(groupsOf(el).filter((group) => group.querySelector('vitrine-story'))).to.deep.equal([
      chapter,
    ]);
  });

  it('names a feed group "new" until its feed is read, then counts what is not seen', async () => {
    markStorySeen('heritage', 'heritage-1');
    const el = await tray([fromFeed('heritage', 'Heritage', feedOf('heritage', 3)), ATELIER]);
    await coversLoaded(el);
    // What the feed holds is not known yet, whatever was seen of it before: it is new.
    expect(names(el)).to.deep.equal(['Heritage, new', 'Atelier, 2 new']);
    expect(covers(el)[0]!.part.contains('cover-unseen')).to.equal(true);
    configure({ locale: 'fr' });
    await until(() => names(el)[0] === 'Heritage, nouveautés', 'the French name');
    configure({ locale: 'en' });
    await until(() => names(el)[0] === 'Heritage, new', 'the English name');
    // Read once opened: it opens at its first slide not seen.
    covers(el)[0]!.click();
    await opened(el, 'heritage', 'heritage-2');
    part(el, 'close')!.click();
    await until(() => !dialogOf(el).open, 'closed');
    expect(names(el)[0]).to.equal('Heritage, 1 new');
    expect(JSON.parse(localStorage.getItem(SEEN_STORAGE_KEY)!).seen.heritage).to.deep.equal([
      'heritage-1',
      'heritage-2',
    ]);
    covers(el)[0]!.click();
    await opened(el, 'heritage', 'heritage-3');
    part(el, 'close')!.click();
    await until(() => names(el)[0] === 'Heritage', 'every slide seen');
    expect(covers(el)[0]!.part.contains('cover-unseen')).to.equal(false);
  });

  it('runs on from a feed group into the next, whose feed waits until then', async () => {
    const el = await tray([
      fromFeed('film', 'Film', feedOf('film', 2, '&video=1')),
      fromFeed('capsule', 'Capsule', feedOf('capsule', 2)),
      ATELIER,
    ]);
    covers(el)[0]!.click();
    await opened(el, 'film', 'film-1');
    const [film, capsule] = groupsOf(el);
    const video = film!.querySelector('video')!;
    await until(() => video.hasAttribute('src'), 'the film loading');
    expect(names(el).slice(1)).to.deep.equal(['Capsule, new', 'Atelier, 2 new']);
    expect(capsule!.querySelector('vitrine-story')).to.equal(null);
    await nextSlide(el);
    await opened(el, 'film', 'film-2');
    await nextSlide(el);
    await opened(el, 'capsule', 'capsule-1');
    // The group left let go of its film, as a group written in the page does.
    expect(video.paused).to.equal(true);
    expect(video.hasAttribute('src')).to.equal(false);
    await nextSlide(el);
    await opened(el, 'capsule', 'capsule-2');
    await nextSlide(el);
    await opened(el, 'atelier', 'atelier-1');
    // And back, into the feed group already read, at its first slide.
    part(groupsOf(el)[2]!, 'previous')!.click();
    await opened(el, 'capsule', 'capsule-1');
    part(el, 'close')!.click();
    await until(() => !dialogOf(el).open, 'closed');
    expect(names(el)).to.deep.equal(['Film', 'Capsule', 'Atelier, 1 new']);
  });

  it('reads a new feed of a closed group only once it opens again', async () => {
    performance.clearResourceTimings();
    const el = await tray([fromFeed('heritage', 'Heritage', feedOf('heritage', 2)), ATELIER]);
    covers(el)[0]!.click();
    await opened(el, 'heritage', 'heritage-1');
    part(el, 'close')!.click();
    await until(() => names(el)[0] === 'Heritage, 1 new', 'the count');
    // The brand's page moves the group on to next season's feed.
    const heritage = groupsOf(el)[0]!;
    heritage.src = feedOf('heritage', 3, '&season=2');
    await until(() => names(el)[0] === 'Heritage, new', 'new again');
    expect(heritage.querySelector('vitrine-story')).to.equal(null);
    await coversLoaded(el);
    expect(feedsFetched()).to.deep.equal([feedOf('heritage', 2)]);
    covers(el)[0]!.click();
    await opened(el, 'heritage', 'heritage-2');
    await until(() => feedsFetched().length === 2, 'the second feed in the timeline');
    expect(feedsFetched()[1]).to.equal(feedOf('heritage', 3, '&season=2'));
  });

  it('opens the slide a link names in a feed not read yet', async () => {
    const el = await tray([ATELIER, fromFeed('heritage', 'Heritage', feedOf('heritage', 3))]);
    expect(names(el)[1]).to.equal('Heritage, new');
    const warnings = await captureWarnings(async () => {
      location.hash = 'vitrine-story=heritage/heritage-3';
      await opened(el, 'heritage', 'heritage-3');
    });
    expect(warnings).to.deep.equal([]);
    part(el, 'close')!.click();
    await until(() => !dialogOf(el).open, 'closed');
    el.parentElement!.remove();
    // A slide the feed does not hold: one warning, and the group shows its first slide.
    const again = await tray([fromFeed('heritage', 'Heritage', feedOf('heritage', 3, '&again'))]);
    const unknown = await captureWarnings(async () => {
      location.hash = 'vitrine-story=heritage/heritage-9';
      await opened(again, 'heritage', 'heritage-1');
    });
    expect(unknown).to.have.length(1);
    expect(unknown[0]).to.contain('names no slide "heritage-9"');
  });

  it('shows a hostile or broken feed as a message, with one warning, and the fan goes on', async function () {
    this.timeout(20000);
    const sources = [
      '/__stories/missing.json',
      '/__stories/not-json',
      hostile('truncated'),
      hostile('shape'),
      hostile('version'),
      hostile('javascript'),
      hostile('huge'),
      'javascript:alert(1)',
      `/__stories/missing.json?${'a'.repeat(10 * 1024)}`,
    ];
    const escaped: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => escaped.push(event);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    try {
      for (const [i, src] of sources.entries()) {
        const what = src.slice(0, 60);
        clearStoriesSeen();
        let el!: VitrineStoryTray;
        const before = await captureWarnings(async () => {
          el = await tray([fromFeed('broken', 'Broken', src), ATELIER]);
          await coversLoaded(el);
        });
        expect(before, what).to.deep.equal([]);
        expect(names(el)[0], what).to.equal('Broken, new');
        const warnings = await captureWarnings(async () => {
          covers(el)[0]!.click();
          await opened(el, 'broken');
          const broken = groupsOf(el)[0]!;
          await until(
            () =>
              part(broken, 'empty')?.textContent?.trim() ===
              'These stories cannot be shown right now.',
            `the message for ${what}`,
          );
        });
        expect(warnings, what).to.have.length(1);
        expect(warnings[0], what).to.match(/^\[vitrine\] <vitrine-stories> /);
        expect(warnings[0]!.length, what).to.be.below(400);
        expect(focused(el), what).to.equal(part(el, 'close'));
        for (const url of renderedUrls(el)) expect(url, what).not.to.match(/^\s*javascript:/i);
        expect(document.querySelector('img[src="x"]'), what).to.equal(null);
        // Nothing to show is nothing new: the ring goes once the feed is read.
        await until(() => names(el)[0] === 'Broken', `the cover of ${what}`);
        if (i % 2 === 0) {
          part(el, 'close')!.click();
          await until(() => !dialogOf(el).open, `closed after ${what}`);
          expect(focused(el), what).to.equal(covers(el)[0]);
        } else {
          // A tap on the message goes on to the next group.
          const box = part(groupsOf(el)[0]!, 'viewport')!.getBoundingClientRect();
          await sendMouse({
            type: 'click',
            position: [Math.round(box.right - box.width / 4), Math.round(box.top + box.height / 2)],
          });
          await opened(el, 'atelier', 'atelier-1');
        }
        el.parentElement!.remove();
      }
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    }
    expect(escaped).to.deep.equal([]);
  });

  it('is accessible open, its feed read or not, in light, dark and right to left', async () => {
    for (const dir of ['ltr', 'rtl']) {
      for (const theme of ['light', 'dark'] as const) {
        configure({ theme });
        const el = await tray(
          [
            fromFeed('heritage', 'Heritage', feedOf('heritage', 2, `&dir=${dir}&theme=${theme}`)),
            fromFeed('broken', 'Broken', hostile('shape')),
          ],
          dir,
        );
        covers(el)[0]!.click();
        await opened(el, 'heritage', 'heritage-1');
        await expect(el, `${dir} ${theme}`).to.be.accessible();
        await captureWarnings(async () => {
          await nextSlide(el);
          await nextSlide(el);
          await opened(el, 'broken');
          await until(() => part(groupsOf(el)[1]!, 'empty') !== null, 'the message');
        });
        await expect(el, `${dir} ${theme}, the message`).to.be.accessible();
        el.parentElement!.remove();
      }
    }
  });
});
