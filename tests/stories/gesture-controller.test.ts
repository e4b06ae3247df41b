import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { GestureController } from '../../src/stories/gesture-controller.js';
import { until } from '../support/helpers.js';

/** A 300 × 400 viewport reading gestures, with a button on it that is not the slide. */
class ViewportHost extends LitElement {
  rtl = false;
  readonly steps: string[] = [];
  readonly holds: boolean[] = [];
  readonly gestures = new GestureController(this, {
    rtl: () => this.rtl,
    onStep: (back) => this.steps.push(back ? 'back' : 'next'),
    onHold: (holding) => this.holds.push(holding),
    ignore: (path) => path.some((node) => node instanceof HTMLButtonElement),
  });

  get viewport(): HTMLElement {
    return this.renderRoot.querySelector('[part="viewport"]')!;
  }

  override render() {
    const { pointerdown, pointermove, pointerup, pointercancel, dragstart } =
      this.gestures.handlers;
    return html`<div
      part="viewport"
      style="position: relative; width: 300px; height: 400px"
      @pointerdown=${pointerdown}
      @pointermove=${pointermove}
      @pointerup=${pointerup}
      @pointercancel=${pointercancel}
      @dragstart=${dragstart}
    >
      <button style="position: absolute; left: 120px; top: 20px">Shop the look</button>
    </div>`;
  }
}
customElements.define('test-gesture-host', ViewportHost);

async function viewport(): Promise<ViewportHost> {
  const el = new ViewportHost();
  await fixture(html`<div>${el}</div>`);
  await el.updateComplete;
  return el;
}

type Point = { x: number; y: number };
type PointerInit = { pointerId?: number; isPrimary?: boolean; button?: number };

/** A pointer event at a fraction of the viewport's width and height. */
function send(el: ViewportHost, type: string, at: Point, init: PointerInit = {}): void {
  const box = el.viewport.getBoundingClientRect();
  el.viewport.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      composed: true,
      pointerType: 'touch',
      pointerId: 1,
      isPrimary: true,
      button: 0,
      ...init,
      clientX: box.left + box.width * at.x,
      clientY: box.top + box.height * at.y,
    }),
  );
}

const tap = (el: ViewportHost, x: number) => {
  send(el, 'pointerdown', { x, y: 0.5 });
  send(el, 'pointerup', { x, y: 0.5 });
};

/** A finger moved from `from` to `to`, in fractions of the viewport. */
const swipe = (el: ViewportHost, from: Point, to: Point) => {
  send(el, 'pointerdown', from);
  send(el, 'pointermove', { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 });
  send(el, 'pointerup', to);
};

