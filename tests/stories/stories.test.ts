import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import type { VitrineStories } from '../../src/stories/stories.js';
import type { VitrineStory } from '../../src/stories/story.js';
import { configure } from '../../src/core/config.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

const picture = (hue: number, ms = 0) => `/__stories/picture.svg?hue=${hue}&ms=${ms}`;

const part = (el: HTMLElement, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const slidesOf = (el: HTMLElement) => [
  ...el.querySelectorAll<VitrineStory>(':scope > vitrine-story'),
];
const current = (el: HTMLElement) => slidesOf(el).findIndex((s) => s.position === 'current');
const progress = (el: HTMLElement) =>
  el
    .shadowRoot!.querySelector<HTMLElement>('[part~="bar"][data-state="current"] .fill')
    ?.getAnimations()[0];

/** Three picture slides and a text slide, the pictures loaded when they come near. */
async function stories(attributes = html``, { autoplay = true, slow = 0 } = {}) {
  const el = await fixture<VitrineStories>(html`
    <vitrine-stories label="Heritage" ?autoplay=${autoplay} duration="4" style="width: 270px">
      <vitrine-story id="atelier"
        ><img data-src=${picture(20, slow)} alt="The workshop" width="90" height="160"
      /></vitrine-story>
      <vitrine-story id="hands" duration="2"
        ><img data-src=${picture(120)} alt="Hands at work" width="90" height="160"
      /></vitrine-story>
      <vitrine-story id="silk"
        ><img data-src=${picture(220)} alt="Silk" width="90" height="160"
      /></vitrine-story>
      <vitrine-story id="words"
        ><div data-vitrine-text><p>Since 1924.</p></div></vitrine-story
      >
      ${attributes}
    </vitrine-stories>
  `);
  await until(() => slidesOf(el).length === 4 && current(el) === 0, 'the slides placed');
  return el;
}

describe('<vitrine-stories>', () => {
  beforeEach(async () => {
    resetVitrine();
    // A mouse left over a story by another test would hold it (hover pauses).
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('follows the WAI-ARIA carousel pattern', async () => {
    const el = await stories();
    const base = part(el, 'base')!;
    expect(base.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(base.getAttribute('aria-label')).to.equal('Heritage');
    const slides = slidesOf(el);
    expect(slides.map((s) => s.getAttribute('aria-label'))).to.deep.equal([
      '1 of 4',
      '2 of 4',
      '3 of 4',
      '4 of 4',
    ]);
    expect(slides.every((s) => s.getAttribute('role') === 'group')).to.equal(true);
    expect(slides[0]!.getAttribute('aria-roledescription')).to.equal('slide');
    expect(slides.map((s) => s.inert)).to.deep.equal([false, true, true, true]);
    // Rotation control first in the tab order.
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) =>
      b.getAttribute('part'),
    );
    expect(buttons).to.deep.equal(['rotation', 'previous', 'next', 'fullscreen']);
    expect(part(el, 'rotation')!.getAttribute('aria-label')).to.equal('Stop automatic slide show');
    // Off while the slides move on their own (once the first picture is in), polite otherwise.
    await until(() => part(el, 'viewport')!.getAttribute('aria-live') === 'off', 'rotation');
    part(el, 'rotation')!.click();
    await el.updateComplete;
    expect(part(el, 'viewport')!.getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  it('loads only the shown slide and its neighbours', async () => {
    const el = await stories();
    const srcs = () => slidesOf(el).map((s) => s.querySelector('img')?.getAttribute('src') ?? null);
    expect(srcs().map(Boolean)).to.deep.equal([true, true, false, false]);
    el.next();
    await el.updateComplete;
    expect(srcs().map(Boolean)).to.deep.equal([true, true, true, false]);
  });

  it('moves with the keyboard: arrows, Home, End, mirrored in RTL', async () => {
    const el = await stories();
    part(el, 'next')!.focus();
    const changes: { index: number; id: string }[] = [];
    el.addEventListener('vitrine-story-change', (event) => changes.push(event.detail));
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(changes).to.deep.equal([
      { index: 1, id: 'hands' },
      { index: 3, id: 'words' },
      { index: 2, id: 'silk' },
      { index: 0, id: 'atelier' },
    ]);
    el.dir = 'rtl';
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(current(el)).to.equal(1);
  });

  it('reaches every control with Tab, the rotation control first', async () => {
    const el = await stories();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await sendKeys({ press: 'Tab' });
      order.push(el.shadowRoot!.activeElement?.getAttribute('part') ?? '');
    }
    expect(order).to.deep.equal(['rotation', 'previous', 'next', 'fullscreen']);
    before.remove();
  });

  it('gives each slide its time, counted from when its picture is in', async () => {
    const el = await stories();
    await until(() => progress(el)?.playState === 'running', 'the first slide’s time');
    expect((progress(el)!.effect as KeyframeEffect).getTiming().duration).to.equal(4000);
    // Time is controlled here: finishing the animation is the end of the slide's time.
    const changed = oneEvent(el, 'vitrine-story-change');
    progress(el)!.finish();
    expect((await changed).detail).to.deep.equal({ index: 1, id: 'hands' });
    // The slide's own duration wins.
    await until(() => progress(el)?.playState === 'running', 'the second slide’s time');
    expect((progress(el)!.effect as KeyframeEffect).getTiming().duration).to.equal(2000);
  });

  it('does not start a slide’s time before its picture can be shown', async () => {
    const el = await stories(html``, { slow: 800 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(progress(el)).to.equal(undefined);
    await until(() => progress(el)?.playState === 'running', 'the time, once loaded', 3000);
  });

  it('stops at the last slide without loop, and goes round with it', async () => {
    const el = await stories();
    el.go(3);
    await el.updateComplete;
    await until(() => progress(el)?.playState === 'running', 'the last slide’s time');
    progress(el)!.finish();
    await until(
      () => part(el, 'rotation')!.getAttribute('aria-label') === 'Start automatic slide show',
      'stopped',
    );
    expect(current(el)).to.equal(3);
    el.loop = true;
    part(el, 'rotation')!.click();
    await until(() => progress(el)?.playState === 'running', 'running again');
    progress(el)!.finish();
    await until(() => current(el) === 0, 'back to the first slide');
  });

  it('pauses while hovered and resumes after', async () => {
    const el = await stories();
    await until(() => progress(el)?.playState === 'running', 'running');
    const box = el.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + 50), Math.round(box.y + 200)] });
    await until(() => progress(el)?.playState === 'paused', 'paused on hover');
    await sendMouse({
      type: 'move',
      position: [Math.round(box.right + 200), Math.round(box.y + 10)],
    });
    await until(() => progress(el)?.playState === 'running', 'resumed after');
  });

  it('stops for good when keyboard focus comes in', async () => {
    const el = await stories();
    await until(() => progress(el)?.playState === 'running', 'running');
    part(el, 'rotation')!.focus();
    await sendKeys({ press: 'Tab' });
    await until(() => progress(el)?.playState === 'paused', 'stopped on focus');
    expect(part(el, 'rotation')!.getAttribute('aria-label')).to.equal('Start automatic slide show');
    await sendKeys({ press: 'Tab' });
    (document.activeElement as HTMLElement | null)?.blur();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(progress(el)!.playState).to.equal('paused');
  });

  it('stops when keyboard focus lands on the rotation button, which starts it again', async () => {
    const el = await stories();
    const before = Object.assign(document.createElement('button'), { textContent: 'Before' });
    el.before(before);
    await until(() => progress(el)?.playState === 'running', 'running');
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'rotation'));
    await until(() => progress(el)?.playState === 'paused', 'stopped on the rotation button');
    expect(part(el, 'rotation')!.getAttribute('aria-label')).to.equal('Start automatic slide show');
    await sendKeys({ press: 'Enter' });
    await until(() => progress(el)?.playState === 'running', 'started by the fan');
    expect(part(el, 'rotation')!.getAttribute('aria-label')).to.equal('Stop automatic slide show');
  });

  it('neither shows nor reads what is not a slide, and says so', async () => {
    let el!: VitrineStories;
    const warnings = await captureWarnings(async () => {
      el = await stories(html`<p id="stray">Draft caption</p>`);
    });
    const stray = el.querySelector('#stray')!;
    expect(getComputedStyle(stray).display).to.equal('none');
    expect(warnings).to.include(
      '[vitrine] <vitrine-stories> holds a <p>, which is not a <vitrine-story>; it is neither shown nor read. Put it inside a slide: <vitrine-story><p>…</p></vitrine-story>.',
    );
    await expect(el).to.be.accessible();
  });

  it('pauses while pressed and held, without changing slide', async () => {
    const el = await stories();
    await until(() => progress(el)?.playState === 'running', 'running');
    const box = part(el, 'viewport')!.getBoundingClientRect();
    const x = Math.round(box.x + box.width * 0.8);
    const y = Math.round(box.y + box.height / 2);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(progress(el)!.playState).to.equal('paused');
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(current(el)).to.equal(0);
    // Still hovered: the mouse rests on it. Leaving resumes.
    await sendMouse({ type: 'move', position: [Math.round(box.right + 200), y] });
    await until(() => progress(el)?.playState === 'running', 'running again');
  });

  it('pauses in a hidden tab and off screen', async () => {
    const el = await stories();
    await until(() => progress(el)?.playState === 'running', 'running');
    // The browser tells the page it is hidden: the same signal, sent by hand.
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => progress(el)?.playState === 'paused', 'paused when hidden');
    delete (document as { hidden?: boolean }).hidden;
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => progress(el)?.playState === 'running', 'resumed when visible');

    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    el.after(spacer);
    window.scrollTo(0, 2500);
    await until(() => progress(el)?.playState === 'paused', 'paused off screen');
    window.scrollTo(0, 0);
    await until(() => progress(el)?.playState === 'running', 'resumed on screen');
    spacer.remove();
  });

  it('swipes with pointer events; a vertical move leaves the slide alone', async () => {
    const el = await stories(html``, { autoplay: false });
    const viewport = part(el, 'viewport')!;
    const box = viewport.getBoundingClientRect();
    const y = box.y + box.height / 2;
    const swipe = (from: number, to: number, dy = 0) => {
      const init = {
        bubbles: true,
        composed: true,
        pointerId: 7,
        isPrimary: true,
        pointerType: 'touch',
      };
      viewport.dispatchEvent(
        new PointerEvent('pointerdown', { ...init, clientX: from, clientY: y, button: 0 }),
      );
      viewport.dispatchEvent(
        new PointerEvent('pointermove', { ...init, clientX: (from + to) / 2, clientY: y + dy / 2 }),
      );
      viewport.dispatchEvent(
        new PointerEvent('pointerup', { ...init, clientX: to, clientY: y + dy }),
      );
    };
    swipe(box.x + 200, box.x + 60);
    await el.updateComplete;
    expect(current(el)).to.equal(1);
    swipe(box.x + 60, box.x + 200);
    await el.updateComplete;
    expect(current(el)).to.equal(0);
    swipe(box.x + 100, box.x + 80, 200);
    await el.updateComplete;
    expect(current(el)).to.equal(0);
    // In RTL the next slide comes from the left: a swipe to the right brings it.
    el.dir = 'rtl';
    swipe(box.x + 60, box.x + 200);
    await el.updateComplete;
    expect(current(el)).to.equal(1);
    expect(getComputedStyle(viewport).touchAction).to.equal('pan-y');
  });

  it('goes back on a tap at the start, forward elsewhere (mirrored in RTL)', async () => {
    const el = await stories(html``, { autoplay: false });
    const box = part(el, 'viewport')!.getBoundingClientRect();
    const tap = async (fraction: number) => {
      const position: [number, number] = [
        Math.round(box.x + box.width * fraction),
        Math.round(box.y + box.height / 2),
      ];
      await sendMouse({ type: 'click', position });
      await el.updateComplete;
    };
    await tap(0.8);
    await tap(0.8);
    expect(current(el)).to.equal(2);
    await tap(0.1);
    expect(current(el)).to.equal(1);
    el.dir = 'rtl';
    await el.updateComplete;
    await tap(0.1);
    expect(current(el)).to.equal(2);
  });

  it('points its previous and next arrows the way the slides go (mirrored in RTL)', async () => {
    const el = await stories(html``, { autoplay: false });
    // A chevron's drawing sits on the side it points to, off its button's middle.
    const pointsRight = (name: string) => {
      const button = part(el, name)!.getBoundingClientRect();
      const chevron = part(el, name)!.querySelector('path')!.getBoundingClientRect();
      return chevron.x + chevron.width / 2 > button.x + button.width / 2;
    };
    expect([pointsRight('previous'), pointsRight('next')]).to.deep.equal([false, true]);
    el.dir = 'rtl';
    await el.updateComplete;
    expect([pointsRight('previous'), pointsRight('next')]).to.deep.equal([true, false]);
  });

  it('under reduced motion: no autoplay, no sliding', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await stories();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(progress(el)).to.equal(undefined);
    expect(part(el, 'rotation')!.getAttribute('aria-label')).to.equal('Start automatic slide show');
    expect(part(el, 'viewport')!.getAttribute('aria-live')).to.equal('polite');
    // The next slide shows at once, in its place; nothing moves.
    part(el, 'next')!.click();
    await el.updateComplete;
    expect(current(el)).to.equal(1);
    expect(slidesOf(el).flatMap((slide) => slide.getAnimations())).to.have.length(0);
    const box = part(el, 'viewport')!.getBoundingClientRect();
    expect(slidesOf(el)[1]!.getBoundingClientRect().left).to.be.closeTo(box.left, 1);
    await expect(el).to.be.accessible();
  });

  it('slides with one animation of transform on the slide coming in', async () => {
    const el = await stories(html``, { autoplay: false });
    part(el, 'next')!.click();
    await el.updateComplete;
    const moves = slidesOf(el)[1]!.getAnimations();
    expect(moves.map((move) => move.playState)).to.deep.equal(['running']);
    const timing = ['offset', 'computedOffset', 'easing', 'composite'];
    const keyframes = (moves[0]!.effect as KeyframeEffect).getKeyframes();
    expect(
      keyframes.map((frame) => Object.keys(frame).filter((key) => !timing.includes(key))),
    ).to.deep.equal([['transform'], ['transform']]);
  });

  it('opens full screen in a modal dialog, keeps focus inside, returns it on close', async () => {
    const el = await stories(html``, { autoplay: false });
    part(el, 'fullscreen')!.click();
    await el.updateComplete;
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('fullscreen');
    expect(part(el, 'fullscreen')!.getAttribute('aria-label')).to.equal('Exit full screen');
    await expect(el).to.be.accessible();
    // The slides are the same elements, shown in the dialog.
    expect(slidesOf(el)[0]!.assignedSlot!.getRootNode()).to.equal(el.shadowRoot);
    await sendKeys({ press: 'Escape' });
    await until(() => part(el, 'dialog') === null, 'closed');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('fullscreen');
  });

  it('is never taller than the window by default, and keeps its shape', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 3000px">
        <vitrine-stories label="Heritage"
          ><vitrine-story id="a"
            ><div data-vitrine-text><p>Since 1924.</p></div></vitrine-story
          ></vitrine-stories
        >
      </div>`,
    );
    const box = wrapper.querySelector('vitrine-stories')!.getBoundingClientRect();
    expect(box.height).to.be.at.most(window.innerHeight);
    expect(box.height).to.be.greaterThan(window.innerHeight * 0.5);
    expect(box.width / box.height).to.be.closeTo(9 / 16, 0.01);
  });

  it('paints text slides dark on light in either theme', async () => {
    for (const theme of ['light', 'dark']) {
      configure({ theme: theme as 'light' | 'dark' });
      const el = await stories(html``, { autoplay: false });
      const words = slidesOf(el)[3]!;
      expect(getComputedStyle(words).backgroundColor, theme).to.equal('rgb(28, 26, 23)');
      expect(getComputedStyle(words).color, theme).to.equal('rgb(251, 246, 238)');
    }
  });

  it('keeps the fan’s place on entering and on leaving full screen', async () => {
    const el = await stories(html``, { autoplay: false });
    part(el, 'next')!.click();
    part(el, 'next')!.click();
    await until(() => current(el) === 2, 'on the third slide');
    part(el, 'fullscreen')!.click();
    await until(() => (part(el, 'dialog') as HTMLDialogElement | null)?.open === true, 'opened');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(current(el)).to.equal(2);
    part(el, 'next')!.click();
    await until(() => current(el) === 3, 'on the fourth slide');
    part(el, 'fullscreen')!.click();
    await until(() => part(el, 'dialog') === null, 'closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(current(el)).to.equal(3);
  });

  it('speaks French and Chinese', async () => {
    configure({ locale: 'fr' });
    const el = await stories();
    await until(() => slidesOf(el)[2]!.getAttribute('aria-label') === '3 sur 4', 'French labels');
    expect(part(el, 'base')!.getAttribute('aria-roledescription')).to.equal('carrousel');
    expect(part(el, 'next')!.getAttribute('aria-label')).to.equal('Diapositive suivante');
    configure({ locale: 'zh-Hans' });
    await until(
      () => slidesOf(el)[2]!.getAttribute('aria-label') === '第 3 张，共 4 张',
      'Chinese',
    );
    await expect(el).to.be.accessible();
  });

  it('warns about a bad duration and uses 5 seconds', async () => {
    let el!: VitrineStories;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineStories>(html`
        <vitrine-stories autoplay duration="forever">
          <vitrine-story
            ><div data-vitrine-text><p>One</p></div></vitrine-story
          >
          <vitrine-story
            ><div data-vitrine-text><p>Two</p></div></vitrine-story
          >
        </vitrine-stories>
      `);
      await until(() => progress(el)?.playState === 'running', 'running');
    });
    expect(warnings).to.include(
      '[vitrine] <vitrine-stories> duration="forever" is not a number of seconds from 1 to 120; each slide shows for 5 seconds. Write duration="7", for example.',
    );
    expect((progress(el)!.effect as KeyframeEffect).getTiming().duration).to.equal(5000);
  });

  it('plays a video slide muted and inline, its time running once it can play', async () => {
    const el = await fixture<VitrineStories>(html`
      <vitrine-stories label="Silk" autoplay style="width: 270px">
        <vitrine-story id="silk" duration="3">
          <video data-src="/demo/public/stories/silk.webm" width="360" height="640"></video>
        </vitrine-story>
        <vitrine-story
          ><div data-vitrine-text><p>After</p></div></vitrine-story
        >
      </vitrine-stories>
    `);
    const video = el.querySelector('video')!;
    await until(() => progress(el)?.playState === 'running', 'the slide’s time', 5000);
    expect(video.readyState).to.be.at.least(3);
    expect(video.muted).to.equal(true);
    expect(video.playsInline).to.equal(true);
    await until(() => !video.paused, 'the video playing');
    part(el, 'rotation')!.click();
    await until(() => video.paused, 'the video paused with the story');
  });
});
