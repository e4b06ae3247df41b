/**
 * What `<vitrine-stories>` and the `<vitrine-story-tray>` around it share, without importing
 * each other (the tray loads on first use, see `VitrineStories.dependencies`).
 */
export const TRAY_TAG = 'vitrine-story-tray';

/**
 * A group in a tray was stepped past its last slide (`forward`) or before its first: the tray
 * runs on into the next group, or back into the previous one.
 */
export const GROUP_EDGE = 'vitrine-stories-edge';

/** A group's feed was read, could not be, or was forgotten: the tray counts its slides again. */
export const GROUP_FEED = 'vitrine-stories-feed';

export interface GroupEdgeDetail {
  forward: boolean;
}

/** Whether `element` is a group of a `<vitrine-story-tray>`. */
export const inTray = (element: Element): boolean => element.parentElement?.localName === TRAY_TAG;

/** A slide's id in events, links and the seen list: its `id`, else its feed id, else none. */
export const slideId = (story: HTMLElement): string => story.id || story.dataset.feedId || '';

/** What the tray asks of each of its `<vitrine-stories>`. */
export interface TrayGroup extends HTMLElement {
  label: string;
  cover: string;
  /** Shown full screen by the tray; a group not shown loads nothing and does not play. */
  trayOpen: boolean;
  /** The slide shown, from 0. */
  readonly current: number;
  /**
   * Its slides come from a feed not read yet (a group in a tray reads it once opened): how
   * many are new is not known.
   */
  readonly feedUnread: boolean;
  go(index: number): void;
  next(): void;
  previous(): void;
  readonly updateComplete: Promise<boolean>;
}

export function stepPast(group: HTMLElement, forward: boolean): void {
  group.dispatchEvent(
    new CustomEvent<GroupEdgeDetail>(GROUP_EDGE, { detail: { forward }, bubbles: true }),
  );
}

export function feedRead(group: HTMLElement): void {
  group.dispatchEvent(new CustomEvent(GROUP_FEED, { bubbles: true }));
}

/** What the tray asks of each slide: let go of its film once its group closes. */
export interface TraySlide extends HTMLElement {
  release(): void;
}
