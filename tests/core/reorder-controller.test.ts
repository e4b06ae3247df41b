import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ReorderController } from '../../src/core/reorder-controller.js';

/** A ranking of 20px rows; Lit reuses the rows in place, so a row's key moves between them. */
class RankingHost extends LitElement {
  static override properties = { keys: { attribute: false } };
  declare keys: string[];

  constructor(keys: string[]) {
    super();
    this.keys = keys;
    new ReorderController(
      this,
      () => this.rows().map((row) => [row.dataset.key!, row] as const),
      () => this.keys,
    );
  }

  rows(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('li')];
  }

  row(key: string): HTMLElement {
    return this.rows().find((row) => row.dataset.key === key)!;
  }

  override render() {
    return html`<ol style="margin: 0; padding: 0; list-style: none">
      ${this.keys.map((key) => html`<li data-key=${key} style="height: 20px">${key}</li>`)}
    </ol>`;
  }
}
customElements.define('test-ranking-host', RankingHost);

async function ranking(keys: string[]): Promise<RankingHost> {
  const el = new RankingHost(keys);
  await fixture(html`<div>${el}</div>`);
  await el.updateComplete;
  return el;
}

async function reorder(el: RankingHost, keys: string[]): Promise<void> {
  el.keys = keys;
  await el.updateComplete;
}

/** Where each of the row's animations starts from, as its first keyframe. */
const startsFrom = (row: HTMLElement) =>
  row.getAnimations().map((animation) => {
    const [first] = (animation.effect as KeyframeEffect).getKeyframes();
    const timing = ['offset', 'computedOffset', 'easing', 'composite'];
    return Object.fromEntries(Object.entries(first!).filter(([key]) => !timing.includes(key)));
  });

describe('ReorderController', () => {
  it('does not animate the first render', async () => {
    const el = await ranking(['a', 'b', 'c']);
    expect(el.rows().flatMap(startsFrom)).to.deep.equal([]);
  });

  it('slides each row that changed place from where it was, with a transform only', async () => {
    const el = await ranking(['a', 'b', 'c']);
    await reorder(el, ['c', 'a', 'b']);
    expect(startsFrom(el.row('c'))).to.deep.equal([{ transform: 'translateY(40px)' }]);
    expect(startsFrom(el.row('a'))).to.deep.equal([{ transform: 'translateY(-20px)' }]);
    expect(startsFrom(el.row('b'))).to.deep.equal([{ transform: 'translateY(-20px)' }]);
    const [animation] = el.row('c').getAnimations();
    expect((animation!.effect as KeyframeEffect).getKeyframes().at(-1)!.transform).to.equal('none');
    // The shopper sees the row where it was, then sliding up to the top.
    const top = el.getBoundingClientRect().top;
    expect(el.row('c').getBoundingClientRect().top).to.be.closeTo(top + 40, 1);
    animation!.finish();
    expect(el.row('c').getBoundingClientRect().top).to.be.closeTo(top, 1);
  });

  it('leaves alone a row that kept its place, and a row new to the list', async () => {
    const el = await ranking(['a', 'b', 'c']);
    await reorder(el, ['b', 'a', 'c']);
    expect(startsFrom(el.row('c'))).to.deep.equal([]);
    el.rows().forEach((row) => row.getAnimations().forEach((animation) => animation.finish()));
    await reorder(el, ['b', 'new', 'a', 'c']);
    expect(startsFrom(el.row('new'))).to.deep.equal([]);
    expect(startsFrom(el.row('b'))).to.deep.equal([]);
    expect(startsFrom(el.row('a'))).to.deep.equal([{ transform: 'translateY(-20px)' }]);
  });

  it('reads no position, so forces no layout, for an update that keeps the order', async () => {
    const el = await ranking(['a', 'b', 'c']);
    let reads = 0;
    for (const row of el.rows()) {
      const read = row.getBoundingClientRect.bind(row);
      row.getBoundingClientRect = () => ((reads += 1), read());
    }
    await reorder(el, ['a', 'b', 'c']);
    expect(reads).to.equal(0);
    await reorder(el, ['b', 'a', 'c']);
    expect(reads).to.be.greaterThan(0);
    expect(startsFrom(el.row('b'))).to.deep.equal([{ transform: 'translateY(20px)' }]);
  });

  it('does not animate an update that moves nothing', async () => {
    const el = await ranking(['a', 'b']);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.rows().flatMap(startsFrom)).to.deep.equal([]);
  });
});
