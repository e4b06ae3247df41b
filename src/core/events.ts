/** Detail of `vitrine-wishlist-change`: a product was saved or unsaved by the shopper. */
export interface WishlistChangeDetail {
  productId: string;
  /** The variant saved or unsaved; absent, the product itself. */
  variantId?: string;
  saved: boolean;
  /** Items in the wishlist after the change. */
  count: number;
}

/** Detail of `vitrine-share`: fired before the share happens; cancel it to stop the share. */
export interface ShareDetail {
  target: string;
  url: string;
}

/** Detail of `vitrine-shared-wishlist-save`: items from a received link were merged. */
export interface SharedWishlistSaveDetail {
  added: number;
  count: number;
}

/** Detail of `vitrine-login`: a fan signed in, with verified claims. */
export interface LoginDetail {
  user: { sub: string; name: string; email?: string; picture?: string };
}

/** Detail of `vitrine-login-error`: sign-in did not happen (`cancelled` when the fan gave up). */
export interface LoginErrorDetail {
  code: string;
  /** Localized, as shown on the widget. */
  message: string;
}

/** Detail of `vitrine-vote`: the fan's vote was counted (`voted`) or taken back. */
export interface VoteDetail {
  campaign: string;
  productId: string;
  voted: boolean;
  /** The product's count after the vote, as the server confirmed it. */
  count: number;
}

/** Detail of `vitrine-story-change`: a story shows another slide, automatically or not. */
export interface StoryChangeDetail {
  /** The slide's position, from 0. */
  index: number;
  /** The slide's `id` attribute (or its feed id); empty when it has none. */
  id: string;
}

/** Detail of `vitrine-story-view`: a slide was shown to the fan (once per slide and visit). */
export interface StoryViewDetail {
  /** The `id` of the `<vitrine-stories>`; empty when it has none. */
  storiesId: string;
  /** The slide's `id` attribute (or its feed id); empty when it has none. */
  id: string;
  /** The slide's position, from 0. */
  index: number;
}

/** Detail of `vitrine-story-complete`: a group of stories was seen to its end. */
export interface StoryCompleteDetail {
  storiesId: string;
}

/** Detail of `vitrine-hotspot-open` and `vitrine-hotspot-close`: a product card in a story. */
export interface HotspotDetail {
  productId: string;
  /** The hotspot's variant; absent, the product itself. */
  variantId?: string;
}

/** One line for the bag: a product, or one variant of it, and how many. */
export interface BagLine {
  productId: string;
  variantId?: string;
  quantity: number;
}

/** Where the shopper asked for the bag. */
export type BagSource = 'wishlist' | 'shared-wishlist' | 'hotspot';

/**
 * Detail of `vitrine-add-to-bag`: the shopper asked to put these pieces in the bag. The
 * brand's cart code adds them and calls `done(true)` (added) or `done(false)` (could not
 * add); until then the button says it is adding. Cancel the event to take it from there
 * (open a size guide, say): the button stays as it was.
 */
export interface AddToBagDetail {
  items: BagLine[];
  source: BagSource;
  done: (ok: boolean) => void;
}

/** Every public Vitrine event and its detail. */
export interface VitrineEventMap {
  'vitrine-wishlist-change': WishlistChangeDetail;
  'vitrine-share': ShareDetail;
  'vitrine-shared-wishlist-save': SharedWishlistSaveDetail;
  'vitrine-login': LoginDetail;
  'vitrine-logout': Record<string, never>;
  'vitrine-login-error': LoginErrorDetail;
  'vitrine-vote': VoteDetail;
  'vitrine-story-change': StoryChangeDetail;
  'vitrine-story-view': StoryViewDetail;
  'vitrine-story-complete': StoryCompleteDetail;
  'vitrine-hotspot-open': HotspotDetail;
  'vitrine-hotspot-close': HotspotDetail;
  'vitrine-add-to-bag': AddToBagDetail;
}

export type VitrineEventName = keyof VitrineEventMap;
export type VitrineEvent<K extends VitrineEventName> = CustomEvent<VitrineEventMap[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-wishlist-change': VitrineEvent<'vitrine-wishlist-change'>;
    'vitrine-share': VitrineEvent<'vitrine-share'>;
    'vitrine-shared-wishlist-save': VitrineEvent<'vitrine-shared-wishlist-save'>;
    'vitrine-login': VitrineEvent<'vitrine-login'>;
    'vitrine-logout': VitrineEvent<'vitrine-logout'>;
    'vitrine-login-error': VitrineEvent<'vitrine-login-error'>;
    'vitrine-vote': VitrineEvent<'vitrine-vote'>;
    'vitrine-story-change': VitrineEvent<'vitrine-story-change'>;
    'vitrine-story-view': VitrineEvent<'vitrine-story-view'>;
    'vitrine-story-complete': VitrineEvent<'vitrine-story-complete'>;
    'vitrine-hotspot-open': VitrineEvent<'vitrine-hotspot-open'>;
    'vitrine-hotspot-close': VitrineEvent<'vitrine-hotspot-close'>;
    'vitrine-add-to-bag': VitrineEvent<'vitrine-add-to-bag'>;
  }
}

/**
 * Fires a typed `vitrine-*` event that bubbles out of shadow roots. Returns false when a
 * listener cancelled it (only meaningful with `cancelable`).
 */
export function emit<K extends VitrineEventName>(
  target: EventTarget,
  name: K,
  detail: VitrineEventMap[K],
  { cancelable = false } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }),
  );
}
