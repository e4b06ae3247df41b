import { html, nothing, svg } from 'lit';
import type { MessageKey } from '../core/i18n/index.js';

const icon = (path: string) =>
  svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d=${path}/></svg>`;
const ICONS = {
  play: icon('M8 5v14l11-7z'),
  pause: icon('M7 5h3.5v14H7zm6.5 0H17v14h-3.5z'),
  previous: icon('M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z'),
  next: icon('M8.6 5.4 10 4l8 8-8 8-1.4-1.4 6.6-6.6z'),
  enter: icon('M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zM5 14h2v3h3v2H5zm12 0h2v5h-5v-2h3z'),
  exit: icon('M8 5h2v5H5V8h3zm6 0h2v3h3v2h-5zM5 14h5v5H8v-3H5zm9 0h5v2h-3v3h-2z'),
};

export interface ControlsState {
  t: (key: MessageKey) => string;
  hidden: boolean;
  rotating: boolean;
  fullscreen: boolean;
  /** No previous slide (the first, without `loop`). */
  atStart: boolean;
  /** No next slide. */
  atEnd: boolean;
  onRotation: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onFullscreen: () => void;
}

/**
 * The row of buttons of a stories carousel, the rotation button first in tab order (WAI-ARIA
 * carousel pattern), then previous, next and full screen.
 */
export const controls = (state: ControlsState) =>
  html`<div part="controls" ?hidden=${state.hidden}>
    <button
      part="rotation"
      type="button"
      aria-label=${state.t(state.rotating ? 'stories.pause' : 'stories.play')}
      @click=${state.onRotation}
    >
      ${state.rotating ? ICONS.pause : ICONS.play}
    </button>
    <button
      part="previous"
      type="button"
      aria-label=${state.t('stories.previous')}
      aria-disabled=${String(state.atStart)}
      @click=${state.onPrevious}
    >
      ${ICONS.previous}
    </button>
    <button
      part="next"
      type="button"
      aria-label=${state.t('stories.next')}
      aria-disabled=${String(state.atEnd)}
      @click=${state.onNext}
    >
      ${ICONS.next}
    </button>
    <button
      part="fullscreen"
      type="button"
      aria-label=${state.t(state.fullscreen ? 'stories.exitFullscreen' : 'stories.fullscreen')}
      aria-haspopup=${state.fullscreen ? nothing : 'dialog'}
      @click=${state.onFullscreen}
    >
      ${state.fullscreen ? ICONS.exit : ICONS.enter}
    </button>
  </div>`;
