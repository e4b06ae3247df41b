/**
 * `GET /metrics` in Prometheus's text format (prom-client): requests by route, method and
 * status, their latency, open live streams, votes stored, and Node's own process metrics.
 * Each handler has its own registry, so two handlers in one process never clash.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { VitrineStorage } from './storage.js';

export interface VitrineMetrics {
  /** Counts the request once its reply is done; `route` is the route table's name. */
  observe(req: IncomingMessage, res: ServerResponse, route: string): void;
  /** The same store, counting the votes and withdrawals it records. */
  instrument(storage: VitrineStorage): VitrineStorage;
  /** Answers `GET /metrics`. */
  serve(res: ServerResponse): Promise<void>;
}

/** Up to 2.5 s: beyond that a request has failed for the fan anyway. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function createMetrics(openStreams: () => number): VitrineMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'vitrine_http_requests_total',
    help: 'HTTP requests answered, by route, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'vitrine_http_request_duration_seconds',
    help: 'Time from request to the end of the reply (live streams excepted), by route.',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'vitrine_live_streams',
    help: 'Live count streams open in this process.',
    registers: [registry],
    collect() {
      this.set(openStreams());
    },
  });
  const votes = new Counter({
    name: 'vitrine_votes_total',
    help: 'Votes recorded ("vote") and taken back ("unvote") by this process.',
    labelNames: ['action'] as const,
    registers: [registry],
  });

  return {
    observe(req, res, route) {
      const started = performance.now();
      const method = req.method ?? 'GET';
      res.once('close', () => {
        requests.inc({ route, method, status: String(res.statusCode) });
        if (route !== 'campaign-events') {
          latency.observe({ route, method }, (performance.now() - started) / 1000);
        }
      });
    },
    instrument(storage) {
      // Delegates one method at a time: a store may be a class instance.
      return {
        counts: (campaign) => storage.counts(campaign),
        votedFor: (campaign, productIds, person) => storage.votedFor(campaign, productIds, person),
        wishlist: (person) => storage.wishlist(person),
        saveWishlist: (person, items, expectedVersion) =>
          storage.saveWishlist(person, items, expectedVersion),
        saveSharedList: (list) => storage.saveSharedList(list),
        sharedList: (id) => storage.sharedList(id),
        ...(storage.countSharedLists && {
          countSharedLists: () => storage.countSharedLists!(),
        }),
        deleteSharedListsExpiredBefore: (time) => storage.deleteSharedListsExpiredBefore(time),
        personalData: (person) => storage.personalData(person),
        erasePerson: (person) => storage.erasePerson(person),
        deleteWishlistsUntouchedSince: (time) => storage.deleteWishlistsUntouchedSince(time),
        queueWebhook: (event, urls) => storage.queueWebhook(event, urls),
        claimWebhooks: (now, leaseUntil, limit) => storage.claimWebhooks(now, leaseUntil, limit),
        webhookDelivered: (eventId, url, time) => storage.webhookDelivered(eventId, url, time),
        webhookFailed: (eventId, url, attempts, nextAttemptAt) =>
          storage.webhookFailed(eventId, url, attempts, nextAttemptAt),
        ping: async () => {
          await storage.ping?.();
        },
        close: () => storage.close(),
        vote: async (campaign, productId, person) => {
          const outcome = await storage.vote(campaign, productId, person);
          if (outcome.changed) votes.inc({ action: 'vote' });
          return outcome;
        },
        unvote: async (campaign, productId, person) => {
          const outcome = await storage.unvote(campaign, productId, person);
          if (outcome.changed) votes.inc({ action: 'unvote' });
          return outcome;
        },
      };
    },
    async serve(res) {
      const text = await registry.metrics();
      res.statusCode = 200;
      res.setHeader('content-type', registry.contentType);
      res.setHeader('cache-control', 'no-store');
      res.end(text);
    },
  };
}
