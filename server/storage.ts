/**
 * What the server keeps, behind an interface: the embedded SQLite store
 * (`sqlite-storage.ts`) or PostgreSQL (`postgres-storage.ts`) when one machine is not
 * enough. Every method is async for that reason, even where SQLite answers at once.
 */
import type { WishlistItem } from '../src/contract/index.js';

/** A saved product, as the widgets hold it: the contract's wishlist item. */
export type { WishlistItem };

export interface ProductCount {
  productId: string;
  count: number;
  /**
   * Grows by one with every change of this count. Several server processes publish counts
   * in whatever order their writes finish; the version lets a listener keep the newest.
   */
  version: number;
}

export interface VoteOutcome extends ProductCount {
  /** Whether the person's vote is there after the call. */
  voted: boolean;
  /** False when the call found things as it leaves them (a repeated PUT or DELETE). */
  changed: boolean;
}

export interface StoredWishlist {
  items: WishlistItem[];
  /** 0 before the first write, then one more on every write. */
  version: number;
}

export type WishlistWrite =
  { saved: true; wishlist: StoredWishlist } | { saved: false; current: StoredWishlist };

export interface SharedList {
  /** 128 random bits, base64url. */
  id: string;
  items: WishlistItem[];
  /** ms since the epoch */
  createdAt: number;
  /** ms since the epoch */
  expiresAt: number;
  /** The signed-in person who made it; none for a guest's. Erased with that person's data. */
  owner?: string;
}

/** A campaign's product count, as the live streams carry it. */
export interface CampaignCount extends ProductCount {
  campaign: string;
}

/** Everything the store keeps about one person (`GET /me/export`). */
export interface PersonalData {
  votes: Array<{ campaign: string; productId: string; /** ms since the epoch */ votedAt: number }>;
  /** Absent when the person has no list on the server. */
  wishlist?: StoredWishlist & { /** ms since the epoch */ updatedAt: number };
  /** The share links the person made while signed in, expired ones not yet deleted included. */
  sharedLists: SharedList[];
}

/** One event for one webhook URL, kept until that URL has taken it. */
export interface WebhookDelivery {
  /** The event's `id`, the same on every try and for every URL. */
  eventId: string;
  url: string;
  /** The JSON body, exactly as signed and sent. */
  body: string;
  /** Tries so far. */
  attempts: number;
}

/**
 * The database does not answer (down, restarting, unreachable): nothing was written, and the
 * same call may succeed later. Routes answer it with 503 `unavailable` and `Retry-After`.
 */
export class StorageUnavailable extends Error {
  constructor(message = 'The database does not answer.', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailable';
  }
}

export interface VitrineStorage {
  /** Records the person's vote (once, whatever the number of calls) and returns the count. */
  vote(campaign: string, productId: string, person: string): Promise<VoteOutcome>;
  /** Takes the person's vote back, if there is one, and returns the count. */
  unvote(campaign: string, productId: string, person: string): Promise<VoteOutcome>;
  /** The products of the campaign that have (or had) votes; the others count 0. */
  counts(campaign: string): Promise<ProductCount[]>;
  /** Which of `productIds` the person has voted for. */
  votedFor(campaign: string, productIds: readonly string[], person: string): Promise<Set<string>>;
  /** The person's list, `{ items: [], version: 0 }` when there is none yet. */
  wishlist(person: string): Promise<StoredWishlist>;
  /**
   * Replaces the person's list. With `expectedVersion`, only if the stored version is still
   * that one; otherwise nothing changes and the current copy comes back.
   */
  saveWishlist(
    person: string,
    items: WishlistItem[],
    expectedVersion?: number,
  ): Promise<WishlistWrite>;
  saveSharedList(list: SharedList): Promise<void>;
  sharedList(id: string): Promise<SharedList | undefined>;
  /**
   * How many shared lists are stored, expired ones not yet deleted included: what the share
   * quota (`maxSharedLists`) is checked against. A store without it has no quota.
   */
  countSharedLists?(): Promise<number>;
  /** Deletes shared lists that expired before `time` (ms); returns how many. */
  deleteSharedListsExpiredBefore(time: number): Promise<number>;
  /** Everything kept about `person`: their votes, their wishlist, the lists they shared. */
  personalData(person: string): Promise<PersonalData>;
  /**
   * Erases everything kept about `person` in one transaction: their votes are withdrawn
   * (each count one less, one version more), their wishlist and the lists they shared are
   * deleted. Returns the counts that changed, for the live streams; none on a second call.
   */
  erasePerson(person: string): Promise<CampaignCount[]>;
  /** Deletes the wishlists last written before `time` (ms); returns how many. */
  deleteWishlistsUntouchedSince(time: number): Promise<number>;
  /**
   * Queues an event for each URL, unless an event of the same `key` was ever queued for that
   * URL (`campaign.goal_reached` is sent once per product). Returns how many were queued.
   */
  queueWebhook(
    event: { eventId: string; key: string; body: string; createdAt: number },
    urls: readonly string[],
  ): Promise<number>;
  /**
   * Up to `limit` deliveries due at `now` (ms), each held until `leaseUntil` so another
   * process does not send it at the same time.
   */
  claimWebhooks(now: number, leaseUntil: number, limit: number): Promise<WebhookDelivery[]>;
  /** The URL took the event: it is not sent again. */
  webhookDelivered(eventId: string, url: string, time: number): Promise<void>;
  /** The try failed: another one at `nextAttemptAt` (ms). */
  webhookFailed(
    eventId: string,
    url: string,
    attempts: number,
    nextAttemptAt: number,
  ): Promise<void>;
  /** Resolves when the database answers (for `GET /readyz`); rejects otherwise. */
  ping?(): Promise<void>;
  close(): Promise<void>;
}
