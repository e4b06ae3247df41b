import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import type { VitrineStoryTray } from '../../src/stories/tray.js';
import { configure } from '../../src/core/config.js';
import { $storySound } from '../../src/stores/story-sound.js';
import { SEEN_STORAGE_KEY, clearStoriesSeen } from '../../src/stores/story-seen.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';
import {
  FILM,
  HOUSE,
  covers,
  dialogOf,
  focused,
  groupsOf,
  nextSlide,
  opened,
  part,
  shown,
  tray,
} from '../support/tray.js';

describe('<vitrine-story-tray>', () => {
  beforeEach(async () => {
    resetVitrine();
    clearStoriesSeen();
    $storySound.set(false);
    await resetMouse();
  });

  it('shows a scrolling list of cover buttons named with what is new', async () => {
    const el = await tray();
    const list = part(el, 'list')!;
    expect(list.localName).to.equal('ul');
    expect(getComputedStyle(list).overflowX).to.equal('auto');
    expect(covers(el).map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      'Heritage, 3 new',
      'Atelier, 2 new',
      'Capsule, 2 new',
    ]);
    expect(covers(el).every((button) => button.part.contains('cover-unseen'))).to.equal(true);
    expect(dialogOf(el).open).to.equal(false);
    await expect(el).to.be.accessible();
    configure({ theme: 'dark' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('mirrors the arrows right to left', async () => {
    const el = await tray(HOUSE, 'rtl');
    covers(el)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal(covers(el)[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(covers(el)[0]);
  });

  it('opens a group full screen, runs on into the next one, and closes at the end', async () => {
    const el = await tray();
    covers(el)[1]!.click();
    await opened(el, 'atelier', 'atelier-1');
    const [heritage, atelier, capsule] = groupsOf(el);
    expect(atelier!.trayOpen).to.equal(true);
    expect(heritage!.trayOpen || capsule!.trayOpen).to.equal(false);
    expect(getComputedStyle(dialogOf(el)).position).to.equal('fixed');
    expect(dialogOf(el).matches(':modal')).to.equal(true);
    await expect(el).to.be.accessible();
    await nextSlide(el);
    await opened(el, 'atelier', 'atelier-2');
    await nextSlide(el);
    await opened(el, 'capsule', 'capsule-1');
    expect(atelier!.trayOpen).to.equal(false);
    await nextSlide(el);
    await nextSlide(el);
    await until(() => !dialogOf(el).open, 'the dialog closed after the last group');
    // The keyboard goes back to the cover of the group shown last.
    expect(focused(el)).to.equal(covers(el)[2]);
  });

  it('goes back into the previous group from the first slide', async () => {
    const el = await tray();
    covers(el)[1]!.click();
    await opened(el, 'atelier', 'atelier-1');
    const atelier = groupsOf(el)[1]!;
    part(atelier, 'previous')!.click();
    await opened(el, 'heritage', 'heritage-1');
  });

  it('closes with the close button, and the page behind never scrolls', async () => {
    const el = await tray();
    const page = document.createElement('div');
    page.style.height = '300vh';
    el.parentElement!.after(page);
    scrollTo(0, 120);
    const before = scrollY;
    covers(el)[0]!.click();
    await opened(el, 'heritage');
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    part(el, 'close')!.click();
    await until(() => !dialogOf(el).open, 'closed');
    expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
    expect(scrollY).to.equal(before);
    expect(focused(el)).to.equal(covers(el)[0]);
    page.remove();
  });

  it('closes on a swipe down', async () => {
    const el = await tray();
    covers(el)[0]!.click();
    await opened(el, 'heritage', 'heritage-1');
    const box = part(groupsOf(el)[0]!, 'viewport')!.getBoundingClientRect();
    const x = Math.round(box.left + box.width / 2);
    const y = Math.round(box.top + box.height / 3);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 5, y + 60] });
    await sendMouse({ type: 'move', position: [x + 10, y + 160] });
    await sendMouse({ type: 'up' });
    await until(() => !dialogOf(el).open, 'closed by the swipe');
    // A swipe down is not a tap: the group did not step on first.
    expect(groupsOf(el)[0]!.current).to.equal(0);
  });

  it('fires vitrine-story-view once per slide and vitrine-story-complete once per group', async () => {
    const el = await tray();
    const views: unknown[] = [];
    const completes: unknown[] = [];
    const onView = (event: Event) => views.push((event as CustomEvent).detail);
    const onComplete = (event: Event) => completes.push((event as CustomEvent).detail);
    document.addEventListener('vitrine-story-view', onView);
    document.addEventListener('vitrine-story-complete', onComplete);
    try {
      covers(el)[1]!.click();
      await opened(el, 'atelier', 'atelier-1');
      await nextSlide(el);
      await opened(el, 'atelier', 'atelier-2');
      part(groupsOf(el)[1]!, 'previous')!.click();
      await opened(el, 'atelier', 'atelier-1');
      await nextSlide(el);
      await nextSlide(el);
      await opened(el, 'capsule', 'capsule-1');
      part(el, 'close')!.click();
      await until(() => !dialogOf(el).open, 'closed');
      // Seen again: no second count.
      covers(el)[1]!.click();
      await opened(el, 'atelier', 'atelier-1');
      await nextSlide(el);
      await nextSlide(el);
      // Capsule opens where the fan left it: at its first slide not seen.
      await opened(el, 'capsule', 'capsule-2');
      expect(views).to.deep.equal([
        { storiesId: 'atelier', id: 'atelier-1', index: 0 },
        { storiesId: 'atelier', id: 'atelier-2', index: 1 },
        { storiesId: 'capsule', id: 'capsule-1', index: 0 },
        { storiesId: 'capsule', id: 'capsule-2', index: 1 },
      ]);
      expect(completes).to.deep.equal([{ storiesId: 'atelier' }]);
    } finally {
      document.removeEventListener('vitrine-story-view', onView);
      document.removeEventListener('vitrine-story-complete', onComplete);
    }
  });

  it('rings a group until every slide is seen, and opens at the first slide not seen', async () => {
    const el = await tray();
    covers(el)[0]!.click();
    await opened(el, 'heritage', 'heritage-1');
    await nextSlide(el);
    part(el, 'close')!.click();
    await until(() => covers(el)[0]!.getAttribute('aria-label') === 'Heritage, 1 new', 'a count');
    expect(JSON.parse(localStorage.getItem(SEEN_STORAGE_KEY)!).seen.heritage).to.deep.equal([
      'heritage-1',
      'heritage-2',
    ]);
    covers(el)[0]!.click();
    await opened(el, 'heritage', 'heritage-3');
    part(el, 'close')!.click();
    await until(() => covers(el)[0]!.getAttribute('aria-label') === 'Heritage', 'all seen');
    expect(covers(el)[0]!.part.contains('cover-unseen')).to.equal(false);
  });

  it('remembers the seen rings after a reload', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 400px; height: 700px';
    frame.src = '/tests/fixtures/story-tray.html';
    document.body.append(frame);
    const load = () =>
      until(async () => {
        const win = frame.contentWindow as Window & { vitrineReady?: Promise<unknown> };
        if (!win?.vitrineReady) return false;
        await win.vitrineReady;
        const inner = win.document.querySelector<VitrineStoryTray>('vitrine-story-tray')!;
        await inner.updateComplete;
        return covers(inner).length === 2;
      }, 'the page with a tray');
    try {
      await load();
      let inner = frame.contentDocument!.querySelector<VitrineStoryTray>('vitrine-story-tray')!;
      expect(covers(inner)[1]!.getAttribute('aria-label')).to.equal('Paris, 1 new');
      covers(inner)[1]!.click();
      await opened(inner, 'paris', 'rue');
      await until(() => covers(inner)[1]!.getAttribute('aria-label') === 'Paris', 'Paris seen');
      frame.contentWindow!.location.reload();
      await until(() => frame.contentDocument?.readyState !== 'complete', 'the reload').catch(
        () => undefined,
      );
      await load();
      inner = frame.contentDocument!.querySelector<VitrineStoryTray>('vitrine-story-tray')!;
      expect(covers(inner).map((c) => c.getAttribute('aria-label'))).to.deep.equal([
        'Atelier, 2 new',
        'Paris',
      ]);
      expect(covers(inner)[1]!.part.contains('cover-unseen')).to.equal(false);
    } finally {
      frame.remove();
    }
  });

  it('opens the slide a link names when the page loads', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 400px; height: 700px';
    frame.src = '/tests/fixtures/story-tray.html#vitrine-story=atelier/silk';
    document.body.append(frame);
    try {
      await until(async () => {
        const win = frame.contentWindow as Window & { vitrineReady?: Promise<unknown> };
        if (!win?.vitrineReady) return false;
        await win.vitrineReady;
        const inner = win.document.querySelector<VitrineStoryTray>('vitrine-story-tray')!;
        const now = shown(inner);
        return now.open && now.group === 'atelier' && now.slide === 'silk';
      }, 'the linked slide open');
    } finally {
      frame.remove();
    }
  });

  it('opens the slide a link names when the address changes, and shares that link', async () => {
    const el = await tray();
    location.hash = 'vitrine-story=capsule/capsule-2';
    await opened(el, 'capsule', 'capsule-2');
    const share = oneEvent(el, 'vitrine-share');
    // Cancelled: the test page shares nothing for real.
    el.addEventListener('vitrine-share', (event) => event.preventDefault(), { once: true });
    part(el, 'share')!.click();
    const { detail } = await share;
    expect(detail.url).to.equal(
      `${location.origin}${location.pathname}${location.search}#vitrine-story=capsule/capsule-2`,
    );
    part(el, 'close')!.click();
    await until(() => !dialogOf(el).open, 'closed');
    // Closed, the address no longer opens it; following the link again does.
    expect(location.hash).to.equal('');
    location.hash = 'vitrine-story=heritage/heritage-2';
    await opened(el, 'heritage', 'heritage-2');
  });

  it('ignores an unknown or hostile link with one warning, the page as it was', async () => {
    const el = await tray();
    const page = document.body.innerHTML;
    const links = [
      'vitrine-story=nowhere/heritage-1',
      'vitrine-story=heritage/nowhere',
      `vitrine-story=${'a'.repeat(10 * 1024)}/b`,
      'vitrine-story=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/x',
      'vitrine-story=heritage/<script>alert(1)</script>',
      'vitrine-story=%E0%A4%A',
      'vitrine-story=heritage',
    ];
    for (const link of links) {
      const warnings = await captureWarnings(async () => {
        const changed = new Promise((resolve) =>
          addEventListener('hashchange', resolve, { once: true }),
        );
        location.hash = link;
        await changed;
        await el.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      });
      expect(
        warnings.filter((w) => w.includes('[vitrine]')),
        link.slice(0, 40),
      ).to.have.length(1);
      expect(warnings[0]).to.contain('ignored');
      expect(dialogOf(el).open, link.slice(0, 40)).to.equal(false);
    }
    history.replaceState(null, '', location.pathname + location.search);
    expect(document.body.innerHTML).to.equal(page);
    expect(document.querySelector('img[src="x"]')).to.equal(null);
  });

  it('turns the sound on and off, muted at start, and plays one film at a time', async () => {
    const el = await tray([
      { id: 'film', label: 'Film', slides: 2, video: true },
      { id: 'reel', label: 'Reel', slides: 1, video: true },
    ]);
    covers(el)[0]!.click();
    await opened(el, 'film', 'film-1');
    const [film, reel] = groupsOf(el);
    await film!.updateComplete;
    const sound = part(film!, 'sound')!;
    const video = film!.querySelector('video')!;
    expect(video.muted).to.equal(true);
    expect(sound.getAttribute('aria-label')).to.equal('Turn the sound on');
    // A real press, so that the browser lets the film play with its sound.
    const box = sound.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
    });
    await until(() => !video.muted, 'the sound on');
    await film!.updateComplete;
    expect(part(film!, 'sound')!.getAttribute('aria-label')).to.equal('Turn the sound off');
    await expect(film).to.be.accessible();
    // A picture slide has no sound to turn on.
    await nextSlide(el);
    await opened(el, 'film', 'film-2');
    expect(part(film!, 'sound')).to.equal(null);
    // The next group's film keeps the fan's choice; the first film let go of its data.
    await nextSlide(el);
    await opened(el, 'reel', 'reel-1');
    await reel!.updateComplete;
    const second = reel!.querySelector('video')!;
    expect(second.muted).to.equal(false);
    expect(video.paused).to.equal(true);
    expect(video.hasAttribute('src')).to.equal(false);
    part(reel!, 'sound')!.click();
    await until(() => second.muted, 'the sound off again');
    configure({ locale: 'fr' });
    await until(() => part(reel!, 'sound')?.getAttribute('aria-label') === 'Activer le son', 'fr');
    part(el, 'close')!.click();
    await until(() => !dialogOf(el).open, 'closed');
    expect(second.paused).to.equal(true);
    expect(second.hasAttribute('src')).to.equal(false);
  });

  it('loads only the covers of a 10 × 10 tray before any tap', async () => {
    performance.setResourceTimingBufferSize(1000);
    performance.clearResourceTimings();
    const groups = Array.from({ length: 10 }, (_, g) => ({
      id: `group-${g}`,
      label: `Chapter ${g + 1}`,
      slides: 10,
      video: g % 2 === 1,
    }));
    const el = await tray(groups);
    const images = [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('[part="image"]')];
    await until(() => images.every((img) => img.complete && img.naturalWidth > 0), 'the covers');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const fetched = () =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname + new URL(entry.name).search)
        .filter((name) => name.startsWith('/__stories/') || name.startsWith('/demo/'));
    const before = fetched();
    expect(before.filter((name) => !name.includes('cover='))).to.deep.equal([]);
    expect(before).to.have.length(10);
    // A tap on a cover loads that group's first slides, and nothing of the others.
    covers(el)[3]!.click();
    await opened(el, 'group-3', 'group-3-1');
    await until(
      () => fetched().some((name) => name.includes('slide=group-3-2')),
      'the next slide of the open group',
    );
    const after = fetched().filter((name) => !name.includes('cover='));
    expect(after.every((name) => name.includes('slide=group-3-') || name === FILM)).to.equal(true);
  });

  it('says once which groups it cannot remember or show', async () => {
    const warnings = await captureWarnings(async () => {
      const el = await fixture<VitrineStoryTray>(
        html`<vitrine-story-tray>
          <vitrine-stories label="No id"
            ><vitrine-story><p>Text</p></vitrine-story></vitrine-stories
          >
          <p>Stray</p>
        </vitrine-story-tray>`,
      );
      await customElements.whenDefined('vitrine-story-tray');
      await el.updateComplete;
      expect(covers(el)).to.have.length(1);
    });
    expect(warnings.some((w) => w.includes('has no id'))).to.equal(true);
    expect(warnings.some((w) => w.includes('<p>, which is not a <vitrine-stories>'))).to.equal(
      true,
    );
  });
});

