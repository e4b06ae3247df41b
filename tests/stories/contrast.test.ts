import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import '../../src/wishlist/index.js';
import type { VitrineStories } from '../../src/stories/stories.js';
import type { VitrineHotspot } from '../../src/stories/hotspot.js';
import { configure } from '../../src/core/config.js';
import { resetVitrine, until } from '../support/helpers.js';

// What a shopper sees, read from screenshots of the page: pixels, not styles.

type Rgb = [number, number, number];

const luminance = ([r, g, b]: Rgb) => {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const contrast = (a: Rgb, b: Rgb) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

interface Shot {
  width: number;
  height: number;
  at(x: number, y: number): Rgb;
}

/** A screenshot of the page around `rect` (CSS pixels, `pad` on each side). */
async function screenshot(rect: DOMRect, pad = 8): Promise<Shot> {
  const x = Math.max(0, Math.floor(rect.left - pad));
  const y = Math.max(0, Math.floor(rect.top - pad));
  const clip = {
    x,
    y,
    width: Math.ceil(rect.right + pad) - x,
    height: Math.ceil(rect.bottom + pad) - y,
  };
  const png = await executeServerCommand<string, typeof clip>('vitrine-screenshot', clip);
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  const scale = image.width / clip.width;
  return {
    width: image.width,
    height: image.height,
    at(px, py) {
      const i = (Math.round(py * scale) * image.width + Math.round(px * scale)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

/**
 * How much of a focus ring holds 3:1 against what was there before focus (WCAG 1.4.11):
 * the number of pixels that focus changed by that much, over the element's perimeter.
 */
async function ringStrength(element: HTMLElement, focus: () => Promise<void>): Promise<number> {
  const rect = element.getBoundingClientRect();
  const before = await screenshot(rect);
  await focus();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const after = await screenshot(rect);
  let strong = 0;
  for (let y = 0; y < before.height; y += 1) {
    for (let x = 0; x < before.width; x += 1) {
      if (contrast(before.at(x, y), after.at(x, y)) >= 3) strong += 1;
    }
  }
  const perimeter = 2 * (rect.width + rect.height);
  return strong / perimeter;
}

const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

const cream = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="160"><rect width="90" height="160" fill="#f4ecdf"/></svg>',
)}`;

/** One slide of each kind: a photograph, a cream picture, a video (its poster), a text page. */
const slides = {
  photo: html`<vitrine-story>
    <img src="/__stories/picture.svg?hue=215" alt="The atelier" width="90" height="160" />
    <vitrine-hotspot product-id="sac-lune" name="Lune Bag" x="0.5" y="0.5"></vitrine-hotspot>
  </vitrine-story>`,
  cream: html`<vitrine-story
    ><img src=${cream} alt="Silk" width="90" height="160"
  /></vitrine-story>`,
  video: html`<vitrine-story
    ><video poster="/__stories/picture.svg?hue=120" muted playsinline></video
  ></vitrine-story>`,
  text: html`<vitrine-story
    ><div data-vitrine-text>
      <h2>Since 1924</h2>
      <p>The first trunk.</p>
    </div></vitrine-story
  >`,
};

async function carousel(slide: keyof typeof slides): Promise<VitrineStories> {
  const el = await fixture<VitrineStories>(html`
    <vitrine-stories label="Heritage" style="width: 270px">${slides[slide]}</vitrine-stories>
  `);
  await until(() => el.shadowRoot!.querySelector('[part~="bar"]') !== null, 'the slide');
  const img = el.querySelector('img');
  if (img) await img.decode();
  return el;
}

/** Focus as a keyboard user brings it: Tab from a button just before `element`'s widget. */
async function tabInto(widget: HTMLElement): Promise<void> {
  const before = Object.assign(document.createElement('button'), { textContent: 'Before' });
  // Out of the way: nothing on the page moves between the two screenshots.
  before.style.cssText = 'position: fixed; right: 0; bottom: 0;';
  widget.before(before);
  before.focus();
  await sendKeys({ press: 'Tab' });
}

const media = (payload: Record<string, string> = {}) =>
  executeServerCommand('vitrine-media', payload);

describe('focus rings in the stories', () => {
  beforeEach(async () => {
    resetVitrine();
    await resetMouse();
  });
  afterEach(() => media());

  for (const theme of ['light', 'dark'] as const) {
    for (const slide of ['photo', 'cream', 'video', 'text'] as const) {
      it(`hold 3:1 around the rotation button on a ${slide} slide, ${theme} theme`, async () => {
        configure({ theme });
        const el = await carousel(slide);
        const strength = await ringStrength(part(el, 'rotation'), () => tabInto(el));
        expect(el.shadowRoot!.activeElement).to.equal(part(el, 'rotation'));
        // A whole ring at least one pixel thick stands out from what it surrounds.
        expect(strength).to.be.at.least(1);
      });
    }

    it(`hold 3:1 around a hotspot on a photograph, ${theme} theme`, async () => {
      configure({ theme });
      const el = await carousel('photo');
      const hotspot = el.querySelector<VitrineHotspot>('vitrine-hotspot')!;
      const tag = part(hotspot, 'tag');
      const strength = await ringStrength(tag, async () => {
        // After a key press, focus shows as the keyboard's (:focus-visible).
        await sendKeys({ press: 'Shift' });
        tag.focus();
      });
      expect(hotspot.shadowRoot!.activeElement).to.equal(tag);
      expect(strength).to.be.at.least(1);
    });
  }
});

describe('under forced colours', () => {
  beforeEach(async () => {
    resetVitrine();
    await resetMouse();
  });
  afterEach(() => media());

  for (const colorScheme of ['dark', 'light'] as const) {
    it(`shows the progress bars, a ${colorScheme} system scheme`, async () => {
      await media({ forcedColors: 'active', colorScheme });
      const el = await fixture<VitrineStories>(html`
        <vitrine-stories label="Heritage" style="width: 270px">
          ${slides.text}${slides.text}
        </vitrine-stories>
      `);
      await until(() => el.shadowRoot!.querySelectorAll('[part~="bar"]').length === 2, 'bars');
      const [shown, next] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="bar"]')];
      // The shown slide's bar is full while the show is stopped; the next one is empty.
      for (const [bar, what] of [
        [shown!, 'the shown slide’s fill'],
        [next!, 'the next slide’s outline'],
      ] as const) {
        const rect = bar.getBoundingClientRect();
        const shot = await screenshot(rect, 4);
        const stage = shot.at(2, shot.height - 1);
        let strongest = 0;
        for (let x = 4; x < shot.width - 4; x += 1) {
          for (let y = 0; y < shot.height; y += 1) {
            strongest = Math.max(strongest, contrast(shot.at(x, y), stage));
          }
        }
        expect(strongest, what).to.be.at.least(3);
      }
    });
  }

  it('shows the heart, saved and not, and the focus around it', async () => {
    await media({ forcedColors: 'active', colorScheme: 'dark' });
    const el = await fixture<HTMLElement>(
      html`<div>
        <vitrine-wishlist-button product-id="sac-lune" name="Sac Lune"></vitrine-wishlist-button>
      </div>`,
    );
    const heart = el.querySelector('vitrine-wishlist-button')!;
    await heart.updateComplete;
    const button = part(heart, 'button');
    const drawn = async () => {
      const shot = await screenshot(button.getBoundingClientRect(), 0);
      const ground = shot.at(1, 1);
      let pixels = 0;
      for (let y = 0; y < shot.height; y += 1) {
        for (let x = 0; x < shot.width; x += 1) {
          if (contrast(shot.at(x, y), ground) >= 3) pixels += 1;
        }
      }
      return pixels;
    };
    const outlined = await drawn();
    expect(outlined, 'the outlined heart').to.be.at.least(20);
    button.click();
    await heart.updateComplete;
    const filled = await drawn();
    expect(filled, 'the filled heart').to.be.greaterThan(outlined * 1.5);
    button.blur();
    const strength = await ringStrength(button, () => tabInto(heart));
    expect(strength, 'the focus ring').to.be.at.least(1);
  });
});
