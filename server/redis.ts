/**
 * What several processes share through Redis (`ioredis`, an optional peer dependency loaded
 * only when a Redis URL is given): live counts and rate-limit buckets. Two connections per
 * process, one that publishes and runs the bucket script, one that listens.
 *
 * Live counts: a stored change goes to this process's streams at once and to the channel
 * `vitrine:counts:<campaign>` for the others, as an absolute count with its version (the
 * changes of one event-loop turn in one message, the newest of each product); every
 * process keeps the newest version of each count, so order, duplicates and the echo of its
 * own messages never matter. After the listening connection comes back, `onResync`
 * listeners run: messages sent meanwhile are lost, so streams get a snapshot from storage.
 *
 * Rate limits: one Lua script refills and takes buckets atomically, on Redis's clock, so a
 * person's burst is the same however many processes there are; the buckets every request
 * asks for during one turn of the event loop go in one call of it. While Redis does not answer,
 * each process falls back to its own buckets (limits then hold per process).
 */
import { createRequire } from 'node:module';
import type { Redis as RedisClient, RedisOptions } from 'ioredis';
import type { CountChange, LiveBus } from './live.js';
import type { Logger } from './logger.js';
import {
  createMemoryRateLimiter,
  type RateLimit,
  type RateLimits,
  type VitrineRateLimiter,
} from './rate-limit.js';

type RedisConstructor = new (url: string, options: RedisOptions) => RedisClient;

function loadDriver(): RedisConstructor {
  const require = createRequire(import.meta.url);
  try {
    return (require('ioredis') as { Redis: RedisConstructor }).Redis;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') {
      throw new Error('vitrine/server needs ioredis for --redis: npm i ioredis', { cause: error });
    }
    throw error;
  }
}

