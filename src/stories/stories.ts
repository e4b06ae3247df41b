import { html, nothing, svg, type PropertyDeclarations, type PropertyValues } from 'lit';
import { emit } from '../core/events.js';
import { StoriesElement } from './stories-element.js';
import { booleanAttribute, reflectedText } from '../core/attributes.js';
import { defineDependency } from '../core/define.js';
import { warn } from '../core/warn.js';
import { formatNumber, includeMessages } from '../core/i18n/index.js';
import { storiesMessages } from './messages/index.js';
import { CAMPAIGN_REQUEST } from './campaign-context.js';
import type { VitrineHotspot } from './hotspot.js';
import { FeedController } from './feed-controller.js';
import { GestureController } from './gesture-controller.js';
import { RotationController } from './rotation-controller.js';
import { SoundController } from './sound-controller.js';
import { StoryEvents } from './story-events.js';
import { TRAY_TAG, feedRead, inTray, slideId, stepPast } from './tray-context.js';
import { DEFAULT_SECONDS, VitrineStory, durationSeconds, type SlidePosition } from './story.js';
import { styles } from './stories.styles.js';

includeMessages(storiesMessages);

const icon = (path: string) =>
  svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d=${path}/></svg>`;
const ICONS = {
  play: icon('M8 5v14l11-7z'),
  pause: icon('M7 5h3.5v14H7zm6.5 0H17v14h-3.5z'),
  // One chevron, pointing back in left-to-right pages; the styles turn it for next, and in RTL.
  previous: icon('M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z'),
  enter: icon('M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zM5 14h2v3h3v2H5zm12 0h2v5h-5v-2h3z'),
  exit: icon('M8 5h2v5H5V8h3zm6 0h2v3h3v2h-5zM5 14h5v5H8v-3H5zm9 0h5v2h-3v3h-2z'),
  muted: icon(
    'M4 9v6h4l5 5V4L8 9zm12.6 3 2.7-2.7-1.3-1.3-2.7 2.7-2.7-2.7-1.3 1.3 2.7 2.7-2.7 2.7 1.3 1.3 2.7-2.7 2.7 2.7 1.3-1.3z',
  ),
  sound: icon(
    'M4 9v6h4l5 5V4L8 9zm11.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM13 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z',
  ),
};

/** Where each place is, in slide widths along the reading direction; `far` is not shown. */
const PLACES: Record<SlidePosition, number> = { previous: -1, current: 0, next: 1, far: NaN };
const easing = 'cubic-bezier(0.2, 0, 0, 1)';

const isInteractive = (path: EventTarget[]) =>
  path.some(
    (node) =>
      node instanceof Element &&
      (node.matches('button, a, input, select, textarea, [tabindex]') ||
        node.localName === 'vitrine-hotspot'),
  );

/**
 * @tag vitrine-stories
 * @summary A stories-style carousel of `<vitrine-story>` slides (heritage, seasons, capsule
 * collections) with shoppable hotspots: progress bars, tap zones, swipe, press-and-hold,
 * keyboard and full screen, following the WAI-ARIA carousel pattern. Reserve its box before
 * the script loads with `vitrine-stories:not(:defined) { display: block; aspect-ratio: 9 / 16; overflow: hidden; }`.
 *
 * @slot - The slides: `<vitrine-story>` elements (or none, with `src`).
 *
 * @fires vitrine-story-change - A slide is shown, automatically or not. Detail `{index, id}`.
 * @fires vitrine-story-view - A slide is shown to the fan, once per slide and visit. Detail `{storiesId, id, index}`.
 * @fires vitrine-story-complete - The fan reached the end of the last slide, once per visit. Detail `{storiesId}`.
 *
 * @csspart base - The carousel.
 * @csspart controls - The row of buttons.
 * @csspart rotation - Starts or stops the slide show, videos included (first in tab order).
 * @csspart previous - Previous slide.
 * @csspart next - Next slide.
 * @csspart fullscreen - Opens or leaves full screen (not in a `<vitrine-story-tray>`, which opens its groups full screen itself).
 * @csspart sound - Turns a film's sound on or off (muted at start), on video slides only.
 * @csspart progress - The progress bars.
 * @csspart bar - One slide's progress bar.
 * @csspart viewport - Where slides show; tap zones and swipes are read here.
 * @csspart dialog - The full-screen dialog.
 * @csspart empty - The message shown when a feed cannot be shown.
 *
 * @cssprop --vitrine-stories-aspect-ratio - Shape of the carousel (default 9 / 16).
 * @cssprop --vitrine-stories-max-height - The tallest it grows; its width follows (default 85svh).
 * @cssprop --vitrine-stories-transition - Length of the slide movement (default 320ms; none under reduced motion).
 * @cssprop --vitrine-stories-bar - Colour of the progress bars' fill (default white).
 * @cssprop --vitrine-stories-track - Colour of the progress bars' track (default translucent dark).
 */
export class VitrineStories extends StoriesElement {
  static override styles = [StoriesElement.styles, styles];

  /** A group of a `<vitrine-story-tray>` loads the tray, which no page pays for without one. */
  static override dependencies = {
    [TRAY_TAG]: () => import('./tray.js').then((module) => module.VitrineStoryTray),
  };

  static override properties: PropertyDeclarations = {
    autoplay: { type: Boolean, converter: booleanAttribute('vitrine-stories', 'autoplay') },
    duration: {},
    loop: { type: Boolean, converter: booleanAttribute('vitrine-stories', 'loop') },
    label: {},
    campaign: { reflect: true, converter: reflectedText },
    src: {},
    cover: {},
    trayOpen: { attribute: false },
    index: { state: true, attribute: false },
    fullscreen: { state: true, attribute: false },
    slides: { state: true, attribute: false },
  };

  /**
   * Starts the slide show on its own: slides move on and videos play (never under
   * `prefers-reduced-motion`). Without it, the fan starts it with the rotation button.
   */
  autoplay = false;
  /** Seconds per slide; a slide's own `duration` wins. Allowed: 1 to 120. Default: 5. */
  duration = '';
  /** After the last slide, starts again from the first. */
  loop = false;
  /** The carousel's accessible name. Allowed: any text. Default: the feed's label, else "Stories", localized. */
  label = '';
  /** A fan-vote campaign: hotspot cards then show a vote button for their product. Allowed: a campaign id. */
  campaign = '';
  /**
   * A JSON feed of slides (see the README); validated, bad slides skipped with a warning. In a
   * `<vitrine-story-tray>`, read once the fan opens the group. Allowed: an http(s) or relative URL.
   */
  src = '';
  /** In a `<vitrine-story-tray>`: this group's round cover picture. Allowed: an http(s) or relative URL. */
  cover = '';
  /** Set by `<vitrine-story-tray>`: this group is shown full screen. A group not shown loads and plays nothing. */
  trayOpen = false;

  private index = 0;
  private fullscreen = false;
  private slides: VitrineStory[] = [];

  private moves: Animation[] = [];
  /** A slide's move, in ms (its `animation-duration`): read at the first move on the page. */
  private moveMs: number | undefined;
  private readyIndex = -1;
  private shownIndex = -1;
  private readonly feed = new FeedController(
    this,
    () => this.src,
    () => {
      if (inTray(this)) feedRead(this);
    },
  );
  private readonly events = new StoryEvents(this);

  private readonly rotation = new RotationController(this, {
    fill: () =>
      this.renderRoot.querySelector<HTMLElement>(`[part~="bar"][data-index="${this.index}"] .fill`),
    seconds: () => this.slides[this.index]?.seconds(this.seconds) ?? this.seconds,
    video: () => this.slides[this.index]?.video,
    videos: () => this.slides.flatMap((slide) => slide.video ?? []),
    onEnd: () => this.advance(),
  });

  private readonly gestures = new GestureController(this, {
    rtl: () => this.rtl,
    onStep: (back) => (back ? this.previous() : this.next()),
    onHold: (holding) => this.rotation.pause('hold', holding),
    ignore: isInteractive,
  });

  private readonly sound = new SoundController(this, {
    video: () => this.slides[this.index]?.video,
    onElsewhere: () => {
      this.rotation.rotating = false;
    },
  });

  /** The slide shown, from 0. */
  get current(): number {
    return this.index;
  }

  /** Its slides come from a feed not read yet: a group waiting in a tray reads it once opened. */
  get feedUnread(): boolean {
    return this.feed.unread;
  }

  /** Shown to the fan: always, unless it waits in a tray for the fan to open it. */
  private get playable(): boolean {
    return this.trayOpen || !inTray(this);
  }

  private get seconds(): number {
    return durationSeconds('', this.duration) ?? DEFAULT_SECONDS;
  }

  /** The carousel's accessible name. */
  private get name(): string {
    return this.label || this.feed.label || this.t('stories.label');
  }

  private get rtl(): boolean {
    return this.matches(':dir(rtl)');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.moveMs = undefined;
    this.rotation.rotating = this.autoplay;
    this.listen(true);
    if (inTray(this)) void defineDependency(VitrineStories, TRAY_TAG);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listen(false);
    this.move([]);
  }

  /** What the hotspots inside say: a card opened or closed, which campaign to vote in. */
  private listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    this[method]('vitrine-hotspot-open', this.onCard);
    this[method]('vitrine-hotspot-close', this.onCard);
    this[method](CAMPAIGN_REQUEST, this.onCampaignRequest);
  }

  private readonly onCard = (event: Event): void =>
    this.rotation.pause('card', event.type === 'vitrine-hotspot-open');

  /** A hotspot inside asks which campaign its card votes in. */
  private readonly onCampaignRequest = (event: Event): void => {
    event.stopPropagation();
    (event.target as VitrineHotspot).storiesCampaign = this.campaign;
  };

  /** Shows slide `index` (clamped). */
  go(index: number): void {
    if (!Number.isFinite(index)) return;
    const last = this.slides.length - 1;
    // Before the slides are read (a group a tray opens at a linked slide), kept until they are.
    this.index = last < 0 ? Math.max(0, Math.floor(index)) : Math.min(last, Math.max(0, index));
  }

  next(): void {
    if (this.index < this.slides.length - 1) this.go(this.index + 1);
    else if (this.loop) this.go(0);
    // A feed with nothing to show is not complete: the fan only passes it by.
    else if (inTray(this) && this.slides.length === 0) stepPast(this, true);
    else if (inTray(this)) this.reachEnd();
  }

  previous(): void {
    if (this.index > 0) this.go(this.index - 1);
    else if (this.loop) this.go(this.slides.length - 1);
    else if (inTray(this)) stepPast(this, false);
  }

  /** At the end of a slide's time: the next one, or the end of the show. */
  private advance(): void {
    if (this.index < this.slides.length - 1 || this.loop) {
      this.next();
      return;
    }
    this.rotation.end();
    this.reachEnd();
  }

  /** Past the last slide: the group is complete, and a tray runs on into the next. */
  private reachEnd(): void {
    this.events.complete();
    stepPast(this, true);
  }

  private toggleRotation(): void {
    this.rotation.rotating = !this.rotation.rotating;
  }

  private onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    // Entering or leaving full screen swaps the slot; the one leaving is not news.
    if (!slot.isConnected) return;
    const assigned = slot.assignedElements();
    const slides = assigned.filter(
      (element): element is VitrineStory => element instanceof VitrineStory,
    );
    for (const stray of assigned) {
      if (stray instanceof VitrineStory) continue;
      warn(
        `<vitrine-stories> holds a <${stray.localName}>, which is not a <vitrine-story>; it is neither shown nor read. Put it inside a slide: <vitrine-story><${stray.localName}>…</${stray.localName}></vitrine-story>.`,
        `stories-stray:${stray.localName}`,
      );
    }
    const changed =
      slides.length !== this.slides.length || slides.some((slide, i) => slide !== this.slides[i]);
    if (!changed) return;
    this.slides = slides;
    this.readyIndex = -1;
    if (this.index >= slides.length) this.index = Math.max(0, slides.length - 1);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if ((changed.has('src') || changed.has('trayOpen')) && this.isConnected) {
      // A group waiting in a tray fetches nothing: its feed is read once the fan opens it.
      if (this.playable) this.feed.ensure();
      else if (changed.has('src')) this.feed.reset();
    }
    if (changed.has('campaign')) {
      for (const hotspot of this.querySelectorAll('vitrine-hotspot')) {
        hotspot.storiesCampaign = this.campaign;
      }
    }
    if (changed.has('duration')) durationSeconds('vitrine-stories', this.duration);
    if (changed.has('autoplay') && changed.get('autoplay') !== undefined) {
      this.rotation.rotating = this.autoplay;
    }
    if (changed.has('trayOpen') && changed.get('trayOpen') !== undefined) {
      // Opened by the tray: the show starts (as a fan tapping a cover expects); closed: it stops.
      this.rotation.rotating = this.trayOpen;
      this.readyIndex = -1;
    }
    if (changed.has('index') || changed.has('slides') || changed.has('trayOpen')) {
      this.rotation.restart();
      // Held until the slide's media can be shown; set here, it costs no second render.
      if (this.slides.length > 0 && this.readyIndex !== this.index) {
        this.rotation.pause('loading', true);
      }
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const was = this.slides.map((story) => PLACES[story.position]);
    // Every update: the slides' names follow the language too.
    this.placeSlides();
    if (changed.has('index')) this.move(was);
    this.sound.apply();
    const moved = changed.has('index') || changed.has('slides') || changed.has('trayOpen');
    if (moved && this.playable && this.slides[this.index]) {
      this.events.view(this.slides[this.index]!, this.index);
    }
    if (moved && this.slides.length > 0) {
      void this.prepare(this.index);
      if (this.shownIndex !== this.index) {
        const announce = this.shownIndex !== -1;
        this.shownIndex = this.index;
        if (announce) {
          emit(this, 'vitrine-story-change', {
            index: this.index,
            id: slideId(this.slides[this.index]!),
          });
        }
      }
    }
    if (changed.has('fullscreen')) this.onFullscreenChange(changed.get('fullscreen') === true);
  }

  /**
   * Moves the slide leaving and the one coming in from the place each had (`was`) to its
   * new one. A slide's place is a `translate` (story.styles.ts), set at once; its move is
   * one animation of `transform` only, from the old place less the new one to none, which
   * the compositor runs with no style to recalculate per frame. A slide that was or is `far`
   * does not move (a jump). The length is the slide's `animation-duration`, where its styles
   * put `--vitrine-stories-transition` (read at the first move, and again when the carousel
   * is put back on the page); none under reduced motion. The next change and
   * leaving the page cancel what still moves.
   */
  private move(was: number[]): void {
    for (const animation of this.moves) animation.cancel();
    this.moves = [];
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const side = this.rtl ? -1 : 1;
    this.moves = this.slides.flatMap((story, i) => {
      const now = PLACES[story.position];
      // Leaving or coming in: one of the places is the middle (0); far is NaN, which stays.
      const widths = was[i]! * now ? NaN : was[i]! - now;
      if (!widths) return [];
      // Read once on the page: reading a style in the middle of a change recalculates them.
      const duration = (this.moveMs ??=
        parseFloat(getComputedStyle(story).animationDuration) * 1000);
      // The places are a slide's width and one pixel apart, so the moves are too.
      const start = `translateX(calc((100% + 1px) * ${widths * side}))`;
      return duration ? [story.animate({ transform: [start, 'none'] }, { duration, easing })] : [];
    });
  }

  /** Each slide's place, name and state: the shown one and its neighbours load. */
  private placeSlides(): void {
    const total = this.slides.length;
    const previous = this.index > 0 ? this.index - 1 : this.loop ? total - 1 : -1;
    const next = this.index < total - 1 ? this.index + 1 : this.loop ? 0 : -1;
    this.slides.forEach((story, i) => {
      const position: SlidePosition =
        i === this.index ? 'current' : i === previous ? 'previous' : i === next ? 'next' : 'far';
      story.position = position;
      if (story.inert !== (position !== 'current')) story.inert = position !== 'current';
      // Only what changed: a rewritten attribute, even to the same value, makes the browser
      // recheck the slide's styles at every slide change.
      setAttributeIfChanged(story, 'role', 'group');
      setAttributeIfChanged(story, 'aria-roledescription', this.t('stories.slide'));
      const place = {
        n: formatNumber(this.locale, i + 1),
        total: formatNumber(this.locale, total),
      };
      setAttributeIfChanged(story, 'aria-label', this.t('stories.position', place));
      if (position !== 'far' && this.playable) story.load();
    });
  }

  /** Waits for the shown slide's media before its time starts. */
  private async prepare(index: number): Promise<void> {
    const story = this.slides[index];
    if (!story || this.readyIndex === index) return;
    await story.ready();
    if (this.index !== index || this.slides[index] !== story) return;
    this.readyIndex = index;
    this.rotation.pause('loading', false);
  }

  // Input: keys, hover and keyboard focus (gestures: GestureController).

  private onKeydown(event: KeyboardEvent): void {
    if (this.rotation.held('card') || event.defaultPrevented) return;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => (this.rtl ? this.next() : this.previous()),
      ArrowRight: () => (this.rtl ? this.previous() : this.next()),
      Home: () => this.go(0),
      End: () => this.go(this.slides.length - 1),
    };
    if (event.key === ' ' && !isInteractive(event.composedPath())) {
      event.preventDefault();
      this.toggleRotation();
      return;
    }
    const action = keys[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  }

  /**
   * Keyboard focus on anything in the carousel, the rotation button included, stops the
   * slide show (WAI-ARIA carousel pattern); the fan starts it again with that button.
   */
  private onFocusIn(event: FocusEvent): void {
    const target = event.composedPath()[0];
    if (target instanceof Element && target.matches(':focus-visible')) {
      this.rotation.rotating = false;
    }
  }

  private onPointerEnter(event: PointerEvent): void {
    if (event.pointerType === 'mouse') this.rotation.pause('hover', true);
  }

  private onPointerLeave(event: PointerEvent): void {
    if (event.pointerType === 'mouse') this.rotation.pause('hover', false);
  }

  // Full screen: the same carousel, rendered inside a modal dialog.

  private toggleFullscreen(): void {
    this.fullscreen = !this.fullscreen;
  }

  private onFullscreenChange(wasFullscreen: boolean): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.fullscreen && dialog && !dialog.open) {
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('[part~="fullscreen"]')?.focus();
    } else if (wasFullscreen) {
      // Back where the fan was: on the button that opened full screen.
      this.renderRoot.querySelector<HTMLElement>('[part~="fullscreen"]')?.focus();
    }
  }

  private onDialogClose(): void {
    if (this.fullscreen) this.fullscreen = false;
  }

  /** The rotation button first in tab order (WAI-ARIA carousel pattern), then the rest. */
  private renderControls(total: number, rotating: boolean) {
    // In a tray, the first and last slides lead on to the neighbouring groups.
    const bounded = !this.loop && !inTray(this);
    const atStart = total === 0 || (bounded && this.index === 0);
    const atEnd = total === 0 || (bounded && this.index === total - 1);
    return html`<div part="controls" ?hidden=${total === 0}>
      <button
        part="rotation"
        type="button"
        aria-label=${this.t(rotating ? 'stories.pause' : 'stories.play')}
        @click=${this.toggleRotation}
      >
        ${rotating ? ICONS.pause : ICONS.play}
      </button>
      <button
        part="previous"
        type="button"
        aria-label=${this.t('stories.previous')}
        aria-disabled=${String(atStart)}
        @click=${this.previous}
      >
        ${ICONS.previous}
      </button>
      <button
        part="next"
        type="button"
        aria-label=${this.t('stories.next')}
        aria-disabled=${String(atEnd)}
        @click=${this.next}
      >
        ${ICONS.previous}
      </button>
      ${
        inTray(this)
          ? nothing
          : html`<button
              part="fullscreen"
              type="button"
              aria-label=${this.t(this.fullscreen ? 'stories.exitFullscreen' : 'stories.fullscreen')}
              aria-haspopup=${this.fullscreen ? nothing : 'dialog'}
              @click=${this.toggleFullscreen}
            >
              ${this.fullscreen ? ICONS.exit : ICONS.enter}
            </button>`
      }
      ${
        this.sound.available
          ? html`<button
              part="sound"
              type="button"
              aria-label=${this.t(this.sound.on ? 'stories.soundOff' : 'stories.soundOn')}
              @click=${this.sound.toggle}
            >
              ${this.sound.on ? ICONS.sound : ICONS.muted}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderBody() {
    const total = this.slides.length;
    const rotating = this.rotation.rotating;
    return html`<section
      part="base"
      aria-roledescription=${this.t('stories.carousel')}
      aria-label=${this.name}
      @keydown=${this.onKeydown}
      @focusin=${this.onFocusIn}
      @pointerenter=${this.onPointerEnter}
      @pointerleave=${this.onPointerLeave}
    >
      ${this.renderControls(total, rotating)}
      <div part="progress" aria-hidden="true" ?data-rotating=${rotating}>
        ${this.slides.map(
          (_, i) =>
            html`<span
              part="bar"
              data-index=${i}
              data-state=${i < this.index ? 'done' : i === this.index ? 'current' : 'todo'}
              ><span class="fill"></span
            ></span>`,
        )}
      </div>
      <div
        part="viewport"
        aria-live=${this.rotation.running ? 'off' : 'polite'}
        @pointerdown=${this.gestures.handlers.pointerdown}
        @pointermove=${this.gestures.handlers.pointermove}
        @pointerup=${this.gestures.handlers.pointerup}
        @pointercancel=${this.gestures.handlers.pointercancel}
        @dragstart=${this.gestures.handlers.dragstart}
      >
        <slot @slotchange=${this.onSlotChange}></slot>
        ${
          this.feed.state === 'failed' || this.feed.state === 'loading'
            ? html`<p part="empty" role="status">
                ${this.t(this.feed.state === 'loading' ? 'stories.loading' : 'stories.empty')}
              </p>`
            : nothing
        }
      </div>
    </section>`;
  }

  override render() {
    // A group waiting in a tray shows nothing, so that nothing of it loads.
    if (!this.playable) return nothing;
    if (!this.fullscreen) return this.renderBody();
    return html`<dialog part="dialog" aria-label=${this.name} @close=${this.onDialogClose}>
      ${this.renderBody()}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-stories': VitrineStories;
  }
}

function setAttributeIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
