import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** Why the slides are not moving on their own, besides the rotation being off. */
export type PauseReason = 'hover' | 'hold' | 'hidden' | 'offscreen' | 'card' | 'loading';

export interface RotationOptions {
  /** The shown slide's progress fill, animated from empty to full over its time. */
  fill: () => HTMLElement | null | undefined;
  /** How long the shown slide lasts, in seconds. */
  seconds: () => number;
  /** Its video, if it has one: played while the rotation runs, paused otherwise. */
  video: () => HTMLVideoElement | undefined;
  /** Every slide's video, to pause and rewind those not shown. */
  videos: () => Iterable<HTMLVideoElement>;
  /** The shown slide's time is up. */
  onEnd: () => void;
}

/**
 * The automatic slide show of a carousel (Shoelace's AutoplayController, with the WAI-ARIA
 * carousel pattern's rules): on or off, held for as long as any reason holds it (a hover, a
 * press, an open card, a hidden tab, the carousel off screen, the slide's media loading),
 * never on under `prefers-reduced-motion`. Runs the shown slide's progress bar and video, and
 * tells the host when its time is up.
 */
export class RotationController implements ReactiveController {
  private on = false;
  private readonly reasons = new Set<PauseReason>();
  private progress: Animation | undefined;
  private visibility: IntersectionObserver | undefined;
  /** The shopper's motion preference; a server has none. */
  private readonly reducedMotion = isServer
    ? undefined
    : matchMedia('(prefers-reduced-motion: reduce)');

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RotationOptions,
  ) {
    host.addController(this);
  }

  /** Whether the slide show is on (held or not): what the rotation button shows. */
  get rotating(): boolean {
    return this.on;
  }

  /** Turns the slide show on or off; never on when the shopper asked for reduced motion. */
  set rotating(on: boolean) {
    const next = on && !this.reducedMotion?.matches;
    if (next === this.on) return;
    this.on = next;
    this.host.requestUpdate();
  }

  /** Whether the slides move now: on, and nothing holds them. */
  get running(): boolean {
    return this.on && this.reasons.size === 0;
  }

  held(reason: PauseReason): boolean {
    return this.reasons.has(reason);
  }

  /** Adds or removes a reason to hold the slide show where it is. */
  pause(reason: PauseReason, on: boolean): void {
    if (this.reasons.has(reason) === on) return;
    if (on) this.reasons.add(reason);
    else this.reasons.delete(reason);
    this.host.requestUpdate();
  }

  /** Another slide is shown: its time starts over, once its media can be shown. */
  restart(): void {
    this.progress?.cancel();
    this.progress = undefined;
  }

  /** The show ended (the last slide, no loop): off, and the bar stays as it was. */
  end(): void {
    this.on = false;
    this.restart();
    this.host.requestUpdate();
  }

  private listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    this.reducedMotion?.[method]('change', this.onMotionPreference);
    document[method]('visibilitychange', this.onVisibility);
  }

  hostConnected(): void {
    this.listen(true);
    this.onVisibility();
    // Seen when half of it is in view, or it fills half of the window (a tall carousel on a
    // desktop page never shows half of itself).
    this.visibility = new IntersectionObserver(
      ([entry]) => {
        const view = entry?.rootBounds?.height || innerHeight;
        const seen =
          entry !== undefined &&
          entry.isIntersecting &&
          (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= view / 2);
        this.pause('offscreen', !seen);
      },
      { threshold: Array.from({ length: 21 }, (_, i) => i / 20) },
    );
    this.visibility.observe(this.host);
  }

  hostDisconnected(): void {
    this.listen(false);
    this.visibility?.disconnect();
    this.visibility = undefined;
    this.restart();
    for (const video of this.options.videos()) video.pause();
  }

  /** After each render: runs or holds the progress bar and the shown slide's video. */
  hostUpdated(): void {
    const running = this.running;
    if (running && !this.progress && !this.reasons.has('loading')) {
      const fill = this.options.fill();
      if (fill) {
        const animation = fill.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }], {
          duration: this.options.seconds() * 1000,
          fill: 'forwards',
        });
        this.progress = animation;
        animation.finished.then(
          () => {
            if (this.progress === animation) this.options.onEnd();
          },
          () => {
            /* cancelled: another slide was chosen */
          },
        );
      }
    }
    if (this.progress) {
      if (running) this.progress.play();
      else this.progress.pause();
    }
    const shown = this.options.video();
    for (const video of this.options.videos()) {
      if (video === shown && running) {
        video.play().catch(() => {
          /* the browser refused autoplay: the poster stays, the time still runs */
        });
      } else {
        video.pause();
        if (video !== shown && video.currentTime > 0) video.currentTime = 0;
      }
    }
  }

  private readonly onMotionPreference = (): void => {
    if (this.reducedMotion?.matches) this.rotating = false;
  };

  private readonly onVisibility = (): void => this.pause('hidden', document.hidden);
}