export interface RedisLink {
  bus: Required<Pick<LiveBus, 'onResync'>> & LiveBus;
  limiter: Required<VitrineRateLimiter>;
  /** Resolves when both connections answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL_PREFIX = 'vitrine:counts:';
const RATE_PREFIX = 'vitrine:rate:';
/** A command that takes longer fails, and the caller goes on without Redis. */
const COMMAND_TIMEOUT_MS = 1_000;

/**
 * Each KEYS[i] a bucket, ARGV[2i-1] its burst and ARGV[2i] the tokens it earns per ms, in
 * order (a key twice takes twice). Returns, for each, 0 when a token was taken, else the
 * whole seconds until one is there. A key expires once its bucket is full again.
 */
const TAKE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local waits = {}
for i, key in ipairs(KEYS) do
  local burst = tonumber(ARGV[2 * i - 1])
  local per_ms = tonumber(ARGV[2 * i])
  local stored = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(stored[1])
  local at = tonumber(stored[2])
  if tokens == nil or at == nil then
    tokens = burst
    at = now
  end
  tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
  local wait = 0
  if tokens >= 1 then
    tokens = tokens - 1
  else
    wait = math.max(1, math.ceil((1 - tokens) / per_ms / 1000))
  end
  redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', key, math.ceil((burst - tokens) / per_ms) + 1000)
  waits[i] = wait
end
return waits
`;

/** Buckets taken in one script at most. */
const MAX_TAKES_PER_SCRIPT = 256;
/** Under load, one count message per campaign per this many ms from each process. */
const PUBLISH_EVERY_MS = 20;

type Commander = RedisClient & {
  vitrineTake(keyCount: number, ...keysThenArgs: Array<string | number>): Promise<number[]>;
};

/** A message: the newest `[productId, count, version]` of each product that changed. */
function parseChanges(message: string, campaign: string): CountChange[] {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const changes: CountChange[] = [];
  for (const entry of value) {
    if (!Array.isArray(entry)) continue;
    const [productId, count, version] = entry as unknown[];
    if (
      typeof productId === 'string' &&
      Number.isSafeInteger(count) &&
      Number.isSafeInteger(version)
    ) {
      changes.push({ campaign, productId, count: count as number, version: version as number });
    }
  }
  return changes;
}

/** Connects to the Redis at `url` (`redis://` or `rediss://`). */
export function connectRedis(url: string, limits: RateLimits, logger: Logger): RedisLink {
  const Redis = loadDriver();
  const options: RedisOptions = {
    // Commands fail at once while Redis is away: a vote never waits for it.
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  };
  const publisher = new Redis(url, options) as Commander;
  // The listener queues its SUBSCRIBEs until it is connected, and repeats them after a break.
  const subscriber = new Redis(url, {
    ...options,
    enableOfflineQueue: true,
    autoResubscribe: true,
  });
  publisher.defineCommand('vitrineTake', { lua: TAKE_SCRIPT });

  const reportOutage = (name: string, client: RedisClient) => {
    let reported = false;
    client.on('error', (error) => {
      if (reported) return;
      reported = true;
      logger.error(`Redis (${name}) does not answer; going on without it`, error);
    });
    client.on('ready', () => {
      if (reported) logger.info(`Redis (${name}) answers again`);
      reported = false;
    });
  };
  reportOutage('publisher', publisher);
  reportOutage('subscriber', subscriber);

  const listeners = new Map<string, Set<(change: CountChange) => void>>();
  const resyncListeners: Array<() => void> = [];
  const deliver = (change: CountChange) => {
    const forCampaign = listeners.get(change.campaign);
    if (forCampaign) for (const listener of forCampaign) listener(change);
  };

  subscriber.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(CHANNEL_PREFIX)) return;
    for (const change of parseChanges(message, channel.slice(CHANNEL_PREFIX.length))) {
      deliver(change);
    }
  });
  let listenedBefore = false;
  subscriber.on('ready', () => {
    if (listenedBefore) for (const listener of resyncListeners) listener();
    listenedBefore = true;
  });

  // Changes go out together, one message per campaign with the newest count of each
  // product: counts are absolute, the others lose nothing by not seeing the ones in between.
  // The first change after a quiet moment goes out on the next turn of the event loop; under
  // load, at most one message per PUBLISH_EVERY_MS (each one wakes Redis and every other
  // process, and their live streams send at most once per 250 ms anyway).
  const outgoing = new Map<string, Map<string, CountChange>>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let flushing = false;
  let flushedAt = -Infinity;
  const flush = () => {
    flushing = false;
    flushTimer = undefined;
    flushedAt = performance.now();
    const campaigns = [...outgoing];
    outgoing.clear();
    // Lost while Redis is away: the other processes catch up with a snapshot when it is back.
    if (publisher.status !== 'ready') return;
    for (const [campaign, changes] of campaigns) {
      const message = JSON.stringify(
        [...changes.values()].map(({ productId, count, version }) => [productId, count, version]),
      );
      publisher.publish(CHANNEL_PREFIX + campaign, message).catch(() => {});
    }
  };

  const bus: RedisLink['bus'] = {
    publish(change) {
      deliver(change);
      let forCampaign = outgoing.get(change.campaign);
      if (!forCampaign) outgoing.set(change.campaign, (forCampaign = new Map()));
      const queued = forCampaign.get(change.productId);
      if (!queued || queued.version < change.version) forCampaign.set(change.productId, change);
      if (!flushing) {
        flushing = true;
        const wait = flushedAt + PUBLISH_EVERY_MS - performance.now();
        if (wait <= 0) setImmediate(flush);
        else flushTimer = setTimeout(flush, wait);
      }
    },
    subscribe(campaign, listener) {
      let forCampaign = listeners.get(campaign);
      if (!forCampaign) {
        listeners.set(campaign, (forCampaign = new Set()));
        subscriber.subscribe(CHANNEL_PREFIX + campaign).catch(() => {});
      }
      forCampaign.add(listener);
      return () => {
        forCampaign.delete(listener);
        if (forCampaign.size > 0 || listeners.get(campaign) !== forCampaign) return;
        listeners.delete(campaign);
        subscriber.unsubscribe(CHANNEL_PREFIX + campaign).catch(() => {});
      };
    },
    onResync(listener) {
      resyncListeners.push(listener);
    },
  };

  const local = createMemoryRateLimiter(limits);
  // The buckets asked for during one turn of the event loop, by every request, are taken in
  // one script: one command and one round trip for all of them.
  interface QueuedTake {
    bucket: keyof RateLimits;
    key: string;
    resolve(wait: number): void;
  }
  let takes: QueuedTake[] = [];
  const sendTakes = () => {
    const queued = takes;
    takes = [];
    for (let start = 0; start < queued.length; start += MAX_TAKES_PER_SCRIPT) {
      const batch = queued.slice(start, start + MAX_TAKES_PER_SCRIPT);
      const fallBack = () =>
        batch.forEach((take) => take.resolve(local.take(take.bucket, take.key) as number));
      if (publisher.status !== 'ready') {
        fallBack();
        continue;
      }
      const args: Array<string | number> = batch.map(
        (take) => `${RATE_PREFIX}${take.bucket}:${take.key}`,
      );
      for (const take of batch) {
        const limit = limits[take.bucket] as RateLimit;
        args.push(limit.burst, limit.perMinute / 60_000);
      }
      publisher
        .vitrineTake(batch.length, ...args)
        .then(
          (waits) => batch.forEach((take, index) => take.resolve(Number(waits[index]))),
          fallBack,
        );
    }
  };
  const limiter: Required<VitrineRateLimiter> = {
    take(bucket, key) {
      const limit = limits[bucket];
      if (limit === false) return 0;
      if (publisher.status !== 'ready') return local.take(bucket, key);
      return new Promise<number>((resolve) => {
        if (takes.length === 0) setImmediate(sendTakes);
        takes.push({ bucket, key, resolve });
      });
    },
    close: () => local.close(),
  };

  return {
    bus,
    limiter,
    async ping() {
      if (publisher.status !== 'ready' || subscriber.status !== 'ready') {
        throw new Error('Redis does not answer');
      }
      await publisher.ping();
    },
    async close() {
      if (flushTimer !== undefined) {
        clearTimeout(flushTimer);
        flush();
      }
      local.close();
      listeners.clear();
      // QUIT only where Redis answers: on a link still connecting it would wait for ever.
      const quit = (client: RedisClient) =>
        client.status === 'ready' ? client.quit().catch(() => undefined) : undefined;
      await Promise.allSettled([quit(publisher), quit(subscriber)]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
