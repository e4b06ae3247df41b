import type { ReadableAtom } from 'nanostores';

/**
 * Stores that hold what only the shopper's device knows (the stored wishlist, the session,
 * live counts, what the page learnt about products), each with the value a server shows
 * instead. A server-rendered widget is drawn with these values, and so is its first render in
 * the browser, which adopts the server's markup as it is (hydration); the device's own values
 * follow in the next, ordinary update.
 */
const serverValues = new WeakMap<ReadableAtom<unknown>, unknown>();

/** Marks `store` as the device's, shown as `serverValue` until the widget has hydrated. */
export function onDevice<S extends ReadableAtom<unknown>>(store: S, serverValue: unknown): S {
  serverValues.set(store, serverValue);
  return store;
}

/** A host that may be drawing what the server drew (see `VitrineElement`). */
export interface MaybeServerDrawn {
  readonly serverDrawn?: boolean;
}

/** What `store` shows in `host` now: its server value while the host draws as the server did. */
export function shownValue<T>(host: unknown, store: ReadableAtom<T>): T {
  if ((host as MaybeServerDrawn).serverDrawn === true && serverValues.has(store)) {
    return serverValues.get(store) as T;
  }
  return store.get();
}
