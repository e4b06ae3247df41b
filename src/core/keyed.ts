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
