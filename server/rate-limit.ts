/**
 * Token buckets: each key (a person, an address) holds up to `burst` requests and earns
 * `perMinute` more a minute. Kept in this process's memory by default; behind an interface
 * so several processes can share counters (Redis) instead.
 */

export interface RateLimit {
  /** Requests allowed at once, from a full bucket. */
  burst: number;
  /** Requests earned back per minute. */
  perMinute: number;
}

export interface RateLimits {
  /** Votes and wishlist writes, per signed-in person. */
  person: RateLimit | false;
  /** Every request, per client address (many shoppers can share one behind a carrier NAT). */
  ip: RateLimit | false;
  /** Shared-wishlist links created, per client address. */
  share: RateLimit | false;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  person: { burst: 30, perMinute: 120 },
  ip: { burst: 300, perMinute: 1200 },
  share: { burst: 10, perMinute: 6 },
};

export interface VitrineRateLimiter {
  /**
   * Spends one request of `key` in `bucket`: 0 when allowed, else the whole seconds to wait
   * (the `Retry-After`).
   */
  take(bucket: keyof RateLimits, key: string): number | Promise<number>;
  close?(): void | Promise<void>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** How often buckets that have filled up again are forgotten. */
const SWEEP_INTERVAL_MS = 60_000;

export function resolveRateLimits(overrides: Partial<RateLimits> = {}): RateLimits {
  const limits = { ...DEFAULT_RATE_LIMITS, ...overrides };
  for (const [name, limit] of Object.entries(limits)) {
    if (limit === false) continue;
    if (!(limit.burst >= 1) || !(limit.perMinute > 0)) {
      throw new TypeError(
        `vitrine/server: rateLimits.${name} needs burst >= 1 and perMinute > 0, or false`,
      );
    }
  }
  return limits;
}

export function createMemoryRateLimiter(limits: RateLimits): Required<VitrineRateLimiter> {
  const buckets = {
    person: new Map<string, Bucket>(),
    ip: new Map<string, Bucket>(),
    share: new Map<string, Bucket>(),
  };

  const sweep = setInterval(() => {
    const now = performance.now();
    for (const name of ['person', 'ip', 'share'] as const) {
      const limit = limits[name];
      if (limit === false) continue;
      const fullAfterMs = (limit.burst * 60_000) / limit.perMinute;
      for (const [key, bucket] of buckets[name]) {
        if (now - bucket.updatedAt >= fullAfterMs) buckets[name].delete(key);
      }
    }
  }, SWEEP_INTERVAL_MS);
  sweep.unref();

  return {
    take(name, key) {
      const limit = limits[name];
      if (limit === false) return 0;
      const now = performance.now();
      const bucket = buckets[name].get(key);
      if (bucket === undefined) {
        buckets[name].set(key, { tokens: limit.burst - 1, updatedAt: now });
        return 0;
      }
      const tokens = Math.min(
        limit.burst,
        bucket.tokens + ((now - bucket.updatedAt) * limit.perMinute) / 60_000,
      );
      bucket.updatedAt = now;
      if (tokens >= 1) {
        bucket.tokens = tokens - 1;
        return 0;
      }
      bucket.tokens = tokens;
      return Math.max(1, Math.ceil(((1 - tokens) * 60) / limit.perMinute));
    },
    close() {
      clearInterval(sweep);
    },
  };
}
