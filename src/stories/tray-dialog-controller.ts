import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A downward move longer than this, and mostly downward, closes the stories. */
const SWIPE_DOWN_PX = 80;

export interface TrayDialogOptions {
  dialog: () => HTMLDialogElement | null | undefined;
  /** Where the keyboard starts once the dialog opens. */
  initialFocus: () => HTMLElement | null | undefined;
  /** Where the keyboard goes back to once it closed. */
  returnFocus: () => HTMLElement | null | undefined;
  /** The dialog closed, whichever way (Escape, the close button, a swipe down, the end). */
  onClosed: () => void;
}

/**
 * The full-screen dialog of a stories tray: a real modal `<dialog>` (the page behind inert,
 * Escape closes it), the page behind kept from scrolling while it is open, a swipe down that
 * closes it, and the keyboard taken back to where it was. Nothing outlives the host.
 */
export class TrayDialogController implements ReactiveController {
  private start: { x: number; y: number } | undefined;
  private savedOverflow: string | undefined;
  private shown = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: TrayDialogOptions,
  ) {
    host.addController(this);
  }

  get open(): boolean {
    return this.options.dialog()?.open ?? false;
  }

  show(): void {
    const dialog = this.options.dialog();
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.shown = true;
    this.lockScroll(true);
    this.options.initialFocus()?.focus();
  }

  /** Closes at once: the group lets go and the keyboard is back before this returns. */
  close(): void {
    this.options.dialog()?.close();
    this.closed();
  }

  /** Once per opening, whichever way it closed (Escape closes it before telling). */
  private closed(): void {
    if (!this.shown || this.open) return;
    this.shown = false;
    this.lockScroll(false);
    this.options.onClosed();
    this.options.returnFocus()?.focus({ preventScroll: true });
  }

  readonly handlers = {
    close: (): void => this.closed(),
    pointerdown: (event: PointerEvent): void => {
      if (event.isPrimary) this.start = { x: event.clientX, y: event.clientY };
    },
    pointerup: (event: PointerEvent): void => this.end(event.clientX, event.clientY),
    // A finger's vertical move is the browser's to pan (the carousel lets it): its pointer is
    // cancelled, and only the touch events tell where it went.
    touchstart: (event: TouchEvent): void => {
      const touch = event.touches[0];
      if (event.touches.length === 1 && touch) this.start = { x: touch.clientX, y: touch.clientY };
    },
    touchend: (event: TouchEvent): void => {
      const touch = event.changedTouches[0];
      if (touch) this.end(touch.clientX, touch.clientY);
    },
  };

  private end(x: number, y: number): void {
    const start = this.start;
    this.start = undefined;
    if (!start) return;
    const dx = x - start.x;
    const dy = y - start.y;
    if (dy > SWIPE_DOWN_PX && dy > 2 * Math.abs(dx)) this.close();
  }

  private lockScroll(on: boolean): void {
    const root = document.documentElement;
    if (on && this.savedOverflow === undefined) {
      this.savedOverflow = root.style.overflow;
      root.style.overflow = 'hidden';
    } else if (!on && this.savedOverflow !== undefined) {
      root.style.overflow = this.savedOverflow;
      this.savedOverflow = undefined;
    }
  }

  hostDisconnected(): void {
    this.start = undefined;
    this.shown = false;
    // Taken off the page while open: the dialog goes with it, the page scrolls again.
    this.lockScroll(false);
  }
}
