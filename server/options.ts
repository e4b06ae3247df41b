/** The options of `createVitrineHandler`, their defaults and their validation. */
import type { CampaignDefinition } from './campaigns.js';
import type { LiveBus } from './live.js';
import type { Logger } from './logger.js';
import type { RateLimits, VitrineRateLimiter } from './rate-limit.js';
import type { VitrineStorage } from './storage.js';

export interface VitrineOptions {
  /** The OpenID Provider whose ID tokens identify fans (its discovery document is read). */
  issuer: string;
  /** The client id(s) the ID tokens must be issued to (`aud`): the widgets' `client-id`. */
  audience: string | string[];
  /**
   * Brand origins allowed to call from a browser (`https://maison.example`), the pages a
   * share link may open on and the only places a wishlist item may link to. Default none.
   */
  origins?: string[];
  /** Further origins a wishlist item's image may come from (a CDN). Default none. */
  imageOrigins?: string[];
  /** A campaigns JSON file (reloaded on change) or the campaigns themselves. Default none. */
  campaigns?: string | CampaignDefinition[];
  /**
   * A SQLite file (`':memory:'` keeps nothing) or a `postgres://` / `postgresql://` URL
   * (several processes on one database). Default `'vitrine.db'`. Ignored with `storage`.
   */
  db?: string;
  /**
   * A `redis://` URL: live counts and rate-limit buckets shared by every process on it.
   * Default none (this process alone). `live` and `rateLimiter`, when given, take precedence.
   */
  redis?: string;
  /** Another store (PostgreSQL…) instead of the SQLite file; closed by `close()`. */
  storage?: VitrineStorage;
  /** How count changes reach live streams (Redis pub/sub…). Default: in this process. */
  live?: LiveBus;
  /**
   * Days a signed-in fan's wishlist is kept after its last change; the server deletes older
   * ones itself (at start, then every hour). Default 730.
   */
  retentionDays?: number;
  /** The clock the server's sweeps read, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /**
   * The token of the back office (`Authorization: Bearer <token>` on `/admin/` routes), at
   * least 16 characters. Default none: the `/admin/` routes answer 404.
   */
  adminToken?: string;
  /**
   * URLs that receive `campaign.goal_reached` and `campaign.closed` events (POST, JSON,
   * signed with `webhookSecret`). Default none.
   */
  webhooks?: string[];
  /** The key of the `Vitrine-Signature` HMAC, 16 characters or more; needed with `webhooks`. */
  webhookSecret?: string;
  /** The wait after a webhook's first failed try, doubled after each next one. Default 10 s. */
  webhookRetryMs?: number;
  /** Life of a shared wishlist link. Default 30 days. */
  shareTtlMs?: number;
  /** Shared lists kept at once; beyond, sharing answers 503 `share_quota`. Default 100 000. */
  maxSharedLists?: number;
  /** The longest life (`exp - iat`) of an ID token accepted. Default 24 h. */
  maxTokenAgeMs?: number;
  /**
   * How often the provider's keys are read again; when they changed, remembered tokens are
   * verified again (a withdrawn key stops working). Default 5 minutes.
   */
  keysRefreshMs?: number;
  /** Live streams one client address may hold open at once. Default 16. */
  maxStreamsPerAddress?: number;
  /** Token buckets; `false` turns one off. Defaults in `DEFAULT_RATE_LIMITS`. */
  rateLimits?: Partial<RateLimits>;
  /** Shared rate-limit counters (Redis…) instead of this process's memory. */
  rateLimiter?: VitrineRateLimiter;
  /** Interval of the comment that keeps idle live streams open. Default 15 000. */
  heartbeatMs?: number;
  /**
   * Reverse proxies in front of the server whose `X-Forwarded-For` entry is trusted for
   * the client's address (rate limits). `true` means one. Default none.
   */
  trustProxy?: boolean | number;
  /** Where reloads and errors go. Default `console`. */
  logger?: Logger;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** An origin as browsers send it: scheme, host, port if not the default; nothing else. */
export function normalizeOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`vitrine/server: origin ${JSON.stringify(value)} is not a URL`);
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    value.replace(/\/$/, '') !== url.origin
  ) {
    throw new TypeError(
      `vitrine/server: origin ${JSON.stringify(value)} must be a bare http(s) origin like https://maison.example`,
    );
  }
  return url.origin;
}

export function proxyHops(trustProxy: boolean | number | undefined): number {
  if (trustProxy === true) return 1;
  if (trustProxy === undefined || trustProxy === false) return 0;
  if (!Number.isInteger(trustProxy) || trustProxy < 0) {
    throw new TypeError('vitrine/server: trustProxy must be a boolean or a number of proxies');
  }
  return trustProxy;
}

export function positiveNumber(
  value: number | undefined,
  fallback: number,
  name: string,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 1) || value > max) {
    throw new TypeError(`vitrine/server: ${name} must be a number from 1 to ${max}`);
  }
  return value;
}
