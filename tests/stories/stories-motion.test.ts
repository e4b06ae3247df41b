import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import type { VitrineStories } from '../../src/stories/stories.js';
import type { VitrineStory } from '../../src/stories/story.js';
import { resetVitrine, until } from '../support/helpers.js';

const slidesOf = (el: HTMLElement) => [
  ...el.querySelectorAll<VitrineStory>(':scope > vitrine-story'),
];

async function stories({ count = 4, loop = false, dir = 'ltr', style = '' } = {}) {
  const el = await fixture<VitrineStories>(html`
    <vitrine-stories label="Heritage" dir=${dir} ?loop=${loop} style="width: 270px; ${style}">
      ${Array.from(
        { length: count },
        (_, i) =>
          html`<vitrine-story
            ><div data-vitrine-text><p>${1924 + i}</p></div></vitrine-story
          >`,
      )}
    </vitrine-stories>
  `);
  await until(() => slidesOf(el)[0]?.position === 'current', 'the slides placed');
  return el;
}

async function change(el: VitrineStories, step: () => void) {
  step();
  await el.updateComplete;
}

/** What a slide's animations change, as the names in their keyframes. */
const animated = (slide: Element) =>
  slide.getAnimations().map((animation) => {
    const timing = ['offset', 'computedOffset', 'easing', 'composite'];
    const keyframes = (animation.effect as KeyframeEffect).getKeyframes();
    return [...new Set(keyframes.flatMap((frame) => Object.keys(frame)))].filter(
      (key) => !timing.includes(key),
    );
  });

/**
 * Where the slide shows at the start and at the end of its move, in widths of the carousel
 * from its left edge (1: just right of it, -1: just left of it).
 */
function path(el: VitrineStories, slide: VitrineStory): [number, number] {
  const [move] = slide.getAnimations();
  const box = el.getBoundingClientRect();
  const at = (time: number) => {
    move!.pause();
    move!.currentTime = time;
    // `|| 0`: a slide a hair left of the edge is at 0, not -0.
    return Math.round((slide.getBoundingClientRect().left - box.left) / box.width) || 0;
  };
  const end = Number(move!.effect!.getComputedTiming().endTime);
  return [at(0), at(end - 1)];
}

describe('<vitrine-stories> slide movement', () => {
  beforeEach(async () => {
    resetVitrine();
    await resetMouse();
  });

  it('moves the slide leaving and the one coming in, each with one animation of transform only', async () => {
    const el = await stories();
    const [first, second, third, fourth] = slidesOf(el);
    await change(el, () => el.next());
    expect(second!.getAnimations().map((move) => move.playState)).to.deep.equal(['running']);
    expect(animated(second!)).to.deep.equal([['transform']]);
    expect(animated(first!)).to.deep.equal([['transform']]);
    expect(animated(third!)).to.deep.equal([]);
    expect(animated(fourth!)).to.deep.equal([]);
    // The next slide comes in from the right, the one shown leaves to the left.
    expect(path(el, second!)).to.deep.equal([1, 0]);
    expect(path(el, first!)).to.deep.equal([0, -1]);
    await change(el, () => el.previous());
    expect(path(el, first!)).to.deep.equal([-1, 0]);
    expect(path(el, second!)).to.deep.equal([0, 1]);
  });

  it('moves the other way in RTL', async () => {
    const el = await stories({ dir: 'rtl' });
    const [first, second] = slidesOf(el);
    await change(el, () => el.next());
    expect(path(el, second!)).to.deep.equal([-1, 0]);
    expect(path(el, first!)).to.deep.equal([0, 1]);
  });

  it('moves nothing else: looping round three slides, the last one changes sides out of sight', async () => {
    const el = await stories({ count: 3, loop: true });
    const [first, second, third] = slidesOf(el);
    await change(el, () => el.next());
    expect(third!.position).to.equal('next');
    expect(animated(third!)).to.deep.equal([]);
    expect(path(el, second!)).to.deep.equal([1, 0]);
    expect(path(el, first!)).to.deep.equal([0, -1]);
  });

  it('jumps to a slide that was not beside the one shown', async () => {
    const el = await stories();
    await change(el, () => el.go(3));
    expect(slidesOf(el).flatMap(animated)).to.deep.equal([]);
    const box = el.getBoundingClientRect();
    expect(slidesOf(el)[3]!.getBoundingClientRect().left).to.be.closeTo(box.left, 1);
  });

  it('stops what is still moving at the next change, and when the carousel leaves the page', async () => {
    const el = await stories();
    const [first, second, third] = slidesOf(el);
    await change(el, () => el.next());
    const [firstMove] = first!.getAnimations();
    const [secondMove] = second!.getAnimations();
    await change(el, () => el.next());
    expect(firstMove!.playState).to.equal('idle');
    expect(secondMove!.playState).to.equal('idle');
    expect(first!.getAnimations()).to.have.length(0);
    expect(second!.getAnimations()).to.have.length(1);
    expect(third!.getAnimations()).to.have.length(1);
    const moves = [...second!.getAnimations(), ...third!.getAnimations()];
    el.remove();
    expect(moves.map((move) => move.playState)).to.deep.equal(['idle', 'idle']);
  });

  it('takes its length from --vitrine-stories-transition, and none from 0s', async () => {
    const slow = await stories({ style: '--vitrine-stories-transition: 0.6s' });
    await change(slow, () => slow.next());
    const [move] = slidesOf(slow)[1]!.getAnimations();
    expect(move!.effect!.getComputedTiming().duration).to.equal(600);
    const still = await stories({ style: '--vitrine-stories-transition: 0s' });
    await change(still, () => still.next());
    expect(slidesOf(still).flatMap(animated)).to.deep.equal([]);
  });
});
