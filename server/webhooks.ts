/**
 * Webhooks: `campaign.goal_reached` and `campaign.closed`, posted as JSON to every
 * `--webhook` URL and signed with `--webhook-secret`:
 *
 *   Vitrine-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">
 *
 * An event is queued in the database before anything is sent, so a restart loses none; each
 * URL gets it until it answers 2xx, with the same `id` every time, waiting twice as long
 * after each failure (up to an hour). Several processes on one database share the queue.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { isClosed, type Campaign, type CampaignRegistry } from './campaigns.js';
import type { Logger } from './logger.js';
import type { ProductCount, VitrineStorage, WebhookDelivery } from './storage.js';

export type WebhookEventType = 'campaign.goal_reached' | 'campaign.closed';

export interface WebhookOptions {
  urls: readonly string[];
  secret: string;
  storage: VitrineStorage;
  campaigns: CampaignRegistry;
  logger: Logger;
  /** The wait after a first failure, doubled after each next one. Default 10 s. */
  retryMs?: number;
}

export interface Webhooks {
  /** A product's count went up to `count`: the goal's event, the first time it is reached. */
  countRose(campaign: Campaign, productId: string, count: number): void;
  close(): Promise<void>;
}

const MAX_RETRY_MS = 60 * 60 * 1000;
/** A try that takes longer has failed; the delivery is held this long plus a margin. */
const SEND_TIMEOUT_MS = 10_000;
const BATCH = 20;
/** How often the queue is read when nothing is known to be due (other processes' events). */
const IDLE_POLL_MS = 5_000;
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The `Vitrine-Signature` header of `body` at `seconds`. */
export function webhookSignature(secret: string, body: string, seconds: number): string {
  const mac = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
  return `t=${seconds},v1=${mac}`;
}

/** A webhook URL as given to the server: http(s), no credentials in it. */
export function checkWebhookUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(`vitrine/server: webhook ${JSON.stringify(value)} must be an http(s) URL`);
  }
  return url.href;
}

export function startWebhooks(options: WebhookOptions): Webhooks {
  const { urls, secret, storage, campaigns, logger } = options;
  const retryMs = options.retryMs ?? 10_000;
  const reached = new Set<string>();
  const closeTimers = new Map<string, NodeJS.Timeout>();
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  /** Events being queued: `close()` waits for them before the store closes. */
  const queueing = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    queueing.add(work);
    void work.finally(() => queueing.delete(work));
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, Math.min(Math.max(0, delay), MAX_TIMER_MS));
    timer.unref();
  };

  const send = async (delivery: WebhookDelivery) => {
    let failure: string | undefined;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'vitrine-webhooks',
          'vitrine-signature': webhookSignature(
            secret,
            delivery.body,
            Math.floor(Date.now() / 1000),
          ),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.status < 200 || response.status > 299) failure = `answered ${response.status}`;
    } catch (error) {
      failure = (error as Error).message;
    }
    if (failure === undefined) {
      await storage.webhookDelivered(delivery.eventId, delivery.url, Date.now());
      return;
    }
    const attempts = delivery.attempts + 1;
    const wait = Math.min(retryMs * 2 ** (attempts - 1), MAX_RETRY_MS);
    logger.warn(`webhook ${delivery.url} ${failure}; try ${attempts + 1} in ${wait} ms`);
    await storage.webhookFailed(delivery.eventId, delivery.url, attempts, Date.now() + wait);
  };

  const deliverDue = async () => {
    for (;;) {
      const now = Date.now();
      const due = await storage.claimWebhooks(now, now + SEND_TIMEOUT_MS * 2, BATCH);
      await Promise.all(due.map(send));
      if (due.length < BATCH || stopped) return;
    }
  };

  function run() {
    if (stopped) return;
    if (pass) {
      again = true;
      return;
    }
    again = false;
    pass = deliverDue()
      .catch((error) => logger.error('webhooks were not sent', error))
      .finally(() => {
        pass = undefined;
        // Failed tries are due again after `retryMs` at the soonest.
        schedule(again ? 0 : Math.min(retryMs, IDLE_POLL_MS));
      });
  }

  const queue = (type: WebhookEventType, key: string, data: Record<string, unknown>) => {
    const createdAt = Date.now();
    const id = randomUUID();
    const body = JSON.stringify({ id, type, createdAt: new Date(createdAt).toISOString(), data });
    track(
      storage.queueWebhook({ eventId: id, key, body, createdAt }, urls).then(
        (queued) => {
          if (queued > 0) run();
        },
        (error) => logger.error(`the ${type} webhook was not queued`, error),
      ),
    );
  };

  const countsOf = async (campaign: Campaign): Promise<ProductCount[]> => {
    const rows = await storage.counts(campaign.id);
    const counts = new Map(rows.map((row) => [row.productId, row.count]));
    return campaign.products.map((productId) => ({
      productId,
      count: counts.get(productId) ?? 0,
      version: 0,
    }));
  };

  const closed = (campaign: Campaign) => {
    const queued = countsOf(campaign).then(
      (products) =>
        queue('campaign.closed', `closed:${campaign.id}:${campaign.closesAt}`, {
          campaign: campaign.id,
          title: campaign.title,
          closesAt: new Date(campaign.closesAt!).toISOString(),
          ...(campaign.goal !== undefined && { goal: campaign.goal }),
          products: products.map(({ productId, count }) => ({ productId, count })),
        }),
      (error) => logger.error(`the closing of ${campaign.id} was not queued`, error),
    );
    track(queued);
  };

  /** Each campaign's closing, now if it is past, else when it comes. */
  const watchClosings = () => {
    for (const pending of closeTimers.values()) clearTimeout(pending);
    closeTimers.clear();
    for (const campaign of campaigns.all()) {
      if (campaign.closesAt === undefined) continue;
      if (isClosed(campaign)) {
        closed(campaign);
        continue;
      }
      const wake = () => {
        const current = campaigns.get(campaign.id);
        if (!current || current.closesAt !== campaign.closesAt || stopped) return;
        if (isClosed(current)) closed(current);
        else closeTimers.set(campaign.id, later());
      };
      const later = () => {
        const pending = setTimeout(
          wake,
          Math.min(Math.max(0, campaign.closesAt! - Date.now()), MAX_TIMER_MS),
        );
        pending.unref();
        return pending;
      };
      closeTimers.set(campaign.id, later());
    }
  };

  campaigns.onChange(watchClosings);
  watchClosings();
  // What an earlier run left in the queue goes now.
  run();

  return {
    countRose(campaign, productId, count) {
      if (campaign.goal === undefined || count < campaign.goal) return;
      const key = `goal:${campaign.id}:${productId}`;
      if (reached.has(key)) return;
      reached.add(key);
      queue('campaign.goal_reached', key, {
        campaign: campaign.id,
        title: campaign.title,
        productId,
        goal: campaign.goal,
        count,
      });
    },
    async close() {
      stopped = true;
      clearTimeout(timer);
      for (const pending of closeTimers.values()) clearTimeout(pending);
      while (queueing.size > 0) await Promise.all(queueing);
      await pass;
    },
  };
}
