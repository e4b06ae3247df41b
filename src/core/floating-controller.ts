import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Placement } from '@floating-ui/dom';
import { warn } from './warn.js';

let floatingUi: Promise<typeof import('./floating-ui.js')> | undefined;

/**
 * floating-ui arrives with the first popover a shopper opens (or points at), not with the
 * page: most visits never open a menu. Call it early, on hover or focus, to hide the wait.
 */
export function loadFloatingUi(): Promise<typeof import('./floating-ui.js')> {
  return (floatingUi ??= import('./floating-ui.js'));
}

/**
 * Positions a popover next to its anchor with floating-ui. `autoUpdate` (scroll, resize and
 * layout observers) runs only while the popover is open, and stops when the host leaves the
 * page, so a closed menu costs nothing.
 */
export class FloatingController implements ReactiveController {
  private cleanup: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly placement: Placement = 'bottom-start',
  ) {
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.cleanup !== undefined;
  }

  /**
   * Positions `floating` next to `anchor` until `close()`. `boundary` keeps it inside an
   * element (a story's slide) as far as it fits; by default, inside the viewport.
   */
  open(
    anchor: HTMLElement,
    floating: HTMLElement,
    { boundary }: { boundary?: Element | null } = {},
  ): void {
    this.close();
    let open = true;
    let stopUpdates: (() => void) | undefined;
    this.cleanup = () => {
      open = false;
      stopUpdates?.();
    };
    loadFloatingUi().then(
      ({ autoUpdate, computePosition, flip, offset, shift, size }) => {
        if (!open) return;
        const update = async (): Promise<void> => {
          const { x, y, placement } = await computePosition(anchor, floating, {
            placement: this.placement,
            strategy: 'fixed',
            middleware: [
              offset(6),
              flip({ padding: 8, ...(boundary ? { boundary } : {}) }),
              shift({ padding: 8, ...(boundary ? { boundary } : {}) }),
              // A panel wider than its boundary (a card on a narrow story) still stays on
              // screen: 320 px windows scroll no sideways (WCAG 1.4.10).
              ...(boundary ? [shift({ padding: 8 })] : []),
              size({
                padding: 8,
                apply({ availableHeight }) {
                  floating.style.maxHeight = `${Math.max(160, availableHeight)}px`;
                },
              }),
            ],
          });
          Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
          floating.dataset.placement = placement;
        };
        stopUpdates = autoUpdate(anchor, floating, () => void update());
      },
      (error: unknown) => warn(`could not load the popover positioning: ${String(error)}`),
    );
  }

  close(): void {
    this.cleanup?.();
    this.cleanup = undefined;
  }

  hostDisconnected(): void {
    this.close();
  }
}
