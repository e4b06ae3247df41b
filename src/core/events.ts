/** Detail of `vitrine-wishlist-change`: a product was saved or unsaved by the shopper. */
export interface WishlistChangeDetail {
  productId: string;
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

/** Every public Vitrine event and its detail. */
export interface VitrineEventMap {
  'vitrine-wishlist-change': WishlistChangeDetail;
  'vitrine-share': ShareDetail;
  'vitrine-shared-wishlist-save': SharedWishlistSaveDetail;
  'vitrine-login': LoginDetail;
  'vitrine-logout': Record<string, never>;
  'vitrine-login-error': LoginErrorDetail;
  'vitrine-vote': VoteDetail;
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
