import { html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { StoriesElement } from './stories-element.js';
import { safeUrl } from '../core/safe-url.js';
import { warnAttribute } from '../core/attributes.js';
import { styles } from './story.styles.js';

/** How long a slide shows when neither it nor its carousel says. */
export const DEFAULT_SECONDS = 5;

/** Where a slide is, relative to the one shown. Only the shown one and its neighbours load. */
export type SlidePosition = 'current' | 'previous' | 'next' | 'far';

/**
 * A `duration` attribute in seconds (1 to 120), or `undefined` when absent or wrong; a wrong
 * one is warned about once per element kind and value when `tag` names the element.
 */
export function durationSeconds(tag: string, value: string): number | undefined {
  const seconds = Number(value);
  if (value !== '' && Number.isFinite(seconds) && seconds >= 1 && seconds <= 120) return seconds;
  if (value !== '' && tag) {
    warnAttribute(tag, 'duration', value, {
      expected: 'a number of seconds from 1 to 120',
      instead:
        tag === 'vitrine-story'
          ? "the carousel's duration is used for this slide"
          : `each slide shows for ${DEFAULT_SECONDS} seconds`,
      example: 'duration="7"',
    });
  }
  return undefined;
}

/** The media of a slide, not counting what its hotspots' cards show. */
const MEDIA = ':scope > img, :scope > video, :scope > picture img';

/**
 * @tag vitrine-story
 * @summary One slide of a `<vitrine-stories>`: a picture, a video or text, with shoppable
 * `<vitrine-hotspot>`s. Give later slides' media `data-src` (or `loading="lazy"`) so that only
 * the slide shown and its neighbours load.
 *
 * @slot - The slide: `<img>`, `<video>` (played `muted playsinline`), text, `<vitrine-hotspot>`s.
 *
 * @csspart content - The box the slide's content fills.
 *
 * @cssprop --vitrine-story-background - Behind the slide's content (default: a deep ink, in both themes).
 * @cssprop --vitrine-story-color - Text colour of text slides (default: a warm ivory).
 */
export class VitrineStory extends StoriesElement {
  static override styles = [StoriesElement.styles, styles];

  static override properties: PropertyDeclarations = {
    duration: {},
    position: { reflect: true },
  };

  /** Seconds this slide shows for (overrides the stories' `duration`). Allowed: 1 to 120. Default: its video's length, else the stories' `duration`. */
  duration = '';
  /** Set by `<vitrine-stories>`: where this slide is relative to the one shown. */
  position: SlidePosition = 'far';

  /** The slide's picture or video, if it has one. */
  get media(): HTMLImageElement | HTMLVideoElement | undefined {
    return this.querySelector<HTMLImageElement | HTMLVideoElement>(MEDIA) ?? undefined;
  }

  /** The video of the slide, if its media is one. */
  get video(): HTMLVideoElement | undefined {
    const media = this.media;
    return media instanceof HTMLVideoElement ? media : undefined;
  }

  /** Starts loading the slide's media: `data-src` becomes `src`, videos get ready to play. */
  load(): void {
    for (const element of this.querySelectorAll<HTMLElement>('[data-src], [data-poster]')) {
      if (element.closest('vitrine-hotspot')) continue;
      const src = safeUrl(element.dataset.src);
      const poster = safeUrl(element.dataset.poster);
      if (src) element.setAttribute('src', src);
      if (poster) element.setAttribute('poster', poster);
      delete element.dataset.src;
      delete element.dataset.poster;
      if (element instanceof HTMLSourceElement) (element.parentElement as HTMLVideoElement)?.load();
      // Decoded ahead, a neighbour's picture shows in the frame it becomes current, not later.
      if (src && element instanceof HTMLImageElement) element.decode().catch(() => {});
    }
    const video = this.video;
    if (video) {
      // Browsers only autoplay muted, inline video.
      video.muted = true;
      video.playsInline = true;
      video.loop = false;
      if (video.preload === 'none') video.preload = 'auto';
    }
  }

  /**
   * Lets go of the slide's film (a closed group of a tray): stopped, and its data dropped
   * until `load()` asks for it again.
   */
  release(): void {
    const video = this.video;
    if (!video) return;
    video.pause();
    for (const element of [video, ...video.querySelectorAll('source')]) {
      const src = element.getAttribute('src');
      if (src === null) continue;
      element.dataset.src = src;
      element.removeAttribute('src');
    }
    video.load();
  }

  /** Resolves once the slide can be shown in full: its picture decoded, its video playable. */
  ready(): Promise<void> {
    const media = this.media;
    if (!media) return Promise.resolve();
    const isVideo = media instanceof HTMLVideoElement;
    const done = isVideo ? media.readyState >= 3 : media.complete && media.naturalWidth > 0;
    // A media that failed to load still ends: the story moves on rather than hang.
    if (done || media.hasAttribute('data-failed')) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        media.removeEventListener(isVideo ? 'canplay' : 'load', finish);
        media.removeEventListener('error', failed);
        resolve();
      };
      const failed = () => {
        media.setAttribute('data-failed', '');
        finish();
      };
      media.addEventListener(isVideo ? 'canplay' : 'load', finish);
      media.addEventListener('error', failed);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('duration')) durationSeconds('vitrine-story', this.duration);
  }

  /** How long the slide shows, in seconds: its own `duration`, its video's, else `fallback`. */
  seconds(fallback: number): number {
    const own = durationSeconds('', this.duration);
    if (own !== undefined) return own;
    const length = this.video?.duration;
    if (length !== undefined && Number.isFinite(length) && length > 0) return Math.min(length, 120);
    return fallback;
  }

  override render() {
    return html`<div part="content"><slot></slot></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-story': VitrineStory;
  }
}
