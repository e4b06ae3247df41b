import type { ReadableAtom } from 'nanostores';

type Listener = () => void;
type Keyed = Record<string, unknown>;

interface Dispatcher {
  listeners: Map<string, Set<Listener>>;
  stop: () => void;
}

const dispatchers = new WeakMap<ReadableAtom<Keyed>, Dispatcher>();

/**
 * Listens to one key of a map store. A page holds one real store listener per store, which
 * fans out to the listeners of the keys that changed: toggling one product wakes only the
 * widgets that show that product, and adding or removing a listener costs O(1) however many
 * thousand widgets the page has (nanostores' own listener list is O(n) to unsubscribe).
 */
export function listenKey(store: ReadableAtom<Keyed>, key: string, listener: Listener): () => void {
  let dispatcher = dispatchers.get(store);
  if (!dispatcher) {
    const listeners = new Map<string, Set<Listener>>();
    const stop = store.listen((value, oldValue, changedKey?: unknown) => {
      const changed =
        typeof changedKey === 'string'
          ? [changedKey]
          : [...listeners.keys()].filter((k) => value[k] !== (oldValue as Keyed | undefined)?.[k]);
      for (const k of changed) listeners.get(k)?.forEach((call) => call());
    });
    dispatchers.set(store, (dispatcher = { listeners, stop }));
  }
  const { listeners } = dispatcher;
  let forKey = listeners.get(key);
  if (!forKey) listeners.set(key, (forKey = new Set()));
  forKey.add(listener);
  return () => {
    forKey.delete(listener);
    if (forKey.size === 0) listeners.delete(key);
    if (listeners.size === 0 && dispatchers.get(store) === dispatcher) {
      dispatcher.stop();
      dispatchers.delete(store);
    }
  };
}

const shared = new WeakMap<ReadableAtom<unknown>, { listeners: Set<Listener>; stop: () => void }>();

/**
 * Listens to a store through one real store listener per store and page: a thousand widgets
 * following `$config` add and remove their listeners in O(1), so removing them all is
 * linear, not quadratic (nanostores finds a listener to remove by scanning its list).
 */
export function listenShared(store: ReadableAtom<unknown>, listener: Listener): () => void {
  let entry = shared.get(store);
  if (!entry) {
    const listeners = new Set<Listener>();
    const stop = store.listen(() => listeners.forEach((call) => call()));
    shared.set(store, (entry = { listeners, stop }));
  }
  const current = entry;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0 && shared.get(store) === current) {
      current.stop();
      shared.delete(store);
    }
  };
}
