import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import { shownValue } from './device.js';
import { listenKey, listenShared } from './keyed.js';

type Followed = readonly [store: ReadableAtom<unknown>, key?: string];

/**
 * Keeps a Lit element in step with a store (or one key of a map store): subscribed while the
 * element is on the page, asking for an update on every change, and following another store
 * or key when what `follow` names changes (checked on connect and before each update).
 */
class FollowController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private followed: Followed | undefined;
  private connected = false;

  constructor(
    protected readonly host: ReactiveControllerHost,
    protected readonly follow: () => Followed | undefined,
  ) {
    host.addController(this);
  }

  private sync(): void {
    const next = this.connected ? this.follow() : undefined;
    if (next?.[0] === this.followed?.[0] && next?.[1] === this.followed?.[1]) return;
    this.unsubscribe?.();
    this.followed = next;
    const wake = () => this.host.requestUpdate();
    this.unsubscribe = next
      ? next[1] === undefined
        ? listenShared(next[0], wake)
        : listenKey(next[0] as ReadableAtom<Record<string, unknown>>, next[1], wake)
      : undefined;
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
    // Put back on the page: what changed while it was away shows now.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }
}

/** Follows one store for as long as the element is on the page. */
export class StoreController<T> extends FollowController {
  constructor(
    host: ReactiveControllerHost,
    private readonly store: ReadableAtom<T>,
  ) {
    super(host, () => [store]);
  }

  get value(): T {
    return shownValue(this.host, this.store);
  }
}

/**
 * Follows one key of a map store, e.g. one product in `$wishlist`: the element updates only
 * when that key changes. The key may change over the element's life.
 */
export class StoreKeyController<T> extends FollowController {
  constructor(
    host: ReactiveControllerHost,
    private readonly store: ReadableAtom<Record<string, T | undefined>>,
    private readonly key: () => string | undefined,
  ) {
    super(host, () => {
      const key = this.key();
      return key === undefined ? undefined : [store, key];
    });
  }

  get value(): T | undefined {
    const key = this.key();
    return key === undefined ? undefined : shownValue(this.host, this.store)[key];
  }
}

/**
 * Follows a store the element picks, and may pick again (one campaign's store, by the
 * element's `campaign`); `undefined` follows nothing. Following a store that starts itself
 * (nanostores' `onMount`) keeps it started while the element is on the page.
 */
export class StoreSelectController<T> extends FollowController {
  constructor(
    host: ReactiveControllerHost,
    private readonly select: () => ReadableAtom<T> | undefined,
  ) {
    super(host, () => {
      const store = this.select();
      return store && [store];
    });
  }

  get value(): T | undefined {
    const store = this.select();
    return store && shownValue(this.host, store);
  }
}
