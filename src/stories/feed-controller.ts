import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warn } from '../core/warn.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The slides of a `<vitrine-stories src="…">`: fetched, checked and added to the element's
 * light DOM as `<vitrine-story>` elements (feed.ts, loaded with the first feed: pages with
 * light-DOM slides never load it). A new `src` replaces them; leaving the page aborts the
 * request. The host says when to read it (a group waiting in a tray reads it once opened).
 */
export class FeedController implements ReactiveController {
  /** `none` without `src`; `failed` when there is nothing to show. */
  state: 'none' | 'loading' | 'failed' | 'ready' = 'none';
  /** The feed's own label, if it has one. */
  label = '';
  private request: AbortController | undefined;
  /** The `src` read last (or being read): the same one is not fetched twice. */
  private read = '';

  constructor(
    private readonly host: Host,
    /** The feed's URL: the host's `src`. */
    private readonly src: () => string,
    /** The feed was read, could not be, or was forgotten: what it holds is known, or not. */
    private readonly onRead: () => void = () => undefined,
  ) {
    host.addController(this);
  }

  /** A `src` not read yet: how many slides it holds is not known. */
  get unread(): boolean {
    return this.src() !== '' && (this.read !== this.src() || this.state === 'loading');
  }

  /** Reads the feed at `src`, unless it was read already. */
  ensure(): void {
    if (this.read !== this.src()) void this.load();
  }

  /** Forgets the feed read (its `src` changed while it was not wanted): read again when wanted. */
  reset(): void {
    this.read = '';
    this.clear();
    this.set('none');
    this.onRead();
  }

  /** The request stopped, the last feed's slides and label gone. */
  private clear(): void {
    this.request?.abort();
    this.label = '';
    for (const old of this.host.querySelectorAll(':scope > [data-vitrine-feed]')) old.remove();
  }

  /** Moved on the page while its feed was loading: the feed loads again. */
  hostConnected(): void {
    if (this.state === 'loading') void this.load();
  }

  hostDisconnected(): void {
    this.request?.abort();
  }

  /** Loads the feed at `src` (again), in place of the slides of the last one. */
  async load(): Promise<void> {
    const src = this.src();
    this.read = src;
    this.clear();
    if (src === '') return this.set('none');
    const request = new AbortController();
    this.request = request;
    this.set('loading');
    const loaded = await import('./feed.js').then(
      (module) => module.fetchFeed(src, request.signal),
      (error: unknown) =>
        warn(`<vitrine-stories> could not load its feed reader: ${String(error)}`),
    );
    if (request.signal.aborted) return;
    if (!loaded) {
      this.set('failed');
    } else {
      this.label = loaded.label ?? '';
      this.host.append(...loaded.slides);
      this.set('ready');
    }
    this.onRead();
  }

  private set(state: FeedController['state']): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
