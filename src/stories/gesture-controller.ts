import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A press longer than this is a hold (a shorter one is a tap). */
const HOLD_MS = 250;
/** A horizontal move longer than this is a swipe. */
const SWIPE_PX = 40;
const TAP_PX = 10;
/** The start side of the slide goes back on a tap, the rest goes forward. */
const BACK_ZONE = 0.3;

export interface GestureOptions {
  /** Right to left: the back zone and the swipe directions mirror. */
  rtl: () => boolean;
  /** A tap (`back` in the start side) or a swipe (`back` towards the end side). */
  onStep: (back: boolean) => void;
  /** A press held (`true`) and let go (`false`). */
  onHold: (holding: boolean) => void;
  /** Whether a press on this path belongs to a control (a button, a hotspot), not the slide. */
  ignore: (path: EventTarget[]) => boolean;
}

type Pointer = { id: number; x: number; y: number; hold: ReturnType<typeof setTimeout> };

/**
 * Reads a stories viewport's pointer gestures: a tap on the start side goes back and anywhere
 * else goes on, a sideways swipe steps (content follows the finger), a press held pauses.
 * Bind `handlers` on the viewport; nothing outlives the host.
 */
export class GestureController implements ReactiveController {
  private pointer: Pointer | undefined;
  private holding = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: GestureOptions,
  ) {
    host.addController(this);
  }

  readonly handlers = {
    pointerdown: (event: PointerEvent): void => {
      if (!event.isPrimary || event.button !== 0 || this.options.ignore(event.composedPath())) {
        return;
      }
      try {
        // Keeps the pointer's up event here even if it ends outside the slide.
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      } catch {
        /* a pointer the browser no longer tracks: the gesture is read without capture */
      }
      this.pointer = {
        id: event.pointerId,
        x: event.clientX,
        y: event.clientY,
        hold: setTimeout(() => this.hold(true), HOLD_MS),
      };
    },
    pointermove: (event: PointerEvent): void => {
      const pointer = this.pointer;
      if (!pointer || pointer.id !== event.pointerId) return;
      const moved = Math.hypot(event.clientX - pointer.x, event.clientY - pointer.y);
      if (moved > TAP_PX && !this.holding) clearTimeout(pointer.hold);
    },
    pointerup: (event: PointerEvent): void => {
      const pointer = this.pointer;
      if (!pointer || pointer.id !== event.pointerId) return;
      this.pointer = undefined;
      clearTimeout(pointer.hold);
      if (this.holding) {
        this.hold(false);
        return;
      }
      const rtl = this.options.rtl();
      const dx = event.clientX - pointer.x;
      const dy = event.clientY - pointer.y;
      if (Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(dy)) {
        // The next slide comes from the end side (the right in LTR): a swipe towards the start.
        this.options.onStep(rtl ? dx < 0 : dx > 0);
        return;
      }
      if (Math.abs(dx) < TAP_PX && Math.abs(dy) < TAP_PX) {
        const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
        const fromLeft = (event.clientX - box.left) / box.width;
        this.options.onStep(rtl ? fromLeft > 1 - BACK_ZONE : fromLeft < BACK_ZONE);
      }
    },
    pointercancel: (): void => this.cancel(),
    // A press on a picture is a tap or a hold, not the start of an image drag.
    dragstart: (event: DragEvent): void => event.preventDefault(),
  };

  hostDisconnected(): void {
    this.cancel();
  }

  private hold(on: boolean): void {
    this.holding = on;
    this.options.onHold(on);
  }

  private cancel(): void {
    clearTimeout(this.pointer?.hold);
    this.pointer = undefined;
    if (this.holding) this.hold(false);
  }
}
