import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SlidePosition, VitrineStory } from './story.js';

const DEFAULT_MS = 320;
const EASING = 'cubic-bezier(0.2, 0, 0, 1)';
/** Where each place is, in slide widths along the reading direction; `far` is not shown. */
const PLACES: Partial<Record<SlidePosition, number>> = { previous: -1, current: 0, next: 1 };

/** `--vitrine-stories-transition` in ms: unset, the default; a value that is not a time, none. */
function movementMs(value: string): number {
  const time = /^(\d*\.?\d+)(ms|s)$/.exec(value.trim());
  if (!value.trim()) return DEFAULT_MS;
  return time ? Number(time[1]) * (time[2] === 's' ? 1000 : 1) : 0;
}

/**
 * Moves the slide that leaves and the one that comes in from their old places to their new
 * ones. A slide's place is its `translate` (story.styles.ts), which changes at once; each
 * moving slide gets one animation of `transform` only, from the old place less the new one
 * to none, which the compositor runs without a style recalculation per frame. A jump to a
 * slide that was not a neighbour, and `prefers-reduced-motion`, show the new slide at once.
 * A new change and the host leaving the page cancel what is still moving.
 */
export class SlideMotion implements ReactiveController {
  private moving: Animation[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly rtl: () => boolean,
  ) {
    host.addController(this);
  }

  /** Each slide with the place it had before the change; their new places are set already. */
  move(slides: ReadonlyArray<readonly [slide: VitrineStory, from: SlidePosition]>): void {
    this.stop();
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const moves = slides.flatMap(([slide, from]) => {
      const widths = (PLACES[from] ?? NaN) - (PLACES[slide.position] ?? NaN);
      return widths ? [[slide, widths] as const] : [];
    });
    if (moves.length === 0) return;
    const duration = movementMs(
      getComputedStyle(this.host).getPropertyValue('--vitrine-stories-transition'),
    );
    if (duration <= 0) return;
    const side = this.rtl() ? -1 : 1;
    this.moving = moves.map(([slide, widths]) =>
      slide.animate(
        // The places are a slide's width and one pixel apart, so the moves are too.
        [{ transform: `translateX(calc((100% + 1px) * ${widths * side}))` }, { transform: 'none' }],
        { duration, easing: EASING },
      ),
    );
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    for (const animation of this.moving) animation.cancel();
    this.moving = [];
  }
}
