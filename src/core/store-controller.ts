import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import { listenKey, listenShared } from './keyed.js';

/**
 * Keeps a Lit element in step with a nanostores store: subscribes while the element is
 * connected and asks for an update on every change.
 */
export class StoreController<T> implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: ReadableAtom<T>,
  ) {
    host.addController(this);
  }

  get value(): T {
    return this.store.get();
  }

  hostConnected(): void {
    this.unsubscribe = listenShared(this.store, () => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

/**
 * Like StoreController for one key of a map store, e.g. one product in `$wishlist`: the
 * element updates only when that key changes. The key may change over the element's life.
 */
export class StoreKeyController<T> implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private subscribedKey: string | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: ReadableAtom<Record<string, T | undefined>>,
    private readonly key: () => string | undefined,
  ) {
    host.addController(this);
  }

  get value(): T | undefined {
    const key = this.key();
    return key === undefined ? undefined : this.store.get()[key];
  }

  /** Re-subscribes when the key changed; called on connect and before each update. */
  private sync(): void {
    const key = this.connected ? this.key() : undefined;
    if (key === this.subscribedKey) return;
    this.unsubscribe?.();
    this.subscribedKey = key;
    this.unsubscribe =
      key === undefined
        ? undefined
        : listenKey(this.store as ReadableAtom<Record<string, unknown>>, key, () =>
            this.host.requestUpdate(),
          );
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }
}

/**
 * Like StoreController for a store the element picks, and may pick again (one campaign's
 * store, by the element's `campaign`): `select` is asked on connect and before each update,
 * and `undefined` follows nothing. Following a store that starts itself (nanostores'
 * `onMount`) keeps it started while the element is on the page.
 */
export class StoreSelectController<T> implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private followed: ReadableAtom<T> | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly select: () => ReadableAtom<T> | undefined,
  ) {
    host.addController(this);
  }

  get value(): T | undefined {
    return (this.followed ?? this.select())?.get();
  }

  private sync(): void {
    const store = this.connected ? this.select() : undefined;
    if (store === this.followed) return;
    this.unsubscribe?.();
    this.followed = store;
    this.unsubscribe = store && listenShared(store, () => this.host.requestUpdate());
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }
}
