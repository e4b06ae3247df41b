import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import '../../src/wishlist/index.js';
import type { VitrineStories } from '../../src/stories/stories.js';
import type { VitrineHotspot } from '../../src/stories/hotspot.js';
import { $wishlistItems } from '../../src/stores/wishlist.js';
import { useBackend } from '../support/backend-client.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const progress = (el: VitrineStories) =>
  el
    .shadowRoot!.querySelector<HTMLElement>('[part~="bar"][data-state="current"] .fill')
    ?.getAnimations()[0];

async function story(x = '0.5', y = '0.6', extra = html``) {
  const el = await fixture<VitrineStories>(html`
    <vitrine-stories label="Heritage" autoplay style="width: 270px">
      <vitrine-story>
        <img
          src="/__stories/picture.svg?hue=30"
          alt="The Lune Bag on a table"
          width="90"
          height="160"
        />
        <vitrine-hotspot
          product-id="sac-lune"
          x=${x}
          y=${y}
          name="Lune Bag"
          price="1250"
          currency="EUR"
          image="/__stories/picture.svg?hue=31"
          url="/products/sac-lune"
        ></vitrine-hotspot>
      </vitrine-story>
      <vitrine-story
        ><div data-vitrine-text><p>Since 1924.</p></div></vitrine-story
      >
      ${extra}
    </vitrine-stories>
  `);
  const hotspot = el.querySelector<VitrineHotspot>('vitrine-hotspot')!;
  await until(() => part(hotspot, 'tag') !== null, 'the hotspot');
  return { el, hotspot, tag: part(hotspot, 'tag') as HTMLButtonElement };
}