describe('seen stories in storage', () => {
  beforeEach(() => {
    resetVitrine();
    clearStoriesSeen();
  });

  it('keeps the rings right for the visit when the storage is full', async () => {
    const el = await tray();
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const warnings = await captureWarnings(async () => {
        covers(el)[1]!.click();
        await opened(el, 'atelier', 'atelier-1');
        await nextSlide(el);
        part(el, 'close')!.click();
        await until(() => covers(el)[1]!.getAttribute('aria-label') === 'Atelier', 'seen');
      });
      expect(warnings.filter((w) => w.includes('kept in memory')).length).to.be.at.most(1);
    } finally {
      Storage.prototype.setItem = original;
    }
  });

  it('starts from no seen slides when the stored value is corrupted or foreign', async () => {
    for (const value of ['{"v":1,"seen":', '{"v":1,"seen":"all"}', '[1,2]', '{"v":9}']) {
      sessionStorage.setItem(SEEN_STORAGE_KEY, value);
      // Said once a page (a loop over bad data must not flood the console), never thrown.
      await captureWarnings(() => configure({ storage: 'session' }));
      const el = await tray();
      expect(covers(el)[0]!.getAttribute('aria-label'), value).to.equal('Heritage, 3 new');
      configure({ storage: 'local' });
      sessionStorage.clear();
    }
  });

  it('keeps working when the storage is switched off', async () => {
    const getItem = Storage.prototype.getItem;
    const setItem = Storage.prototype.setItem;
    const denied = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    Storage.prototype.getItem = denied;
    Storage.prototype.setItem = denied;
    try {
      await captureWarnings(async () => {
        configure({ storage: 'session' });
        const el = await tray();
        covers(el)[2]!.click();
        await opened(el, 'capsule', 'capsule-1');
        part(el, 'close')!.click();
        await until(() => covers(el)[2]!.getAttribute('aria-label') === 'Capsule, 1 new', 'seen');
      });
    } finally {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
      configure({ storage: 'local' });
    }
  });
});
