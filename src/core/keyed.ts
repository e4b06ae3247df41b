import type { ReadableAtom } from 'nanostores';

type Listener = () => void;
type Keyed = Record<string, unknown>;

interface Dispatcher {
  /** Called on every change of the store. */
  all: Set<Listener>;
  /** Called when their key changed (map stores). */
  keys: Map<string, Set<Listener>>;
  stop: () => void;
}

const dispatchers = new WeakMap<ReadableAtom<unknown>, Dispatcher>();

/**
 * Adds `listener` to the page's one real listener of `store`, which fans out to the widgets
 * that follow the whole store and to those that follow the key that changed. A listener is
 * added and removed in O(1) however many thousand widgets the page has (nanostores finds a
 * listener to remove by scanning its list, which makes a large teardown quadratic), and
 * toggling one product wakes only the widgets that show that product.
 */
function follow(store: ReadableAtom<unknown>, listener: Listener, key?: string): () => void {
  let dispatcher = dispatchers.get(store);
  if (!dispatcher) {
    const all = new Set<Listener>();
    const keys = new Map<string, Set<Listener>>();
    const stop = store.listen((value, oldValue, changedKey?: unknown) => {
      all.forEach((call) => call());
      const changed =
        typeof changedKey === 'string'
          ? [changedKey]
          : [...keys.keys()].filter((k) => (value as Keyed)[k] !== (oldValue as Keyed)?.[k]);
      for (const k of changed) keys.get(k)?.forEach((call) => call());
    });
    dispatchers.set(store, (dispatcher = { all, keys, stop }));
  }
  const { all, keys, stop } = dispatcher;
  let set = all;
  if (key !== undefined) {
    set = keys.get(key) ?? new Set();
    keys.set(key, set);
  }
  set.add(listener);
  const current = dispatcher;
  let stopped = false;
  return () => {
    // A second call stops nothing: not a later listener of the same key.
    if (stopped) return;
    stopped = true;
    set.delete(listener);
    if (key !== undefined && set.size === 0 && keys.get(key) === set) keys.delete(key);
    if (all.size === 0 && keys.size === 0 && dispatchers.get(store) === current) {
      stop();
      dispatchers.delete(store);
    }
  };
}

/** Listens to one key of a map store (see `follow`). */
export const listenKey = (store: ReadableAtom<Keyed>, key: string, listener: Listener) =>
  follow(store, listener, key);

/** Listens to every change of a store (see `follow`). */
export const listenShared = (store: ReadableAtom<unknown>, listener: Listener) =>
  follow(store, listener);
