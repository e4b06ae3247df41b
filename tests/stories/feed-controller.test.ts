import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/stories/index.js';
import { FeedController } from '../../src/stories/feed-controller.js';
import type { VitrineStories } from '../../src/stories/stories.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

/** A carousel's host as far as its feed goes: the slides it holds, and its state. */
class FeedHost extends LitElement {
  src = '';
  readonly feed = new FeedController(this, () => this.src);
  renders = 0;

  /** What `<vitrine-stories>` does when its `src` changes. */
  show(src: string): Promise<void> {
    this.src = src;
    return this.feed.load();
  }

  override render() {
    this.renders += 1;
    return html`<p>${this.feed.state}</p>
      <slot></slot>`;
  }
}
customElements.define('test-feed-host', FeedHost);

const feed = (slides: number) => `/__stories/feed.json?slides=${slides}`;
const feedSlides = (el: Element) => [...el.querySelectorAll(':scope > [data-vitrine-feed]')];

async function feedHost(): Promise<FeedHost> {
  const el = new FeedHost();
  await fixture(
    html`<div>
      ${el}
      <p id="after"></p>
    </div>`,
  );
  await el.updateComplete;
  return el;
}

describe('FeedController', () => {
  beforeEach(resetVitrine);

  it('adds a feed’s slides to the element, and its label', async () => {
    const el = await feedHost();
    const loading = el.show(feed(3));
    expect(el.feed.state).to.equal('loading');
    await loading;
    expect(el.feed.state).to.equal('ready');
    expect(el.feed.label).to.equal('Test stories');
    expect(feedSlides(el).map((slide) => slide.localName)).to.deep.equal([
      'vitrine-story',
      'vitrine-story',
      'vitrine-story',
    ]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('ready');
  });

  it('replaces the last feed’s slides with the next one’s, and keeps the page’s own', async () => {
    const el = await feedHost();
    const own = document.createElement('vitrine-story');
    el.append(own);
    await el.show(feed(2));
    await el.show(feed(4));
    expect(feedSlides(el)).to.have.length(4);
    expect(own.parentNode).to.equal(el);
    await el.show('');
    expect(el.feed.state).to.equal('none');
    expect(feedSlides(el)).to.have.length(0);
    expect(own.parentNode).to.equal(el);
  });

  it('shows only the newest feed when the source changes while one loads', async () => {
    const el = await feedHost();
    const first = el.show(feed(2));
    const second = el.show(feed(5));
    await Promise.all([first, second]);
    expect(feedSlides(el)).to.have.length(5);
    expect(el.feed.state).to.equal('ready');
  });

  it('says it failed, with a warning, when the feed cannot be used', async () => {
    const el = await feedHost();
    const warnings = await captureWarnings(() => el.show('/__stories/not-json'));
    expect(el.feed.state).to.equal('failed');
    expect(feedSlides(el)).to.have.length(0);
    expect(warnings.join('\n')).to.match(/could not use the feed/);
  });

  it('names the carousel after its feed, and not after one it no longer shows', async () => {
    const el = await fixture<VitrineStories>(
      html`<vitrine-stories src=${feed(2)}></vitrine-stories>`,
    );
    const name = () => el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label');
    await until(() => feedSlides(el).length === 2, 'the first feed');
    expect(name()).to.equal('Test stories');
    await captureWarnings(async () => {
      el.src = '/__stories/not-json';
      await until(
        () =>
          feedSlides(el).length === 0 &&
          !!el
            .shadowRoot!.querySelector('[part~="empty"]')
            ?.textContent?.includes('cannot be shown'),
        'the failed feed',
      );
    });
    expect(name()).to.equal('Stories');
  });

  it('stops loading when the element leaves the page, quietly', async () => {
    const el = await feedHost();
    let loading!: Promise<void>;
    const warnings = await captureWarnings(async () => {
      loading = el.show(feed(3));
      el.remove();
      await loading;
    });
    expect(warnings).to.deep.equal([]);
    expect(feedSlides(el)).to.have.length(0);
    expect(el.feed.state).not.to.equal('ready');
  });

  it('still shows its feed after the page moved the carousel while it loaded', async () => {
    const page = await fixture<HTMLElement>(html`<div><section></section></div>`);
    const el = document.createElement('vitrine-stories');
    el.src = feed(2);
    page.append(el);
    // Its first render asked for the feed; the answer needs a round trip to the server.
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.contain('Loading');
    // A framework moves the carousel into another container before the feed arrived.
    page.querySelector('section')!.append(el);
    await until(() => feedSlides(el).length === 2, 'the feed’s slides', 4000);
  });
});
