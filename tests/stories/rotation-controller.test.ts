import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { RotationController } from '../../src/stories/rotation-controller.js';
import { until } from '../support/helpers.js';

/** A slide show of one progress bar, and the videos put in `videos`. */
class SlideShowHost extends LitElement {
  seconds = 4;
  ends = 0;
  videos: HTMLVideoElement[] = [];
  shown: HTMLVideoElement | undefined;
  readonly rotation = new RotationController(this, {
    fill: () => this.renderRoot.querySelector<HTMLElement>('.fill'),
    seconds: () => this.seconds,
    video: () => this.shown,
    videos: () => this.videos,
    onEnd: () => (this.ends += 1),
  });

  get progress(): Animation | undefined {
    return this.renderRoot.querySelector('.fill')!.getAnimations()[0];
  }

  override render() {
    return html`<div style="display: block; width: 200px; height: 300px">
      <span class="fill" style="display: block; height: 3px"></span>
      <slot></slot>
    </div>`;
  }
}
customElements.define('test-slide-show-host', SlideShowHost);

async function slideShow(): Promise<SlideShowHost> {
  const el = new SlideShowHost();
  await fixture(html`<div>${el}</div>`);
  await el.updateComplete;
  return el;
}

async function turnOn(el: SlideShowHost): Promise<Animation> {
  el.rotation.rotating = true;
  await until(() => el.progress?.playState === 'running', 'the slide’s time running');
  return el.progress!;
}

const playState = (el: SlideShowHost) => el.progress?.playState;

/** A muted video of the demo, its first frame in. */
async function video(): Promise<HTMLVideoElement> {
  const element = document.createElement('video');
  element.muted = true;
  element.playsInline = true;
  element.preload = 'auto';
  element.src = '/demo/public/stories/silk.webm';
  if (element.readyState < 2) {
    await new Promise((resolve) => element.addEventListener('loadeddata', resolve, { once: true }));
  }
  return element;
}

describe('RotationController', () => {
  it('moves nothing until turned on', async () => {
    const el = await slideShow();
    expect(el.rotation.rotating).to.equal(false);
    expect(el.rotation.running).to.equal(false);
    expect(el.progress).to.equal(undefined);
  });

  it('runs the shown slide’s time on its progress bar, from empty to full', async () => {
    const el = await slideShow();
    const progress = await turnOn(el);
    expect(el.rotation.rotating).to.equal(true);
    expect(el.rotation.running).to.equal(true);
    const effect = progress.effect as KeyframeEffect;
    expect(effect.getTiming().duration).to.equal(4000);
    expect(effect.getKeyframes().map((frame) => frame.transform)).to.deep.equal([
      'scaleX(0)',
      'scaleX(1)',
    ]);
  });

  it('tells the host when the slide’s time is up', async () => {
    const el = await slideShow();
    (await turnOn(el)).finish();
    await until(() => el.ends === 1, 'the end of the slide');
  });

  it('holds for as long as any reason holds it, and goes on where it stopped', async () => {
    const el = await slideShow();
    const progress = await turnOn(el);
    el.rotation.pause('hover', true);
    el.rotation.pause('card', true);
    await el.updateComplete;
    expect(playState(el)).to.equal('paused');
    expect(el.rotation.running).to.equal(false);
    expect(el.rotation.rotating).to.equal(true);
    el.rotation.pause('hover', false);
    await el.updateComplete;
    expect(playState(el)).to.equal('paused');
    expect(el.rotation.held('card')).to.equal(true);
    expect(el.rotation.held('hover')).to.equal(false);
    el.rotation.pause('card', false);
    await el.updateComplete;
    expect(playState(el)).to.equal('running');
    expect(el.progress).to.equal(progress);
  });

  it('starts no time while the slide’s media is loading', async () => {
    const el = await slideShow();
    el.rotation.pause('loading', true);
    el.rotation.rotating = true;
    await el.updateComplete;
    expect(el.progress).to.equal(undefined);
    el.rotation.pause('loading', false);
    await until(() => playState(el) === 'running', 'the time once loaded');
  });

  it('starts the time over for another slide, without ending the last one', async () => {
    const el = await slideShow();
    const first = await turnOn(el);
    first.currentTime = 3000;
    el.rotation.restart();
    el.requestUpdate();
    await el.updateComplete;
    expect(el.progress).not.to.equal(first);
    expect(el.progress!.currentTime).to.be.below(1000);
    expect(first.playState).to.equal('idle');
    expect(el.ends).to.equal(0);
  });

  it('turns off at the end of the show', async () => {
    const el = await slideShow();
    await turnOn(el);
    el.rotation.end();
    await el.updateComplete;
    expect(el.rotation.rotating).to.equal(false);
    expect(el.progress).to.equal(undefined);
  });

  it('holds while the tab is hidden', async () => {
    const el = await slideShow();
    await turnOn(el);
    // The browser tells the page it is hidden: the same signal, sent by hand.
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => playState(el) === 'paused', 'held when hidden');
      expect(el.rotation.held('hidden')).to.equal(true);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => playState(el) === 'running', 'running when shown again');
  });

  it('holds while the carousel is off screen', async () => {
    const el = await slideShow();
    await turnOn(el);
    el.style.cssText = 'position: fixed; top: 200vh';
    await until(() => el.rotation.held('offscreen'), 'held off screen');
    expect(playState(el)).to.equal('paused');
    el.style.cssText = '';
    await until(() => playState(el) === 'running', 'running on screen');
  });

  it('plays the shown slide’s video while it runs; rewinds the others', async function () {
    this.timeout(10_000);
    const el = await slideShow();
    const [shown, other] = await Promise.all([video(), video()]);
    el.append(shown!, other!);
    el.videos = [shown!, other!];
    el.shown = shown;
    other!.currentTime = 0.5;
    await turnOn(el);
    await until(() => !shown!.paused, 'the shown video playing');
    expect(other!.paused).to.equal(true);
    expect(other!.currentTime).to.equal(0);
    el.rotation.pause('hover', true);
    await until(() => shown!.paused, 'the video held with the slide');
    el.rotation.pause('hover', false);
    await until(() => !shown!.paused, 'the video playing again');
    el.remove();
    expect(shown!.paused).to.equal(true);
  });

  it('stops listening to the page once the carousel left it', async () => {
    const el = await slideShow();
    await turnOn(el);
    el.remove();
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
    expect(el.rotation.held('hidden')).to.equal(false);
  });
});
