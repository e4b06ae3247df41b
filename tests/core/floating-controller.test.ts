import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Placement } from '@floating-ui/dom';
import { FloatingController, loadFloatingUi } from '../../src/core/floating-controller.js';
import { until } from '../support/helpers.js';

/** An element that positions a panel next to a button, as a menu does. */
class FloatingHost extends LitElement {
  readonly floating: FloatingController;

  constructor(placement?: Placement) {
    super();
    this.floating = new FloatingController(this, placement);
  }
}
customElements.define('test-floating-host', FloatingHost);

/** A host, and a button and a panel on the page (outside it, so they stay when it leaves). */
async function floatingPage(placement?: Placement) {
  const host = new FloatingHost(placement);
  const page = await fixture<HTMLElement>(
    html`<div style="padding: 200px 0 0 40px">
      ${host}
      <button id="anchor" style="width: 120px; height: 32px">Share</button>
      <div id="panel" style="position: fixed; width: 160px; height: 80px">Choices</div>
    </div>`,
  );
  return {
    host,
    anchor: page.querySelector<HTMLElement>('#anchor')!,
    panel: page.querySelector<HTMLElement>('#panel')!,
  };
}

/** Two frames: long enough for a pending position to land. */
const frames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The window was resized: floating-ui positions again while it follows the panel. */
async function resized(): Promise<void> {
  window.dispatchEvent(new Event('resize'));
  await frames();
}

describe('FloatingController', () => {
  it('places the panel under the button only once opened', async () => {
    const { host, anchor, panel } = await floatingPage();
    await loadFloatingUi();
    await frames();
    expect(panel.dataset.placement).to.equal(undefined);
    expect(host.floating.isOpen).to.equal(false);
    host.floating.open(anchor, panel);
    expect(host.floating.isOpen).to.equal(true);
    await until(() => panel.dataset.placement !== undefined, 'the panel placed');
    expect(panel.dataset.placement).to.equal('bottom-start');
    const button = anchor.getBoundingClientRect();
    const box = panel.getBoundingClientRect();
    expect(box.top).to.be.closeTo(button.bottom + 6, 1);
    expect(box.left).to.be.closeTo(button.left, 1);
  });

  it('takes the side it is given', async () => {
    const { host, anchor, panel } = await floatingPage('top');
    host.floating.open(anchor, panel);
    await until(() => panel.dataset.placement !== undefined, 'the panel placed');
    expect(panel.dataset.placement).to.equal('top');
    expect(panel.getBoundingClientRect().bottom).to.be.closeTo(
      anchor.getBoundingClientRect().top - 6,
      1,
    );
  });

  it('follows the button while open', async () => {
    const { host, anchor, panel } = await floatingPage();
    host.floating.open(anchor, panel);
    await until(() => panel.dataset.placement !== undefined, 'the panel placed');
    const left = panel.getBoundingClientRect().left;
    anchor.style.marginLeft = '100px';
    await resized();
    await until(
      () => Math.abs(panel.getBoundingClientRect().left - (left + 100)) < 1,
      'the panel to follow the button',
    );
  });

  it('stops following the button once closed', async () => {
    const { host, anchor, panel } = await floatingPage();
    host.floating.open(anchor, panel);
    await until(() => panel.dataset.placement !== undefined, 'the panel placed');
    host.floating.close();
    expect(host.floating.isOpen).to.equal(false);
    const left = panel.style.left;
    anchor.style.marginLeft = '100px';
    await resized();
    expect(panel.style.left).to.equal(left);
  });

  it('places nothing when closed before the positioning code arrived', async () => {
    const { host, anchor, panel } = await floatingPage();
    host.floating.open(anchor, panel);
    host.floating.close();
    await loadFloatingUi();
    await resized();
    expect(panel.dataset.placement).to.equal(undefined);
    expect(panel.style.left).to.equal('');
  });

  it('stops following when its element leaves the page', async () => {
    const { host, anchor, panel } = await floatingPage();
    host.floating.open(anchor, panel);
    await until(() => panel.dataset.placement !== undefined, 'the panel placed');
    host.remove();
    expect(host.floating.isOpen).to.equal(false);
    const left = panel.style.left;
    anchor.style.marginLeft = '100px';
    await resized();
    expect(panel.style.left).to.equal(left);
  });
});
