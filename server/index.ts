/**
 * `vitrine/server`: the reference back end behind votes, live counts, signed-in wishlists
 * and short share links. See server/README.md for the HTTP contract and the options.
 *
 *   const vitrine = createVitrineHandler({ issuer, audience, origins, campaigns, db });
 *   createServer(vitrine).listen(8787);   // or app.use('/vitrine', vitrine)
 *   await vitrine.close();
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MIN_ADMIN_TOKEN_LENGTH } from './admin.js';
import { createCampaignRegistry } from './campaigns.js';
import { checkWebhookUrl, startWebhooks } from './webhooks.js';
import { sendHealth, sendReadiness, type ReadinessCheck } from './health.js';
import { ClientGone, HttpError, matchRoute, sendError, splitUrl } from './http.js';
import { createIdentityVerifier } from './identity.js';
import { LiveHub, createMemoryBus } from './live.js';
import { storageOutage } from './outage.js';
import { consoleLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import {
  DAY_MS,
  normalizeOrigin,
  positiveNumber,
  proxyHops,
  type VitrineOptions,
} from './options.js';
import { createMemoryRateLimiter, resolveRateLimits } from './rate-limit.js';
import { isPostgresUrl, openPostgresStorage } from './postgres-storage.js';
import { connectRedis, type RedisLink } from './redis.js';
import { createApi } from './routes.js';
import { openSqliteStorage } from './sqlite-storage.js';
import { StorageUnavailable, type VitrineStorage } from './storage.js';

export type { Campaign, CampaignDefinition } from './campaigns.js';
export type { CountChange, LiveBus } from './live.js';
export type { Logger } from './logger.js';
export type { VitrineOptions } from './options.js';
export type { RateLimit, RateLimits, VitrineRateLimiter } from './rate-limit.js';
export type {
  ProductCount,
  SharedList,
  StoredWishlist,
  VitrineStorage,
  VoteOutcome,
  WishlistItem,
  WishlistWrite,
} from './storage.js';
export type { PostgresStorageOptions } from './postgres-storage.js';
export type { RedisLink } from './redis.js';
export { createMemoryBus } from './live.js';
export { openPostgresStorage } from './postgres-storage.js';
export { connectRedis } from './redis.js';
export { StorageUnavailable } from './storage.js';
export { DEFAULT_RATE_LIMITS, createMemoryRateLimiter } from './rate-limit.js';
export { openSqliteStorage } from './sqlite-storage.js';
export { webhookSignature } from './webhooks.js';

/**
 * A Node request listener (`http.createServer(handler)`), which also mounts as connect or
 * Express middleware (`app.use('/vitrine', handler)`, Vite's `server.middlewares.use`). It
 * answers every request that reaches it, an unknown path with the contract's JSON 404.
 */
export interface VitrineHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Ends live streams, lets requests in progress finish, closes the store. */
  close(): Promise<void>;
}

const SWEEP_MS = 60 * 60 * 1000;
/** What a fan's client is told to wait while the database does not answer. */
const UNAVAILABLE_RETRY_S = '2';
/** How long `close()` waits for requests in progress. */
const CLOSE_GRACE_MS = 5_000;

