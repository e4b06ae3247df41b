import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/stories/index.js';
import type { VitrineStories } from '../../src/stories/stories.js';
import { MAX_SLIDES, readFeed, readSlide } from '../../src/stories/feed.js';
import { configure } from '../../src/core/config.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const slides = (el: Element) => el.querySelectorAll(':scope > vitrine-story');

/** Every URL the element and its slides put in the page. */
function renderedUrls(el: Element): string[] {
  const urls: string[] = [];
  const visit = (root: Element | ShadowRoot) => {
    for (const node of root.querySelectorAll('*')) {
      for (const name of ['href', 'src', 'poster', 'data-src', 'data-poster']) {
        const value = node.getAttribute(name);
        if (value !== null) urls.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  visit(el);
  if (el.shadowRoot) visit(el.shadowRoot);
  return urls;
}

async function fromFeed(src: string): Promise<{ el: VitrineStories; warnings: string[] }> {
  let el!: VitrineStories;
  const warnings = await captureWarnings(async () => {
    el = await fixture<VitrineStories>(
      html`<vitrine-stories src=${src} style="width: 270px"></vitrine-stories>`,
    );
    await until(
      () => slides(el).length > 0 || /cannot be shown/.test(part(el, 'empty')?.textContent ?? ''),
      'the feed',
      5000,
    );
  });
  return { el, warnings };
}

describe('stories from a JSON feed', () => {
  beforeEach(resetVitrine);

  it('builds the slides of a feed, text as text, media loaded when near', async () => {
    const { el } = await fromFeed('/__stories/feed.json?slides=4');
    expect(slides(el)).to.have.length(4);
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Test stories');
    const text = slides(el)[2]!.querySelector('[data-vitrine-text]')!;
    expect(text.textContent).to.contain('<b>never markup</b>');
    expect(text.querySelector('b')).to.equal(null);
    const images = [...el.querySelectorAll('vitrine-story > img')];
    expect(images.map((img) => img.hasAttribute('src'))).to.deep.equal([true, true, false]);
    expect(images[0]!.getAttribute('width')).to.equal('90');
    expect(images[0]!.getAttribute('height')).to.equal('160');
    await expect(el).to.be.accessible();
  });

  it('skips each bad slide with a warning, keeps the rest, renders no javascript: URL', async () => {
    const { el, warnings } = await fromFeed('/__stories/feed.json?slides=3&bad=8');
    expect(slides(el)).to.have.length(4); // 3 good + the valid picture among the hostile ones
    expect(warnings.join('\n')).to.match(/skipped 7 slide/);
    for (const url of renderedUrls(el)) expect(url).not.to.match(/^\s*(javascript|data):/i);
    // The hotspot of the first slide kept its product but not its javascript: link.
    const hotspot = el.querySelector('vitrine-hotspot')!;
    expect(hotspot.getAttribute('product-id')).to.equal('sac-lune');
    expect(hotspot.product?.url).to.equal(undefined);
    expect(el.querySelectorAll('vitrine-hotspot')).to.have.length(1);
  });

  it('cuts a long feed at the limit, with a warning', async () => {
    const { el, warnings } = await fromFeed('/__stories/feed.json?slides=80');
    expect(slides(el)).to.have.length(MAX_SLIDES);
    expect(warnings.join('\n')).to.match(new RegExp(`only the first ${MAX_SLIDES} slides`));
  });

  it('refuses a 10,000-slide feed unread (over 512 KB), with a clear state', async () => {
    const { el, warnings } = await fromFeed('/__stories/feed.json?slides=10000');
    expect(slides(el)).to.have.length(0);
    expect(part(el, 'empty')!.textContent).to.match(/cannot be shown/);
    expect(warnings.join('\n')).to.match(/over 512 KB/);
  });

  it('shows a clear empty state for a feed that is not JSON', async () => {
    const { el, warnings } = await fromFeed('/__stories/not-json');
    expect(slides(el)).to.have.length(0);
    expect(part(el, 'empty')!.textContent).to.match(/These stories cannot be shown right now/);
    expect(warnings.join('\n')).to.match(/could not use the feed/);
    await expect(el).to.be.accessible();
  });

  it('refuses a javascript: feed URL with a warning, and a missing feed', async () => {
    for (const src of ['javascript:alert(1)', '/__stories/missing.json']) {
      const { el, warnings } = await fromFeed(src);
      expect(slides(el), src).to.have.length(0);
      expect(warnings.join('\n'), src).to.match(/not an http\(s\) URL|could not use the feed/);
    }
  });

  it('keeps a hotspot’s links on the page’s origin and its pictures on the image origins', async () => {
    configure({ imageOrigins: 'https://cdn.maison.example' });
    const here = new URL('/products/sac-lune', location.href).href;
    const spot = (extra: Record<string, unknown>) => ({
      productId: 'sac-lune',
      x: 0.5,
      y: 0.5,
      ...extra,
    });
    const warnings = await captureWarnings(() => {
      const feed = readFeed({
        slides: [
          {
            type: 'text',
            heading: 'Atelier',
            hotspots: [
              spot({ url: here, image: 'https://cdn.maison.example/sac.jpg' }),
              spot({ url: 'https://evil.example/pay', image: 'https://tracker.example/p.gif' }),
            ],
          },
        ],
      })!;
      const [kept, stripped] = feed.slides[0]!.hotspots;
      expect(kept!.product).to.include({ url: here, image: 'https://cdn.maison.example/sac.jpg' });
      expect(stripped!.product.url).to.equal(undefined);
      expect(stripped!.product.image).to.equal(undefined);
    });
    expect(warnings.join('\n')).to.match(
      /hotspot "sac-lune": a link or picture from another site left out/,
    );
  });

  it('reads a hotspot’s variant, and keeps the product when the variant id is not one', () => {
    const slide = readSlide({
      type: 'text',
      heading: 'Opéra',
      hotspots: [
        {
          productId: 'escarpin-opera',
          variantId: '38-noir',
          variantName: 'Taille 38 · Noir',
          x: 0.5,
          y: 0.5,
        },
        {
          productId: 'sac-lune',
          variantId: '<img src=x>',
          variantName: 'Noir',
          available: false,
          x: 0.2,
          y: 0.2,
        },
      ],
    });
    expect(typeof slide).to.equal('object');
    const [size38, bag] = (slide as Exclude<typeof slide, string>).hotspots.map((h) => h.product);
    expect(size38).to.deep.equal({
      productId: 'escarpin-opera',
      variantId: '38-noir',
      variantName: 'Taille 38 · Noir',
    });
    expect(bag).to.deep.equal({ productId: 'sac-lune', available: false });
  });

  it('reads any JSON without throwing, and keeps only http(s) URLs and bounded numbers', () => {
    const anything = fc.anything({
      withObjectString: true,
      withNullPrototype: true,
      maxDepth: 4,
    });
    const slideLike = fc.record(
      {
        type: fc.oneof(fc.constantFrom('image', 'video', 'text'), fc.string()),
        src: fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)'), anything),
        poster: fc.oneof(fc.webUrl(), fc.constant('data:image/png;base64,AA'), anything),
        heading: fc.oneof(fc.string(), anything),
        duration: fc.oneof(fc.double(), anything),
        hotspots: fc.oneof(
          fc.array(
            fc.record({
              productId: fc.oneof(fc.string(), anything),
              variantId: fc.oneof(fc.constant('38-noir'), fc.string(), anything),
              variantName: fc.oneof(fc.string(), anything),
              x: fc.oneof(fc.double(), anything),
              y: fc.oneof(fc.double(), anything),
              url: fc.oneof(fc.webUrl(), fc.constant('JaVaScRiPt:alert(1)'), anything),
            }),
          ),
          anything,
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(anything, fc.record({ slides: fc.array(slideLike) })), (raw) => {
        const feed = readFeed(raw);
        if (!feed) return;
        for (const slide of feed.slides) {
          for (const url of [slide.src, slide.poster]) {
            if (url !== undefined) expect(new URL(url).protocol).to.match(/^https?:$/);
          }
          if (slide.duration !== undefined) expect(slide.duration).to.be.within(1, 60);
          for (const hotspot of slide.hotspots) {
            expect(hotspot.x).to.be.within(0, 1);
            expect(hotspot.y).to.be.within(0, 1);
            const { url, variantId, variantName } = hotspot.product;
            if (variantId !== undefined) expect(variantId).to.match(/^[A-Za-z0-9._:/@+-]{1,128}$/);
            if (variantName !== undefined) expect(variantId).to.be.a('string');
            if (url) expect(new URL(url).protocol).to.match(/^https?:$/);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(readSlide({ type: 'video', src: 'vbscript:x' })).to.be.a('string');
  });
});
