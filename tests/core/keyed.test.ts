import { expect } from '@open-wc/testing';
import { atom, map, onMount } from 'nanostores';
import { listenKey, listenShared } from '../../src/core/keyed.js';
import { until } from '../support/helpers.js';

/** A map store that says when it starts and stops, as a store with a live connection does. */
function startingMap(): {
  store: ReturnType<typeof map<Record<string, number | undefined>>>;
  events: string[];
} {
  const store = map<Record<string, number | undefined>>({});
  const events: string[] = [];
  onMount(store, () => {
    events.push('start');
    return () => events.push('stop');
  });
  return { store, events };
}

describe('listenKey() and listenShared()', () => {
  it('add one real listener to a store, however many widgets follow it', () => {
    const store = map<Record<string, number | undefined>>({});
    const stops = [
      ...Array.from({ length: 500 }, (_, i) => listenKey(store, `p${i % 50}`, () => {})),
      ...Array.from({ length: 500 }, () => listenShared(store, () => {})),
    ];
    expect(store.lc).to.equal(1);
    stops.forEach((stop) => stop());
    expect(store.lc).to.equal(0);
  });

  it('wake the listeners of the key that changed, and every whole-store listener', () => {
    const store = map<Record<string, number | undefined>>({ a: 1, b: 1 });
    const calls: string[] = [];
    const stops = [
      listenKey(store, 'a', () => calls.push('a')),
      listenKey(store, 'a', () => calls.push('a again')),
      listenKey(store, 'b', () => calls.push('b')),
      listenShared(store, () => calls.push('all')),
    ];
    store.setKey('b', 2);
    expect(calls).to.deep.equal(['all', 'b']);
    calls.length = 0;
    store.setKey('c', 1);
    expect(calls).to.deep.equal(['all']);
    stops.forEach((stop) => stop());
  });

  it('find the keys that changed when the whole store is replaced', () => {
    const store = map<Record<string, number | undefined>>({ a: 1, b: 1, c: 1 });
    const calls: string[] = [];
    const stops = ['a', 'b', 'c', 'd'].map((key) => listenKey(store, key, () => calls.push(key)));
    store.set({ a: 1, b: 2, d: 4 });
    expect(calls.sort()).to.deep.equal(['b', 'c', 'd']);
    stops.forEach((stop) => stop());
  });

  it('follow a store that is not a map', () => {
    const store = atom(0);
    const seen: number[] = [];
    const stop = listenShared(store, () => seen.push(store.get()));
    store.set(1);
    store.set(1);
    store.set(2);
    stop();
    store.set(3);
    expect(seen).to.deep.equal([1, 2]);
  });

  it('let a store stop itself after the last listener left, and start again', async () => {
    const { store, events } = startingMap();
    const stopKey = listenKey(store, 'a', () => {});
    const stopAll = listenShared(store, () => {});
    expect(events).to.deep.equal(['start']);
    stopKey();
    expect(store.lc).to.equal(1);
    stopAll();
    expect(store.lc).to.equal(0);
    await until(() => events.length === 2, 'the store to stop');
    expect(events).to.deep.equal(['start', 'stop']);

    const calls: string[] = [];
    const stop = listenKey(store, 'a', () => calls.push('a'));
    expect(events).to.deep.equal(['start', 'stop', 'start']);
    store.setKey('a', 1);
    expect(calls).to.deep.equal(['a']);
    stop();
  });

  it('stop nothing else when one widget stops twice', () => {
    const store = map<Record<string, number | undefined>>({});
    const calls: string[] = [];
    const stopOther = listenKey(store, 'other', () => calls.push('other'));
    const stopFirst = listenKey(store, 'a', () => calls.push('first'));
    stopFirst();
    const stopSecond = listenKey(store, 'a', () => calls.push('second'));
    // A second call must be a no-op, as nanostores' own unbind is.
    stopFirst();
    store.setKey('a', 1);
    expect(calls).to.deep.equal(['second']);
    stopSecond();
    stopOther();
  });
});