export function createVitrineHandler(options: VitrineOptions): VitrineHandler {
  if (typeof options?.issuer !== 'string' || !/^https?:\/\//.test(options.issuer)) {
    throw new TypeError('vitrine/server: `issuer` must be the http(s) URL of an OpenID Provider');
  }
  const audience = options.audience;
  if (
    !(typeof audience === 'string' && audience !== '') &&
    !(
      Array.isArray(audience) &&
      audience.length > 0 &&
      audience.every((a) => typeof a === 'string' && a !== '')
    )
  ) {
    throw new TypeError('vitrine/server: `audience` must be the client id(s) ID tokens are for');
  }
  const logger = options.logger ?? consoleLogger;
  const origins = new Set((options.origins ?? []).map(normalizeOrigin));
  const imageOrigins = new Set([...origins, ...(options.imageOrigins ?? []).map(normalizeOrigin)]);
  const proxies = proxyHops(options.trustProxy);
  const shareTtlMs = positiveNumber(options.shareTtlMs, 30 * DAY_MS, 'shareTtlMs');
  const retentionDays = positiveNumber(options.retentionDays, 730, 'retentionDays', 100_000);
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new TypeError('vitrine/server: `now` must be a function returning ms since the epoch');
  }
  const now = options.now ?? Date.now;
  const adminToken = options.adminToken;
  if (
    adminToken !== undefined &&
    (typeof adminToken !== 'string' ||
      adminToken.length < MIN_ADMIN_TOKEN_LENGTH ||
      /\s/.test(adminToken))
  ) {
    throw new TypeError(
      `vitrine/server: \`adminToken\` must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters, without spaces`,
    );
  }
  const maxSharedLists = positiveNumber(options.maxSharedLists, 100_000, 'maxSharedLists');
  const maxTokenAgeMs = positiveNumber(options.maxTokenAgeMs, DAY_MS, 'maxTokenAgeMs');
  const keysRefreshMs = positiveNumber(options.keysRefreshMs, 5 * 60_000, 'keysRefreshMs');
  const maxStreamsPerAddress = positiveNumber(
    options.maxStreamsPerAddress,
    16,
    'maxStreamsPerAddress',
  );
  // setInterval's longest delay.
  const heartbeatMs = positiveNumber(options.heartbeatMs, 15_000, 'heartbeatMs', 2 ** 31 - 1);
  const limits = resolveRateLimits(options.rateLimits);
  if (options.redis !== undefined && !/^rediss?:\/\//.test(options.redis)) {
    throw new TypeError('vitrine/server: `redis` must be a redis:// or rediss:// URL');
  }

  const webhookUrls = [...new Set((options.webhooks ?? []).map(checkWebhookUrl))];
  const webhookSecret = options.webhookSecret;
  if (
    webhookUrls.length > 0 &&
    (typeof webhookSecret !== 'string' || webhookSecret.length < MIN_ADMIN_TOKEN_LENGTH)
  ) {
    throw new TypeError(
      `vitrine/server: \`webhookSecret\` of ${MIN_ADMIN_TOKEN_LENGTH} characters or more is needed with \`webhooks\``,
    );
  }
  const webhookRetryMs = positiveNumber(
    options.webhookRetryMs,
    10_000,
    'webhookRetryMs',
    2 ** 31 - 1,
  );

  const campaigns = createCampaignRegistry(options.campaigns ?? [], logger);
  let storage: VitrineStorage;
  let redis: RedisLink | undefined;
  try {
    const db = options.db ?? 'vitrine.db';
    storage =
      options.storage ?? (isPostgresUrl(db) ? openPostgresStorage(db) : openSqliteStorage(db));
    if (options.redis !== undefined) redis = connectRedis(options.redis, limits, logger);
  } catch (error) {
    campaigns.close();
    throw error;
  }
  const limiter = options.rateLimiter ?? redis?.limiter ?? createMemoryRateLimiter(limits);
  const bus = options.live ?? redis?.bus ?? createMemoryBus();
  const metrics = createMetrics(() => hub.streamCount);
  storage = metrics.instrument(storage);
  // Migrates a new database now rather than on the first fan's request.
  storage.ping?.().catch((error) => logger.error('the database does not answer yet', error));
  const readiness: Record<string, ReadinessCheck> = {
    database: async () => {
      await storage.ping?.();
    },
    ...(redis && { redis: redis.ping }),
  };
  const hub = new LiveHub({
    bus,
    storage,
    campaign: (id) => campaigns.get(id),
    heartbeatMs,
    logger,
  });
  campaigns.onChange(() => hub.campaignsChanged());

  const webhooks =
    webhookUrls.length > 0
      ? startWebhooks({
          urls: webhookUrls,
          secret: webhookSecret!,
          storage,
          campaigns,
          logger,
          retryMs: webhookRetryMs,
        })
      : undefined;

  const api = createApi({
    campaigns,
    storage,
    bus,
    hub,
    identity: createIdentityVerifier({
      issuer: options.issuer,
      audience,
      maxTokenAgeMs,
      keysRefreshMs,
      logger,
    }),
    limiter,
    origins,
    proxies,
    shareTtlMs,
    itemOrigins: { links: origins, images: imageOrigins },
    maxSharedLists,
    maxStreamsPerAddress,
    ...(adminToken !== undefined && { adminToken }),
    ...(webhooks && { webhooks }),
    logger,
  });

  // Expired share links answer 410 for as long again, then are deleted (404); signed-in
  // wishlists untouched for the retention period are deleted. At start, so a server
  // restarted often still does it, then every hour.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweepExpired = () => {
    const time = now();
    sweeping = Promise.all([
      storage
        .deleteSharedListsExpiredBefore(time - shareTtlMs)
        .catch((error) => logger.error('expired shared lists were not deleted', error)),
      storage
        .deleteWishlistsUntouchedSince(time - retentionDays * DAY_MS)
        .catch((error) => logger.error('wishlists past retention were not deleted', error)),
    ]);
  };
  sweepExpired();
  const sweep = setInterval(sweepExpired, SWEEP_MS);
  sweep.unref();

  let inFlight = 0;
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;

  /** The operators' routes first (probes and scrapers, no CORS nor rate limit), then the API. */
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const { path } = splitUrl(req.url ?? '/');
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (path === '/healthz') return sendHealth(res);
      if (path === '/readyz') return sendReadiness(res, readiness);
      if (path === '/metrics') return metrics.serve(res);
    }
    let route = 'unknown';
    try {
      route = matchRoute(path)?.name ?? 'unknown';
    } catch {
      // A path that does not decode is the API's 400 to give.
    }
    metrics.observe(req, res, route);
    return api(req, res);
  };

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    try {
      await serve(req, res);
    } catch (caught) {
      if (caught instanceof ClientGone) return;
      const error = storageOutage(caught) ?? caught;
      if (!(error instanceof HttpError) && !(error instanceof StorageUnavailable)) {
        logger.error(`${req.method} ${req.url} failed`, error);
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(
        res,
        error instanceof HttpError
          ? error
          : error instanceof StorageUnavailable
            ? new HttpError(
                503,
                'unavailable',
                'The database does not answer; try again shortly.',
                {
                  'retry-after': UNAVAILABLE_RETRY_S,
                },
              )
            : new HttpError(500, 'internal', 'Something went wrong on our side.'),
      );
    } finally {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    }
  };

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    if (closing) {
      sendError(
        res,
        new HttpError(503, 'unavailable', 'The server is shutting down.', { connection: 'close' }),
      );
      return;
    }
    void answer(req, res);
  }) as VitrineHandler;

  handler.close = () =>
    (closing ??= (async () => {
      clearInterval(sweep);
      campaigns.close();
      await sweeping;
      await hub.close();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, CLOSE_GRACE_MS).unref();
        });
      }
      await webhooks?.close();
      await limiter.close?.();
      await bus.close?.();
      await redis?.close();
      await storage.close();
    })());

  return handler;
}
