import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type BagLine, type BagSource } from '../core/events.js';
import { warn } from '../core/warn.js';
import type { ProductInfo } from '../stores/products.js';

/** Where a request for the bag stands, as its button shows it. */
export type BagState = 'idle' | 'adding' | 'added' | 'failed';

/** How long a button waits for the brand's `done(ok)` before it stops saying "adding". */
export const BAG_WAIT_MS = 15_000;

/** The bag's lines for `pieces`: one of each, none of those the page marked unavailable. */
export const bagLines = (pieces: readonly ProductInfo[]): BagLine[] =>
  pieces
    .filter((piece) => piece.available !== false)
    .map(({ productId, variantId }) =>
      variantId === undefined ? { productId, quantity: 1 } : { productId, variantId, quantity: 1 },
    );

/**
 * One "add to bag" button's request: fires the cancelable `vitrine-add-to-bag` from the host,
 * follows the brand's `done(ok)` into adding / added / could not add, and forgets a request
 * once its element leaves the page (a late `done` changes nothing).
 */
export class BagController implements ReactiveController {
  state: BagState = 'idle';
  /** How many lines the last request carried, for its announcement. */
  lines = 0;
  private request = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  /** Asks the brand's cart for `pieces`; does nothing while a request is on its way. */
  add(pieces: readonly ProductInfo[], source: BagSource): void {
    const items = bagLines(pieces);
    if (this.state === 'adding' || items.length === 0) return;
    const request = ++this.request;
    let settled = false;
    const done = (ok: boolean): void => {
      if (settled || request !== this.request) return;
      settled = true;
      this.stopWaiting();
      if (typeof ok !== 'boolean') {
        warn(
          `vitrine-add-to-bag: done() takes true or false (got ${String(ok)}); read as ${ok ? 'true' : 'false'}.`,
        );
      }
      this.show(ok ? 'added' : 'failed');
    };
    this.lines = items.length;
    const proceed = emit(
      this.host,
      'vitrine-add-to-bag',
      { items, source, done },
      { cancelable: true },
    );
    if (!proceed && !settled) {
      // The brand takes it from here: the button stays as it was.
      settled = true;
      return;
    }
    if (settled) return;
    this.show('adding');
    this.timer = setTimeout(() => {
      if (settled || request !== this.request) return;
      settled = true;
      warn(
        'vitrine-add-to-bag: no done(ok) came; call event.detail.done(true) once the pieces are in the bag, or done(false).',
        'bag-no-done',
      );
      this.show('idle');
    }, BAG_WAIT_MS);
  }

  /** Forgets the request under way (its element left, or shows other pieces now). */
  forget(): void {
    this.request += 1;
    this.stopWaiting();
    this.state = 'idle';
  }

  hostDisconnected(): void {
    this.forget();
  }

  private stopWaiting(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private show(state: BagState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
