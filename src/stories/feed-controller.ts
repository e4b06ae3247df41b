import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warn } from '../core/warn.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The slides of a `<vitrine-stories src="…">`: fetched, checked and added to the element's
 * light DOM as `<vitrine-story>` elements (feed.ts, loaded with the first feed: pages with
 * light-DOM slides never load it). A new `src` replaces them; leaving the page aborts the
 * request.
 */
export class FeedController implements ReactiveController {
  /** `none` without `src`; `failed` when there is nothing to show. */
  state: 'none' | 'loading' | 'failed' | 'ready' = 'none';
  /** The feed's own label, if it has one. */
  label = '';
  private request: AbortController | undefined;

  constructor(
    private readonly host: Host,
    /** The feed's URL: the host's `src`. */
    private readonly src: () => string,
  ) {
    host.addController(this);
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
    this.request?.abort();
    this.label = '';
    for (const old of this.host.querySelectorAll(':scope > [data-vitrine-feed]')) old.remove();
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
    if (!loaded) return this.set('failed');
    this.label = loaded.label ?? '';
    this.host.append(...loaded.slides);
    this.set('ready');
  }

  private set(state: FeedController['state']): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
