import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Placement } from '@floating-ui/dom';
import { FloatingController } from './floating-controller.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
type Find = () => HTMLElement | null | undefined;

export interface PopoverOptions {
  /** The button that opens the popover: focus goes back to it on Escape. */
  trigger: Find;
  /** The floating panel (with a `popover` attribute, it is shown in the top layer). */
  panel: Find;
  placement?: Placement;
  /** Keeps the panel inside this element as far as it fits (a story's slide). */
  boundary?: () => Element | null;
  /** What gets focus when the popover opens (default: the panel). */
  initialFocus?: Find;
  /** Told after the popover opened or closed: events, pausing a story. */
  onToggle?: (open: boolean) => void;
  /** Popovers of one group close each other: one open at a time on the page. */
  group?: string;
}

let ids = 0;
const openInGroup = new Map<string, PopoverController>();

/**
 * The life of a popover (a menu, a share panel, a product card), written once: open state,
 * position (floating-ui, only while open), focus into the panel, and closing on Escape (focus
 * back on the trigger), on a click outside, and when keyboard focus leaves the element.
 * Nothing is listened to while it is closed, and nothing outlives the host.
 */
export class PopoverController implements ReactiveController {
  /** A page-unique id for the panel, for `aria-controls`. */
  readonly id = `vitrine-popover-${++ids}`;
  private isOpen = false;
  private placed = false;
  private readonly floating: FloatingController;

  constructor(
    private readonly host: Host,
    private readonly options: PopoverOptions,
  ) {
    this.floating = new FloatingController(host, options.placement);
    host.addController(this);
  }

  get open(): boolean {
    return this.isOpen;
  }

  show(): void {
    if (this.isOpen) return;
    const { group } = this.options;
    if (group) {
      openInGroup.get(group)?.close();
      openInGroup.set(group, this);
    }
    this.isOpen = true;
    this.listen(true);
    this.host.requestUpdate();
    this.options.onToggle?.(true);
  }

  /** Closes the popover; `refocus` puts focus back on the trigger (Escape, a close button). */
  close({ refocus = false } = {}): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    if (this.options.group && openInGroup.get(this.options.group) === this) {
      openInGroup.delete(this.options.group);
    }
    this.listen(false);
    this.place();
    if (refocus) this.options.trigger()?.focus();
    this.host.requestUpdate();
    this.options.onToggle?.(false);
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.show();
  }

  hostUpdated(): void {
    this.place();
  }

  hostDisconnected(): void {
    this.close();
  }

  /** What closes an open popover: a press outside, Escape, focus leaving. */
  private listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('pointerdown', this.onDocumentPointer, true);
    this.host[method]('keydown', this.onKeydown as EventListener);
    this.host.renderRoot[method]('focusout', this.onFocusOut as EventListener);
  }

  /** Shows or hides the panel to match the state, once per change. */
  private place(): void {
    if (this.placed === this.isOpen) return;
    const panel = this.options.panel() as (HTMLElement & { showPopover?(): void }) | null;
    const trigger = this.options.trigger();
    if (this.isOpen && (!panel || !trigger)) return;
    this.placed = this.isOpen;
    if (!this.isOpen) {
      this.floating.close();
      if (panel?.matches(':popover-open')) panel.hidePopover();
      return;
    }
    if (panel!.hasAttribute('popover')) panel!.showPopover?.();
    this.floating.open(trigger!, panel!, { boundary: this.options.boundary?.() ?? null });
    // No scrolling: a carousel or a header must not shift to bring the panel into view.
    (this.options.initialFocus?.() ?? panel)!.focus({ preventScroll: true });
  }

  private readonly onDocumentPointer = (event: Event): void => {
    if (!event.composedPath().includes(this.host)) this.close();
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    event.preventDefault();
    this.close({ refocus: true });
  };

  /** Tabbing out closes the popover, as a click elsewhere does (WCAG 2.4.11). */
  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next) {
      if (!this.host.renderRoot.contains(next) && !this.host.contains(next)) this.close();
      return;
    }
    // Tabbing past the end of a panel in the top layer leaves focus on nothing: the panel
    // closes and the fan goes on from its trigger. (The window losing focus closes nothing.)
    queueMicrotask(() => {
      if (!this.isOpen || !document.hasFocus()) return;
      const active = document.activeElement;
      if (active === null || active === document.body) this.close({ refocus: true });
    });
  };
}
