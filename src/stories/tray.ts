import {
  LitElement,
  html,
  nothing,
  svg,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import { emit } from '../core/events.js';
import { includeMessages } from '../core/i18n/index.js';
import { translatePlural } from '../core/i18n/plural.js';
import { safeUrl } from '../core/safe-url.js';
import { StoreController } from '../core/store-controller.js';
import { StoriesElement } from './stories-element.js';
import { warn } from '../core/warn.js';
import { $storiesSeen, markStorySeen } from '../stores/story-seen.js';
import { $storyLink, hasStoryLink, storyLinkFor, type StoryLink } from '../stores/story-link.js';
import { trayMessages } from './messages/tray.js';
import {
  GROUP_EDGE,
  GROUP_FEED,
  TRAY_TAG,
  slideId,
  type GroupEdgeDetail,
  type TrayGroup,
  type TraySlide,
} from './tray-context.js';
import { TrayDialogController } from './tray-dialog-controller.js';
import { styles } from './tray.styles.js';

includeMessages(trayMessages);

const icon = (path: string) =>
  svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d=${path}/></svg>`;
const ICONS = {
  close: icon(
    'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z',
  ),
  share: icon(
    'M12 3 7.5 7.5 8.9 8.9 11 6.8V15h2V6.8l2.1 2.1 1.4-1.4zM5 13v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6h-2v6H7v-6z',
  ),
};

const isGroup = (element: Element): element is TrayGroup => element.localName === 'vitrine-stories';

const slidesOf = (group: Element): TraySlide[] =>
  [...group.children].filter(
    (child): child is TraySlide => child.localName === 'vitrine-story' && 'release' in child,
  );

/** A slide's key in the seen list: its id, else its place in the group. */
const seenKey = (story: HTMLElement, index: number): string => slideId(story) || `#${index}`;

/**
 * @tag vitrine-story-tray
 * @summary A row of round covers, one per `<vitrine-stories>` group (heritage, atelier, a
 * capsule, a city), ringed while the group holds slides the fan has not seen. A tap opens the
 * group full screen in a dialog and runs on into the next group at its end; Escape, a swipe
 * down or the close button closes it. Seen slides are remembered on the device; a link to
 * `#vitrine-story=<stories id>/<story id>` opens that slide. Only the covers load until a
 * group opens: a group with a feed (`src`) reads it then, its cover saying "new" until then.
 * Reserve its row before the script loads with
 * `vitrine-story-tray:not(:defined) { display: block; height: 7.5rem; overflow: hidden; }`.
 *
 * @slot - The groups: `<vitrine-stories>` elements with an `id`, a `label` and a `cover`.
 *
 * @fires vitrine-share - Before a slide's link is shared, with `{target, url}` (`native` or `copy`). Cancelable: `preventDefault()` stops the share.
 *
 * @csspart list - The scrolling row of covers.
 * @csspart cover - One group's button (also `cover-unseen` while it has slides not seen).
 * @csspart ring - The ring around a cover's picture.
 * @csspart image - A cover's picture.
 * @csspart name - A cover's label.
 * @csspart dialog - The full-screen dialog a group opens in.
 * @csspart close - Closes the dialog.
 * @csspart share - Shares a link to the slide shown (for groups and slides with an `id`).
 * @csspart status - Says that the link was copied.
 *
 * @cssprop --vitrine-story-tray-size - Diameter of a cover (default 4.5rem).
 * @cssprop --vitrine-story-tray-ring - The ring of a group with slides not seen (default the accent colour).
 * @cssprop --vitrine-story-tray-seen - The ring of a group seen to the end (default the border colour).
 */
export class VitrineStoryTray extends StoriesElement {
  static override styles = [StoriesElement.styles, styles];

  /** The dialog shows one group: the tray assigns it to the dialog's slot itself. */
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    slotAssignment: 'manual',
  };

  static override properties: PropertyDeclarations = {
    label: {},
    groups: { state: true, attribute: false },
    openIndex: { state: true, attribute: false },
    status: { state: true, attribute: false },
  };

  /** The row's accessible name. Allowed: any text. Default: "Stories", localized. */
  label = '';

  private groups: TrayGroup[] = [];
  private openIndex = -1;
  private status = '';
  private handledLink = 0;
  /** The group shown last: its cover takes the keyboard back. */
  private lastShown = -1;
  /** A link's slide in a feed not read yet: shown once it is. */
  private linkedSlide: { group: TrayGroup; id: string; seq: number } | undefined;
  /** Seen slides of groups without an `id`: for this visit only. */
  private readonly unnamedSeen = new WeakMap<TrayGroup, Set<string>>();
  private readonly children$ = new MutationObserver(() => this.readGroups());

  private readonly seen = new StoreController(this, $storiesSeen);
  private readonly link = new StoreController(this, $storyLink);

  private readonly dialog = new TrayDialogController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    initialFocus: () => this.renderRoot.querySelector<HTMLElement>('[part~="close"]'),
    returnFocus: () => this.coverButton(this.lastShown),
    onClosed: () => this.onClosed(),
  });

  private get openGroup(): TrayGroup | undefined {
    return this.groups[this.openIndex];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readGroups();
    this.children$.observe(this, { childList: true, subtree: true });
    this.addEventListener(GROUP_EDGE, this.onEdge);
    this.addEventListener(GROUP_FEED, this.onFeed);
    this.addEventListener('vitrine-story-view', this.onView);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.children$.disconnect();
    this.removeEventListener(GROUP_EDGE, this.onEdge);
    this.removeEventListener(GROUP_FEED, this.onFeed);
    this.removeEventListener('vitrine-story-view', this.onView);
    this.linkedSlide = undefined;
    const open = this.openGroup;
    if (open) this.release(open);
    this.openIndex = -1;
  }

  /** Opens group `index` (from 0) full screen at slide `slide`, else its first slide not seen. */
  show(index: number, slide?: number): void {
    const group = this.groups[index];
    if (!group) return;
    const previous = this.openGroup;
    if (previous && previous !== group) this.release(previous);
    if (this.linkedSlide?.group !== group) this.linkedSlide = undefined;
    this.openIndex = index;
    this.status = '';
    group.go(slide ?? this.firstUnseen(group));
    group.trayOpen = true;
    this.dialog.show();
  }

  /** Closes the dialog, if a group is open. */
  close(): void {
    this.dialog.close();
  }

  private readGroups(): void {
    const groups = [...this.children].filter(isGroup);
    for (const stray of this.children) {
      if (isGroup(stray)) continue;
      warn(
        `<${TRAY_TAG}> holds a <${stray.localName}>, which is not a <vitrine-stories>; it is not shown. Put slides in a group: <vitrine-stories id="heritage" label="Heritage" cover="…">…</vitrine-stories>.`,
        `tray-stray:${stray.localName}`,
      );
    }
    for (const group of groups) {
      if (group.id) continue;
      warn(
        `a <vitrine-stories> in a <${TRAY_TAG}> has no id: the slides a fan saw are forgotten on reload and no link can open it. Give each group one: <vitrine-stories id="heritage" …>.`,
        'tray-group-id',
      );
    }
    const open = this.openGroup;
    this.groups = groups;
    // Its group taken off the page: the dialog closes with it.
    if (open && !groups.includes(open)) this.close();
    else if (open) this.openIndex = groups.indexOf(open);
    this.requestUpdate();
  }

  private seenIn(group: TrayGroup): ReadonlySet<string> {
    if (!group.id) return this.unnamedSeen.get(group) ?? new Set();
    return new Set(this.seen.value[group.id] ?? []);
  }

  /** Slides not seen; `undefined` while its feed is not read (it may hold anything new). */
  private unseen(group: TrayGroup): number | undefined {
    if (group.feedUnread) return undefined;
    const seen = this.seenIn(group);
    return slidesOf(group).filter((story, i) => !seen.has(seenKey(story, i))).length;
  }

  private firstUnseen(group: TrayGroup): number {
    const seen = this.seenIn(group);
    const index = slidesOf(group).findIndex((story, i) => !seen.has(seenKey(story, i)));
    return Math.max(0, index);
  }

  private readonly onView = (event: Event): void => {
    const group = event.target as TrayGroup;
    const { id, index } = (event as CustomEvent<{ id: string; index: number }>).detail;
    const key = id || `#${index}`;
    if (group.id) {
      markStorySeen(group.id, key);
      return;
    }
    const seen = this.unnamedSeen.get(group) ?? new Set<string>();
    seen.add(key);
    this.unnamedSeen.set(group, seen);
    this.requestUpdate();
  };

  /**
   * A group's feed was read: its cover counts its slides, and open, it shows the first not
   * seen (or the one a link named) rather than its first.
   */
  private readonly onFeed = (event: Event): void => {
    const group = event.target as TrayGroup;
    const linked = this.linkedSlide?.group === group ? this.linkedSlide : undefined;
    if (linked) this.linkedSlide = undefined;
    this.requestUpdate();
    if (group !== this.openGroup) return;
    if (linked) {
      const slide = slidesOf(group).findIndex((story) => slideId(story) === linked.id);
      if (slide !== -1) return group.go(slide);
      this.unknownSlide(group.id, linked.id, linked.seq);
    }
    group.go(this.firstUnseen(group));
  };

  /** A group stepped past its end or its start: on into the next group, or back. */
  private readonly onEdge = (event: Event): void => {
    const index = this.groups.indexOf(event.target as TrayGroup);
    if (index === -1 || index !== this.openIndex) return;
    const { forward } = (event as CustomEvent<GroupEdgeDetail>).detail;
    if (forward) {
      if (index + 1 < this.groups.length) this.show(index + 1);
      else this.close();
    } else if (index > 0) {
      this.show(index - 1, 0);
    }
  };

  private onClosed(): void {
    const group = this.openGroup;
    if (group) this.release(group);
    // Closed: the address no longer says to open a slide, and the same link opens it again.
    if (hasStoryLink())
      history.replaceState(history.state, '', location.pathname + location.search);
    this.lastShown = this.openIndex;
    this.openIndex = -1;
  }

  /** A group closed: its show stops and its films let go of their data. */
  private release(group: TrayGroup): void {
    group.trayOpen = false;
    for (const story of slidesOf(group)) story.release();
  }

  private coverButton(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[part~="cover"][data-index="${index}"]`);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.followLink(this.link.value);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const slot = this.renderRoot.querySelector('slot');
    const open = this.openGroup;
    if (slot && slot.assignedElements()[0] !== open) slot.assign(...(open ? [open] : []));
  }

  /** A deep link names a slide: the group that holds it opens there. */
  private followLink(link: StoryLink | undefined): void {
    // A link already followed and closed (the address no longer says it) opens nothing.
    if (!link || link.seq === this.handledLink || !hasStoryLink()) return;
    this.handledLink = link.seq;
    const target = document.getElementById(link.storiesId);
    const tray = target?.parentElement;
    if (!target || !isGroup(target) || tray?.localName !== TRAY_TAG) {
      warn(
        `the story link #vitrine-story=${link.storiesId}/${link.storyId} names no <vitrine-stories id="${link.storiesId}"> in a <${TRAY_TAG}>; it is ignored.`,
        `story-link-unknown:${link.seq}`,
      );
      return;
    }
    if (tray !== this) return;
    const index = this.groups.indexOf(target);
    if (target.feedUnread) {
      // Its slides are not known before its feed is read: the group opens, then the slide.
      void this.updateComplete.then(() => {
        this.show(index);
        this.linkedSlide = { group: target, id: link.storyId, seq: link.seq };
      });
      return;
    }
    const slide = slidesOf(target).findIndex((story) => slideId(story) === link.storyId);
    if (slide === -1) return this.unknownSlide(link.storiesId, link.storyId, link.seq);
    // After this render: the dialog must be on the page to open.
    void this.updateComplete.then(() => this.show(index, slide));
  }

  private unknownSlide(storiesId: string, storyId: string, seq: number): void {
    warn(
      `the story link #vitrine-story=${storiesId}/${storyId} names no slide "${storyId}" in <vitrine-stories id="${storiesId}">; it is ignored.`,
      `story-link-unknown:${seq}`,
    );
  }

  private async share(): Promise<void> {
    const group = this.openGroup;
    const story = group && slidesOf(group)[group.current];
    const id = story && slideId(story);
    if (!group?.id || !id) return;
    const url = storyLinkFor(group.id, id);
    const native = typeof navigator.share === 'function';
    const target = native ? 'native' : 'copy';
    if (!emit(this, 'vitrine-share', { target, url }, { cancelable: true })) return;
    try {
      if (native) await navigator.share({ url, title: group.label });
      else {
        await navigator.clipboard.writeText(url);
        this.status = this.t('tray.copied');
      }
    } catch {
      /* the fan closed the share sheet, or the clipboard is refused: nothing was shared */
    }
  }

  private onListKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="cover"]')];
    const at = buttons.indexOf(event.composedPath()[0] as HTMLElement);
    if (at === -1 || event.altKey || event.ctrlKey || event.metaKey) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const moves: Record<string, number> = {
      ArrowRight: rtl ? at - 1 : at + 1,
      ArrowLeft: rtl ? at + 1 : at - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, next))]?.focus();
  }

  /** In the dialog, the arrows step through slides and groups wherever the focus is. */
  private onDialogKeydown(event: KeyboardEvent): void {
    const group = this.openGroup;
    if (!group || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      // Closed here rather than by the dialog's own cancel: at once, the same in every engine.
      event.preventDefault();
      this.close();
      return;
    }
    const rtl = getComputedStyle(this).direction === 'rtl';
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    if ((event.key === 'ArrowRight') !== rtl) group.next();
    else group.previous();
  }

  private groupLabel(group: TrayGroup): string {
    return group.label || this.t('stories.label');
  }

  private renderCover(group: TrayGroup, index: number) {
    const label = this.groupLabel(group);
    const unseen = this.unseen(group);
    const name =
      unseen === undefined
        ? this.t('tray.fresh', { label })
        : unseen > 0
          ? this.t('tray.cover', {
              label,
              news: translatePlural(this.locale, 'tray.new', { count: unseen }),
            })
          : label;
    const ringed = unseen === undefined || unseen > 0;
    const cover = group.cover ? safeUrl(group.cover) : undefined;
    return html`<li>
      <button
        part=${ringed ? 'cover cover-unseen' : 'cover'}
        type="button"
        data-index=${index}
        aria-label=${name}
        aria-haspopup="dialog"
        @click=${() => this.show(index)}
      >
        <span part="ring">
          ${
            cover
              ? html`<img part="image" src=${cover} alt="" decoding="async" />`
              : html`<span part="image" aria-hidden="true">${label.slice(0, 1)}</span>`
          }
        </span>
        <span part="name" aria-hidden="true">${label}</span>
      </button>
    </li>`;
  }

  override render() {
    const open = this.openGroup;
    const shareable = Boolean(open?.id);
    return html`<ul
        part="list"
        aria-label=${this.label || this.t('stories.label')}
        @keydown=${this.onListKeydown}
      >
        ${this.groups.map((group, i) => this.renderCover(group, i))}
      </ul>
      <dialog
        part="dialog"
        aria-label=${open ? this.groupLabel(open) : nothing}
        @close=${this.dialog.handlers.close}
        @keydown=${this.onDialogKeydown}
        @pointerdown=${this.dialog.handlers.pointerdown}
        @pointerup=${this.dialog.handlers.pointerup}
        @touchstart=${this.dialog.handlers.touchstart}
        @touchend=${this.dialog.handlers.touchend}
      >
        <div part="header">
          <button
            part="close"
            type="button"
            aria-label=${this.t('tray.close')}
            @click=${this.close}
          >
            ${ICONS.close}
          </button>
          ${
            shareable
              ? html`<button
                  part="share"
                  type="button"
                  aria-label=${this.t('tray.share')}
                  @click=${this.share}
                >
                  ${ICONS.share}
                </button>`
              : nothing
          }
          <p part="status" role="status">${this.status}</p>
        </div>
        <slot></slot>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-story-tray': VitrineStoryTray;
  }
}
