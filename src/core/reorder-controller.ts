import type { ReactiveController, ReactiveControllerHost } from 'lit';

const MOVE_MS = 320;
const EASING = 'cubic-bezier(0.2, 0, 0, 1)';

/**
 * Animates the items of a list to their new places when an update reorders them (FLIP):
 * where each item was is read before the update, and it slides from there to where it is.
 * Items are told apart by a key, so it does not matter which element Lit reuses for which.
 * Transform only (no layout cost, the list's layout never jumps), and none under
 * `prefers-reduced-motion`.
 */
export class ReorderController implements ReactiveController {
  private before = new Map<string, number>();

  constructor(
    host: ReactiveControllerHost,
    /** The items, each with its key. */
    private readonly items: () => Iterable<[key: string, element: HTMLElement]>,
    /**
     * The keys in the order the coming render shows them: when the items already stand in
     * that order, nothing is measured (reading where an item is forces the page's layout).
     */
    private readonly order?: () => readonly string[],
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.before = new Map();
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const items = [...this.items()];
    const next = this.order?.();
    if (items.length === 0 || (next && sameOrder(items, next))) return;
    for (const [key, item] of items) this.before.set(key, item.getBoundingClientRect().top);
  }

  hostUpdated(): void {
    if (this.before.size === 0) return;
    for (const [key, item] of this.items()) {
      const was = this.before.get(key);
      const delta = was === undefined ? 0 : was - item.getBoundingClientRect().top;
      if (Math.abs(delta) < 1) continue;
      item.animate([{ transform: `translateY(${delta}px)` }, { transform: 'none' }], {
        duration: MOVE_MS,
        easing: EASING,
      });
    }
  }
}

const sameOrder = (items: [string, HTMLElement][], keys: readonly string[]): boolean =>
  items.length === keys.length && items.every(([key], index) => key === keys[index]);
