import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { atom, map, onMount, type ReadableAtom } from 'nanostores';
import {
  StoreController,
  StoreKeyController,
  StoreSelectController,
} from '../../src/core/store-controller.js';
import { until } from '../support/helpers.js';

type Prices = Record<string, number | undefined>;

/** Shows one store's value. */
class ValueHost extends LitElement {
  renders = 0;
  readonly value: StoreController<number>;

  constructor(store: ReadableAtom<number>) {
    super();
    this.value = new StoreController(this, store);
  }

  override render() {
    this.renders += 1;
    return html`${this.value.value}`;
  }
}
customElements.define('test-store-value-host', ValueHost);

/** Shows one key of a map store; the key may change. */
class KeyHost extends LitElement {
  static override properties = { key: {} };
  declare key: string | undefined;
  renders = 0;
  readonly price: StoreKeyController<number>;

  constructor(store: ReadableAtom<Prices>, key: string | undefined) {
    super();
    this.key = key;
    this.price = new StoreKeyController(this, store, () => this.key);
  }

  override render() {
    this.renders += 1;
    return html`${this.price.value ?? 'none'}`;
  }
}
customElements.define('test-store-key-host', KeyHost);

/** Shows whichever store it picks; the pick may change. */
class SelectHost extends LitElement {
  static override properties = { picked: { attribute: false } };
  declare picked: ReadableAtom<number> | undefined;
  renders = 0;
  readonly shown: StoreSelectController<number>;

  constructor(picked: ReadableAtom<number> | undefined) {
    super();
    this.picked = picked;
    this.shown = new StoreSelectController(this, () => this.picked);
  }

  override render() {
    this.renders += 1;
    return html`${this.shown.value ?? 'none'}`;
  }
}
customElements.define('test-store-select-host', SelectHost);

/** Puts `el` on the page, rendered. */
async function place<T extends LitElement>(el: T): Promise<T> {
  await fixture(html`<div>${el}</div>`);
  await el.updateComplete;
  return el;
}

/** Takes `el` off the page and puts it back where it was, as a framework moving it would. */
async function takeOffAndBack(el: LitElement, meanwhile: () => void): Promise<void> {
  const parent = el.parentNode!;
  el.remove();
  meanwhile();
  parent.append(el);
  await el.updateComplete;
}

const text = (el: LitElement) => el.shadowRoot!.textContent;

/** A store that starts itself while listened to, and says so. */
function startingAtom(value: number) {
  const store = atom(value);
  const events: string[] = [];
  onMount(store, () => {
    events.push('start');
    return () => events.push('stop');
  });
  return { store, events };
}

describe('StoreController', () => {
  it('shows the store’s value and renders again on every change', async () => {
    const store = atom(1);
    const el = await place(new ValueHost(store));
    expect(text(el)).to.equal('1');
    store.set(2);
    await el.updateComplete;
    expect(text(el)).to.equal('2');
    expect(el.renders).to.equal(2);
  });

  it('follows nothing once off the page, so a store can stop itself', async () => {
    const { store, events } = startingAtom(1);
    const el = await place(new ValueHost(store));
    expect(events).to.deep.equal(['start']);
    el.remove();
    store.set(2);
    await el.updateComplete;
    expect(el.renders).to.equal(1);
    expect(store.lc).to.equal(0);
    await until(() => events.includes('stop'), 'the store to stop');
  });

  it('shows the current value when put back on the page after a change', async () => {
    const store = atom(1);
    const el = await place(new ValueHost(store));
    await takeOffAndBack(el, () => store.set(2));
    expect(text(el)).to.equal('2');
    store.set(3);
    await el.updateComplete;
    expect(text(el)).to.equal('3');
  });
});

describe('StoreKeyController', () => {
  it('renders again only when its own key changes', async () => {
    const store = map<Prices>({ a: 10, b: 20 });
    const el = await place(new KeyHost(store, 'a'));
    expect(text(el)).to.equal('10');
    store.setKey('b', 21);
    store.setKey('c', 30);
    await el.updateComplete;
    expect(el.renders).to.equal(1);
    store.setKey('a', 11);
    await el.updateComplete;
    expect(text(el)).to.equal('11');
    expect(el.renders).to.equal(2);
  });

  it('follows the new key when the element’s key changes', async () => {
    const store = map<Prices>({ a: 10, b: 20 });
    const el = await place(new KeyHost(store, 'a'));
    el.key = 'b';
    await el.updateComplete;
    expect(text(el)).to.equal('20');
    const renders = el.renders;
    store.setKey('a', 11);
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
    store.setKey('b', 21);
    await el.updateComplete;
    expect(text(el)).to.equal('21');
  });

  it('follows nothing without a key, or off the page', async () => {
    const store = map<Prices>({ a: 10 });
    const el = await place(new KeyHost(store, undefined));
    expect(text(el)).to.equal('none');
    expect(store.lc).to.equal(0);
    el.key = 'a';
    await el.updateComplete;
    expect(text(el)).to.equal('10');
    expect(store.lc).to.equal(1);
    el.remove();
    expect(store.lc).to.equal(0);
    store.setKey('a', 11);
    await el.updateComplete;
    expect(text(el)).to.equal('10');
  });

  it('shows the current value when put back on the page after a change', async () => {
    const store = map<Prices>({ a: 10 });
    const el = await place(new KeyHost(store, 'a'));
    await takeOffAndBack(el, () => store.setKey('a', 11));
    expect(text(el)).to.equal('11');
  });
});

describe('StoreSelectController', () => {
  it('follows the store it picks, and only that one after picking another', async () => {
    const first = atom(1);
    const second = atom(2);
    const el = await place(new SelectHost(first));
    expect(text(el)).to.equal('1');
    el.picked = second;
    await el.updateComplete;
    expect(text(el)).to.equal('2');
    expect(first.lc).to.equal(0);
    const renders = el.renders;
    first.set(10);
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
    second.set(20);
    await el.updateComplete;
    expect(text(el)).to.equal('20');
  });

  it('follows nothing when it picks nothing', async () => {
    const store = atom(1);
    const el = await place(new SelectHost(store));
    el.picked = undefined;
    await el.updateComplete;
    expect(text(el)).to.equal('none');
    expect(store.lc).to.equal(0);
  });

  it('keeps a store that starts itself started only while the element is on the page', async () => {
    const { store, events } = startingAtom(1);
    const el = await place(new SelectHost(store));
    expect(events).to.deep.equal(['start']);
    const parent = el.parentNode!;
    el.remove();
    await until(() => events.length === 2, 'the store to stop');
    expect(events).to.deep.equal(['start', 'stop']);
    parent.append(el);
    expect(events).to.deep.equal(['start', 'stop', 'start']);
    store.set(2);
    await el.updateComplete;
    expect(text(el)).to.equal('2');
  });

  it('stops the store it left when it picks another', async () => {
    const { store: first, events } = startingAtom(1);
    const el = await place(new SelectHost(first));
    el.picked = atom(2);
    await el.updateComplete;
    await until(() => events.includes('stop'), 'the first store to stop');
  });

  it('shows the current value when put back on the page after a change', async () => {
    const store = atom(1);
    const el = await place(new SelectHost(store));
    await takeOffAndBack(el, () => store.set(2));
    expect(text(el)).to.equal('2');
  });
});
