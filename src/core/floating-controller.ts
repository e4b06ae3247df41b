import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  size,
  type Placement,
} from '@floating-ui/dom';

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

  open(anchor: HTMLElement, floating: HTMLElement): void {
    this.close();
    const update = async (): Promise<void> => {
      const { x, y, placement } = await computePosition(anchor, floating, {
        placement: this.placement,
        strategy: 'fixed',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
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
    this.cleanup = autoUpdate(anchor, floating, () => void update());
  }

  close(): void {
    this.cleanup?.();
    this.cleanup = undefined;
  }

  hostDisconnected(): void {
    this.close();
  }
}
