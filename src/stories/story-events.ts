import { emit } from '../core/events.js';
import { slideId } from './tray-context.js';

/**
 * The measuring events of one carousel: `vitrine-story-view` once per slide shown and
 * `vitrine-story-complete` once the group was seen to its end, however often the fan goes
 * back, so that a house counts each slide watched once per visit.
 */
export class StoryEvents {
  private readonly viewed = new WeakSet<HTMLElement>();
  private completed = false;

  constructor(private readonly host: HTMLElement) {}

  view(story: HTMLElement, index: number): void {
    if (this.viewed.has(story)) return;
    this.viewed.add(story);
    emit(this.host, 'vitrine-story-view', { storiesId: this.host.id, id: slideId(story), index });
  }

  complete(): void {
    if (this.completed) return;
    this.completed = true;
    emit(this.host, 'vitrine-story-complete', { storiesId: this.host.id });
  }
}