/** Waits past the moment a press turns into a hold (250 ms): timers fire in order. */
const pastHoldTime = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('GestureController', () => {
  it('goes back on a tap in the start third, and on anywhere else', async () => {
    const el = await viewport();
    for (const x of [0.05, 0.28, 0.32, 0.6, 0.95]) tap(el, x);
    expect(el.steps).to.deep.equal(['back', 'back', 'next', 'next', 'next']);
  });

  it('mirrors the tap zones in a right-to-left page', async () => {
    const el = await viewport();
    el.rtl = true;
    for (const x of [0.95, 0.72, 0.68, 0.05]) tap(el, x);
    expect(el.steps).to.deep.equal(['back', 'back', 'next', 'next']);
  });

  it('steps on a sideways swipe: towards the start brings the next slide', async () => {
    const el = await viewport();
    swipe(el, { x: 0.8, y: 0.5 }, { x: 0.2, y: 0.55 });
    swipe(el, { x: 0.2, y: 0.5 }, { x: 0.8, y: 0.45 });
    expect(el.steps).to.deep.equal(['next', 'back']);
  });

  it('mirrors the swipes in a right-to-left page', async () => {
    const el = await viewport();
    el.rtl = true;
    swipe(el, { x: 0.2, y: 0.5 }, { x: 0.8, y: 0.5 });
    swipe(el, { x: 0.8, y: 0.5 }, { x: 0.2, y: 0.5 });
    expect(el.steps).to.deep.equal(['next', 'back']);
  });

  it('leaves the slide alone on a vertical scroll or a short drift', async () => {
    const el = await viewport();
    swipe(el, { x: 0.5, y: 0.2 }, { x: 0.6, y: 0.8 });
    swipe(el, { x: 0.5, y: 0.5 }, { x: 0.57, y: 0.5 });
    expect(el.steps).to.deep.equal([]);
  });

  it('holds while pressed, and lets go without changing slide', async () => {
    const el = await viewport();
    send(el, 'pointerdown', { x: 0.8, y: 0.5 });
    await until(() => el.holds.length === 1, 'the hold');
    expect(el.holds).to.deep.equal([true]);
    send(el, 'pointerup', { x: 0.8, y: 0.5 });
    expect(el.holds).to.deep.equal([true, false]);
    expect(el.steps).to.deep.equal([]);
  });

  it('does not hold a press that moves away first', async () => {
    const el = await viewport();
    send(el, 'pointerdown', { x: 0.8, y: 0.5 });
    send(el, 'pointermove', { x: 0.8, y: 0.3 });
    await pastHoldTime();
    expect(el.holds).to.deep.equal([]);
    send(el, 'pointerup', { x: 0.8, y: 0.3 });
    expect(el.steps).to.deep.equal([]);
  });

  it('lets go of a hold when the browser takes the pointer away', async () => {
    const el = await viewport();
    send(el, 'pointerdown', { x: 0.5, y: 0.5 });
    await until(() => el.holds.length === 1, 'the hold');
    send(el, 'pointercancel', { x: 0.5, y: 0.5 });
    expect(el.holds).to.deep.equal([true, false]);
    send(el, 'pointerup', { x: 0.5, y: 0.5 });
    expect(el.holds).to.deep.equal([true, false]);
    expect(el.steps).to.deep.equal([]);
  });

  it('lets go of a hold when the carousel leaves the page', async () => {
    const el = await viewport();
    send(el, 'pointerdown', { x: 0.5, y: 0.5 });
    await until(() => el.holds.length === 1, 'the hold');
    el.remove();
    expect(el.holds).to.deep.equal([true, false]);
  });

  it('leaves a press on a control to the control', async () => {
    const el = await viewport();
    const button = el.renderRoot.querySelector('button')!;
    const box = button.getBoundingClientRect();
    const init = { bubbles: true, composed: true, pointerId: 1, isPrimary: true, button: 0 };
    const at = { clientX: box.left + 5, clientY: box.top + 5 };
    button.dispatchEvent(new PointerEvent('pointerdown', { ...init, ...at }));
    await pastHoldTime();
    button.dispatchEvent(new PointerEvent('pointerup', { ...init, ...at }));
    expect(el.steps).to.deep.equal([]);
    expect(el.holds).to.deep.equal([]);
  });

  it('reads only the main button of the first finger', async () => {
    const el = await viewport();
    send(el, 'pointerdown', { x: 0.8, y: 0.5 }, { button: 2 });
    send(el, 'pointerup', { x: 0.8, y: 0.5 }, { button: 2 });
    send(el, 'pointerdown', { x: 0.8, y: 0.5 }, { isPrimary: false, pointerId: 2 });
    send(el, 'pointerup', { x: 0.8, y: 0.5 }, { isPrimary: false, pointerId: 2 });
    expect(el.steps).to.deep.equal([]);
    // Another finger lifting does not end the first one's tap.
    send(el, 'pointerdown', { x: 0.8, y: 0.5 });
    send(el, 'pointerup', { x: 0.1, y: 0.5 }, { isPrimary: false, pointerId: 2 });
    send(el, 'pointerup', { x: 0.8, y: 0.5 });
    expect(el.steps).to.deep.equal(['next']);
  });

  it('keeps a picture from being dragged out of the slide', async () => {
    const el = await viewport();
    const drag = new DragEvent('dragstart', { bubbles: true, composed: true, cancelable: true });
    el.viewport.dispatchEvent(drag);
    expect(drag.defaultPrevented).to.equal(true);
  });
});