describe('<vitrine-hotspot>', () => {
  beforeEach(async () => {
    resetVitrine();
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  it('sits at its normalized place on the slide, named after the product', async () => {
    const { el, hotspot, tag } = await story('0.25', '0.5');
    const slide = el.querySelector('vitrine-story')!.getBoundingClientRect();
    const box = hotspot.getBoundingClientRect();
    expect(box.x + box.width / 2).to.be.closeTo(slide.x + slide.width * 0.25, 1);
    expect(box.y + box.height / 2).to.be.closeTo(slide.y + slide.height * 0.5, 1);
    expect(tag.getAttribute('aria-label')).to.equal('See Lune Bag');
    expect(tag.getAttribute('aria-expanded')).to.equal('false');
    await expect(hotspot).to.be.accessible();
  });

  it('measures x from the left in right-to-left pages too (pictures do not mirror)', async () => {
    const { el, hotspot } = await story('0.25', '0.5');
    el.dir = 'rtl';
    await hotspot.updateComplete;
    const slide = el.querySelector('vitrine-story')!.getBoundingClientRect();
    const tag = part(hotspot, 'tag')!.getBoundingClientRect();
    expect(tag.x + tag.width / 2).to.be.closeTo(slide.x + slide.width * 0.25, 1);
  });

  it('opens its card above the carousel, unclipped, without scrolling it', async () => {
    // A narrow carousel: the card is wider than the slide.
    const { el, hotspot, tag } = await story('0.5', '0.1');
    el.style.width = '200px';
    const base = part(el, 'base')!;
    tag.click();
    const card = part(hotspot, 'card')!;
    await until(() => card.style.left !== '', 'the card placed');
    expect(card.matches(':popover-open')).to.equal(true);
    const box = card.getBoundingClientRect();
    // On top where it is: nothing of the carousel (its buttons) covers the card's middle.
    const topmost = hotspot.shadowRoot!.elementFromPoint(
      box.x + box.width / 2,
      box.y + box.height / 2,
    );
    expect(card.contains(topmost)).to.equal(true);
    expect(base.scrollLeft).to.equal(0);
    expect(base.scrollTop).to.equal(0);
  });

  it('opens a card from the keyboard, pauses the story, and Escape brings focus back', async () => {
    const { el, hotspot, tag } = await story();
    // Something to tab on to after the story, as on any page (and the keyboard stays in it).
    const after = document.createElement('button');
    after.textContent = 'Next on the page';
    el.after(after);
    await until(() => progress(el)?.playState === 'running', 'the story running');
    tag.focus();
    const opened = oneEvent(el, 'vitrine-hotspot-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail).to.deep.equal({ productId: 'sac-lune' });
    await hotspot.updateComplete;
    const card = part(hotspot, 'card')!;
    expect(card.hidden).to.equal(false);
    expect(hotspot.shadowRoot!.activeElement).to.equal(card);
    expect(tag.getAttribute('aria-expanded')).to.equal('true');
    expect(part(hotspot, 'name')!.textContent).to.equal('Lune Bag');
    expect(part(hotspot, 'price')!.textContent).to.equal('€1,250');
    expect(part(hotspot, 'shop')!.getAttribute('href')).to.equal(
      new URL('/products/sac-lune', location.href).href,
    );
    expect(progress(el)!.playState).to.equal('paused');
    await expect(hotspot).to.be.accessible();

    const closed = oneEvent(el, 'vitrine-hotspot-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await hotspot.updateComplete;
    expect(card.hidden).to.equal(true);
    expect(hotspot.shadowRoot!.activeElement).to.equal(tag);
  });

  it('closes on a click elsewhere', async () => {
    const { hotspot, tag } = await story();
    tag.click();
    await hotspot.updateComplete;
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await hotspot.updateComplete;
    expect(part(hotspot, 'card')!.hidden).to.equal(true);
  });

  for (const [corner, x, y] of [
    ['top right', '0.97', '0.03'],
    ['bottom left', '0.03', '0.97'],
    ['top left', '0.03', '0.03'],
    ['bottom right', '0.97', '0.97'],
  ] as const) {
    it(`keeps the card inside the viewport for a tag at the ${corner}`, async () => {
      // A phone-sized window, the story filling it.
      await setViewport({ width: 360, height: 640 });
      const { hotspot, tag } = await story(x, y);
      tag.click();
      const card = part(hotspot, 'card')!;
      await until(() => card.style.left !== '' && card.style.left !== '0px', 'the card placed');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const box = card.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.top).to.be.at.least(0);
      expect(box.right).to.be.at.most(360);
      expect(box.bottom).to.be.at.most(640);
    });
  }

  for (const x of ['0.03', '0.5', '0.97']) {
    it(`fits its card in a 320 px window without sideways scrolling (tag at x=${x})`, async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await fixture<VitrineStories>(html`
        <vitrine-stories label="Heritage" style="width: 270px">
          <vitrine-story>
            <img src="/__stories/picture.svg?hue=30" alt="The bag" width="90" height="160" />
            <vitrine-hotspot
              product-id="sac-lune"
              x=${x}
              y="0.5"
              name="Lune Bag in grained calfskin, gold clasp"
              price="1250"
              image="/__stories/picture.svg?hue=31"
              url="/products/sac-lune"
            ></vitrine-hotspot>
          </vitrine-story>
        </vitrine-stories>
      `);
      const hotspot = el.querySelector<VitrineHotspot>('vitrine-hotspot')!;
      await until(() => part(hotspot, 'tag') !== null, 'the hotspot');
      part(hotspot, 'tag')!.click();
      const card = part(hotspot, 'card')!;
      await until(() => card.style.left !== '' && card.style.left !== '0px', 'the card placed');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const box = card.getBoundingClientRect();
      expect(box.left, 'left edge').to.be.at.least(0);
      expect(box.right, 'right edge').to.be.at.most(document.documentElement.clientWidth);
      const heart = hotspot.shadowRoot!.querySelector('vitrine-wishlist-button')!;
      expect(heart.getBoundingClientRect().right).to.be.at.most(box.right);
    });
  }

  it('closes its card when keyboard focus tabs out of it, and the story goes on', async () => {
    const { el, hotspot, tag } = await story();
    // Something to tab on to after the story, as on any page (and the keyboard stays in it).
    const after = document.createElement('button');
    after.textContent = 'Next on the page';
    el.after(after);
    await until(() => progress(el)?.playState === 'running', 'the story running');
    tag.focus();
    await sendKeys({ press: 'Enter' });
    await hotspot.updateComplete;
    const card = part(hotspot, 'card')!;
    expect(card.hidden).to.equal(false);
    await until(() => progress(el)?.playState === 'paused', 'the story paused');
    const closed = oneEvent(el, 'vitrine-hotspot-close');
    // Through the card's heart, shop link and close button, and out of the card.
    for (let i = 0; i < 8 && !card.hidden; i += 1) {
      await sendKeys({ press: 'Tab' });
      await hotspot.updateComplete;
    }
    await closed;
    expect(card.hidden).to.equal(true);
    expect(tag.getAttribute('aria-expanded')).to.equal('false');
    // Not lost on the page: focus is on the tag or on what follows it.
    expect(document.activeElement).not.to.equal(document.body);
    expect(document.activeElement).not.to.equal(null);
    // Keyboard focus stopped the slide show (WAI-ARIA carousel pattern); the card holds it no more.
    el.shadowRoot!.querySelector<HTMLElement>('[part="rotation"]')!.click();
    await until(() => progress(el)?.playState === 'running', 'the story running again');
  });

  it('saves to the same wishlist as the product grid', async () => {
    const { hotspot, tag } = await story('0.5', '0.6');
    const grid = await fixture(
      html`<vitrine-wishlist-button
        product-id="sac-lune"
        name="Lune Bag"
      ></vitrine-wishlist-button>`,
    );
    tag.click();
    await hotspot.updateComplete;
    const heart = hotspot.shadowRoot!.querySelector('vitrine-wishlist-button')!;
    await until(() => heart.shadowRoot?.querySelector('button') != null, 'the heart in the card');
    heart.shadowRoot!.querySelector('button')!.click();
    await until(
      () => grid.shadowRoot!.querySelector('button')!.getAttribute('aria-pressed') === 'true',
      'the grid heart pressed',
    );
    expect($wishlistItems.get().find((item) => item.productId === 'sac-lune')).to.include({
      name: 'Lune Bag',
      price: 1250,
    });
  });

  it('shows a vote button in the card when the story names a campaign', async () => {
    await useBackend();
    const el = await fixture<VitrineStories>(html`
      <vitrine-stories label="Vote" campaign="icons" style="width: 270px">
        <vitrine-story>
          <div data-vitrine-text><p>Which one?</p></div>
          <vitrine-hotspot product-id="sac-lune" x="0.5" y="0.5" name="Lune Bag"></vitrine-hotspot>
        </vitrine-story>
      </vitrine-stories>
    `);
    const hotspot = el.querySelector<VitrineHotspot>('vitrine-hotspot')!;
    await until(() => part(hotspot, 'tag') !== null, 'the hotspot');
    part(hotspot, 'tag')!.click();
    await until(() => customElements.get('vitrine-vote') !== undefined, 'the vote element loaded');
    const vote = hotspot.shadowRoot!.querySelector('vitrine-vote')!;
    expect(vote.getAttribute('campaign')).to.equal('icons');
    await until(() => vote.shadowRoot?.querySelector('button')?.disabled === false, 'the count');
    // Heart and Vote: one row, one height, their middles level.
    const heart = hotspot
      .shadowRoot!.querySelector('vitrine-wishlist-button')!
      .shadowRoot!.querySelector('button')!
      .getBoundingClientRect();
    const voteButton = vote.shadowRoot!.querySelector('button')!.getBoundingClientRect();
    expect(Math.abs(heart.height - voteButton.height)).to.be.below(1);
    expect(Math.abs(heart.top - voteButton.top)).to.be.below(1);
  });

  it('never renders a javascript: link, and hides a tag without a valid place', async () => {
    let hotspot!: VitrineHotspot;
    const warnings = await captureWarnings(async () => {
      const el = await fixture(html`
        <vitrine-stories label="x" style="width: 270px">
          <vitrine-story>
            <vitrine-hotspot
              product-id="a"
              x="0.5"
              y="0.5"
              url="javascript:alert(1)"
              image="javascript:alert(2)"
            ></vitrine-hotspot>
            <vitrine-hotspot product-id="b" x="1.5" y="0.5"></vitrine-hotspot>
          </vitrine-story>
        </vitrine-stories>
      `);
      hotspot = el.querySelector<VitrineHotspot>('vitrine-hotspot')!;
      await until(() => part(hotspot, 'tag') !== null, 'the hotspot');
      part(hotspot, 'tag')!.click();
      await hotspot.updateComplete;
    }, 'url="javascript:alert(1)"');
    expect(hotspot.shadowRoot!.innerHTML).not.to.contain('javascript:');
    expect(part(hotspot, 'shop')).to.equal(null);
    expect(warnings.join('\n')).to.match(/url="javascript:alert\(1\)"/);
    expect(warnings.join('\n')).to.match(/needs x and y from 0 to 1/);
    const hidden = document.querySelector('vitrine-hotspot[product-id="b"]')!;
    expect(hidden.hasAttribute('data-hidden')).to.equal(true);
    expect(getComputedStyle(hidden).display).to.equal('none');
  });
});
