import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { listenShared } from '../core/keyed.js';
import { $storySound, $storyVideo } from '../stores/story-sound.js';

export interface SoundOptions {
  /** The shown slide's video, if it has one. */
  video: () => HTMLVideoElement | undefined;
  /** Another carousel's video started: this one stops, so that one film plays at a time. */
  onElsewhere: () => void;
}

/**
 * The sound of a carousel's videos: muted until the fan turns it on (browsers autoplay muted
 * video only), then on for every video of the page, this carousel's and the next group's.
 * Also keeps one story video playing on the page at a time.
 */
export class SoundController implements ReactiveController {
  private stops: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SoundOptions,
  ) {
    host.addController(this);
  }

  /** Whether the slide shown has a film whose sound can be turned on. */
  get available(): boolean {
    return this.options.video() !== undefined;
  }

  get on(): boolean {
    return $storySound.get();
  }

  readonly toggle = (): void => $storySound.set(!$storySound.get());

  /** Mutes every video but the one shown, which follows the fan's choice. */
  apply(): void {
    const shown = this.options.video();
    if (shown) shown.muted = !$storySound.get();
  }

  hostConnected(): void {
    this.stops = [
      listenShared($storySound, () => {
        this.apply();
        this.host.requestUpdate();
      }),
      listenShared($storyVideo, () => {
        const playing = $storyVideo.get();
        const shown = this.options.video();
        if (playing && shown && playing !== shown && !shown.paused) this.options.onElsewhere();
      }),
    ];
    this.host.addEventListener('play', this.onPlay, true);
  }

  hostDisconnected(): void {
    this.stops.forEach((stop) => stop());
    this.stops = [];
    this.host.removeEventListener('play', this.onPlay, true);
    const playing = $storyVideo.get();
    if (playing && this.host.contains(playing)) $storyVideo.set(undefined);
  }

  /** A video of this carousel started (media events do not bubble: heard on the way down). */
  private readonly onPlay = (event: Event): void => {
    if (event.target instanceof HTMLVideoElement) $storyVideo.set(event.target);
  };
}
