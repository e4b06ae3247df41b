import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, resetMouse } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import type { VitrineStories } from '../../src/stories/stories.js';
import { resetVitrine, until } from '../support/helpers.js';

// Switching `prefers-reduced-motion` at run time needs Chromium's DevTools protocol.

const rotation = (el: VitrineStories) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="rotation"]')!;
const progress = (el: VitrineStories) =>
  el
    .shadowRoot!.querySelector<HTMLElement>('[part~="bar"][data-state="current"] .fill')
    ?.getAnimations()[0];

async function stories(): Promise<VitrineStories> {
  const el = await fixture<VitrineStories>(html`
    <vitrine-stories autoplay duration="4" style="width: 270px">
      <vitrine-story
        ><div data-vitrine-text><p>1924</p></div></vitrine-story
      >
      <vitrine-story
        ><div data-vitrine-text><p>The workshop</p></div></vitrine-story
      >
    </vitrine-stories>
  `);
  await el.updateComplete;
  return el;
}

describe('<vitrine-stories> and prefers-reduced-motion', () => {
  beforeEach(async () => {
    resetVitrine();
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('stops a running slide show when the shopper asks for reduced motion', async () => {
    const el = await stories();
    await until(() => progress(el)?.playState === 'running', 'the slide show running');
    await emulateMedia({ reducedMotion: 'reduce' });
    await until(
      () => rotation(el).getAttribute('aria-label') === 'Start automatic slide show',
      'the slide show stopped',
    );
    expect(progress(el)?.playState).not.to.equal('running');
    expect(el.shadowRoot!.querySelector('[part="viewport"]')!.getAttribute('aria-live')).to.equal(
      'polite',
    );
  });

  it('does not start the slide show from its button under reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await stories();
    rotation(el).click();
    await el.updateComplete;
    expect(rotation(el).getAttribute('aria-label')).to.equal('Start automatic slide show');
    expect(
      el.shadowRoot!.querySelector('[part="progress"]')!.hasAttribute('data-rotating'),
    ).to.equal(false);
  });
});
