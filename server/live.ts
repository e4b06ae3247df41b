/**
 * Live counts over Server-Sent Events.
 *
 * Count changes travel on a `LiveBus` (in this process by default; a Redis channel per
 * campaign when several processes serve the same campaigns). The `LiveHub` keeps, per
 * campaign that has listeners, the latest count of each product, and sends changes to its
 * streams at most every 250 ms (so at most 4 updates a second per product, whatever the vote
 * rate). Counts are absolute: an event seen twice, or one from another process, never counts
 * twice. Events carry ids; a stream that comes back with `Last-Event-ID` gets what it missed
 * when this process still has it, else a fresh snapshot.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isClosed, type Campaign } from './campaigns.js';
import type { Logger } from './logger.js';
import type { ProductCount, VitrineStorage } from './storage.js';

export interface CountChange extends ProductCount {
  campaign: string;
}

/** Carries count changes from the process that stored a vote to every process streaming it. */
export interface LiveBus {
  publish(change: CountChange): void | Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(campaign: string, listener: (change: CountChange) => void): () => void;
  /**
   * Registers `listener` to run whenever the bus listens again after a break (changes sent
   * meanwhile are lost): every open stream then gets a fresh snapshot from storage.
   */
  onResync?(listener: () => void): void;
  close?(): void | Promise<void>;
}

/** The bus of a single process. */
export function createMemoryBus(): LiveBus {
  const listeners = new Map<string, Set<(change: CountChange) => void>>();
  return {
    publish(change) {
      const forCampaign = listeners.get(change.campaign);
      if (forCampaign) for (const listener of forCampaign) listener(change);
    },
    subscribe(campaign, listener) {
      let forCampaign = listeners.get(campaign);
      if (!forCampaign) listeners.set(campaign, (forCampaign = new Set()));
      forCampaign.add(listener);
      return () => {
        forCampaign.delete(listener);
        if (forCampaign.size === 0) listeners.delete(campaign);
      };
    },
  };
}

export interface LiveHubOptions {
  bus: LiveBus;
  storage: VitrineStorage;
  campaign(id: string): Campaign | undefined;
  heartbeatMs: number;
  logger: Logger;
}

/** Changes to one product within this window go out together, in one event. */
const COALESCE_MS = 250;
/** Events kept per campaign for streams that reconnect. */
const HISTORY_LENGTH = 512;
/** A campaign's state outlives its last stream this long, so a reconnect can resume. */
const LINGER_MS = 60_000;
/** A stream whose reader lags this far behind is dropped (it reconnects and resumes). */
const MAX_BUFFERED_BYTES = 256 * 1024;
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const RETRY = Buffer.from('retry: 2000\n\n');
const HEARTBEAT = Buffer.from(': heartbeat\n\n');
const CLOSED = Buffer.from('event: closed\ndata: {"closed":true}\n\n');

function countsEvent(id: string, products: Array<{ productId: string; count: number }>): Buffer {
  return Buffer.from(`id: ${id}\nevent: counts\ndata: ${JSON.stringify({ products })}\n\n`);
}

/** The live state of one campaign in this process. */
class CampaignChannel {
  /** Event ids are `<prefix>-<sequence>`; a new prefix for every channel, so ids never repeat. */
  readonly prefix = randomBytes(4).toString('hex');
  sequence = 0;
  readonly counts = new Map<string, { count: number; version: number }>();
  /** Products changed since the last event. */
  readonly pending = new Set<string>();
  readonly history: Array<{ sequence: number; chunk: Buffer }> = [];
  readonly streams = new Set<ServerResponse>();
  lastSentAt = -Infinity;
  flushTimer: NodeJS.Timeout | undefined;
  lingerTimer: NodeJS.Timeout | undefined;
  closeTimer: NodeJS.Timeout | undefined;
  readonly unsubscribe: () => void;
  readonly ready: Promise<void>;

  constructor(
    readonly id: string,
    hub: LiveHubOptions,
  ) {
    this.unsubscribe = hub.bus.subscribe(id, (change) => this.apply(change));
    this.ready = hub.storage.counts(id).then((rows) => {
      for (const row of rows) this.remember(row);
    });
  }

  /** Keeps the newest of what the store said and what the bus said. */
  private remember(change: ProductCount): boolean {
    const known = this.counts.get(change.productId);
    if (known && known.version >= change.version) return false;
    this.counts.set(change.productId, { count: change.count, version: change.version });
    return true;
  }

  apply(change: ProductCount): void {
    if (!this.remember(change)) return;
    this.pending.add(change.productId);
    if (this.flushTimer) return;
    const wait = Math.max(0, this.lastSentAt + COALESCE_MS - performance.now());
    this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.size === 0) return;
    const products = [...this.pending].map((productId) => ({
      productId,
      count: this.counts.get(productId)!.count,
    }));
    this.pending.clear();
    this.sequence += 1;
    const chunk = countsEvent(`${this.prefix}-${this.sequence}`, products);
    this.history.push({ sequence: this.sequence, chunk });
    if (this.history.length > HISTORY_LENGTH) this.history.shift();
    this.lastSentAt = performance.now();
    for (const stream of this.streams) this.send(stream, chunk);
  }

  send(stream: ServerResponse, chunk: Buffer): void {
    if (stream.writableLength > MAX_BUFFERED_BYTES) {
      this.streams.delete(stream);
      stream.destroy();
      return;
    }
    stream.write(chunk);
  }

  snapshot(campaign: Campaign): Buffer {
    return countsEvent(
      `${this.prefix}-${this.sequence}`,
      campaign.products.map((productId) => ({
        productId,
        count: this.counts.get(productId)?.count ?? 0,
      })),
    );
  }

  /** The events after `lastEventId`, or undefined when this channel cannot tell them all. */
  missedSince(lastEventId: string): Buffer[] | undefined {
    const dash = lastEventId.lastIndexOf('-');
    if (lastEventId.slice(0, dash) !== this.prefix) return undefined;
    const seen = Number(lastEventId.slice(dash + 1));
    if (!Number.isSafeInteger(seen) || seen < 0 || seen > this.sequence) return undefined;
    if (seen === this.sequence) return [];
    const oldest = this.history[0];
    if (!oldest || oldest.sequence > seen + 1) return undefined;
    return this.history.filter((event) => event.sequence > seen).map((event) => event.chunk);
  }

  /** Reads the counts again and sends every stream a snapshot of them all. */
  async resync(storage: VitrineStorage, campaign: Campaign): Promise<void> {
    for (const row of await storage.counts(this.id)) this.remember(row);
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending.clear();
    this.sequence += 1;
    const chunk = this.snapshot(campaign);
    this.history.push({ sequence: this.sequence, chunk });
    if (this.history.length > HISTORY_LENGTH) this.history.shift();
    this.lastSentAt = performance.now();
    for (const stream of this.streams) this.send(stream, chunk);
  }

  /** Sends what is pending, then `closed`, and ends every stream. */
  close(): void {
    this.flush();
    for (const stream of this.streams) stream.end(CLOSED);
    this.streams.clear();
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    clearTimeout(this.lingerTimer);
    clearTimeout(this.closeTimer);
    this.unsubscribe();
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }
}

export class LiveHub {
  private readonly channels = new Map<string, CampaignChannel>();
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: LiveHubOptions) {
    this.heartbeat = setInterval(() => {
      for (const channel of this.channels.values()) {
        for (const stream of channel.streams) channel.send(stream, HEARTBEAT);
      }
    }, options.heartbeatMs);
    this.heartbeat.unref();
    options.bus.onResync?.(() => this.resync());
  }

  /** Live streams open in this process. */
  get streamCount(): number {
    let count = 0;
    for (const channel of this.channels.values()) count += channel.streams.size;
    return count;
  }

  /** The bus missed changes: every campaign with streams gets a snapshot from storage. */
  resync(): void {
    for (const channel of this.channels.values()) {
      const campaign = this.options.campaign(channel.id);
      if (!campaign || this.closed) continue;
      channel
        .resync(this.options.storage, campaign)
        .catch((error) =>
          this.options.logger.error(
            `live counts of "${channel.id}" could not be read again`,
            error,
          ),
        );
    }
  }

  /** Serves `GET /campaigns/:id/events` for a declared campaign. */
  async open(
    campaign: Campaign,
    req: IncomingMessage,
    res: ServerResponse,
    lastEventId: string | undefined,
  ): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // nginx and similar proxies would otherwise hold events back in their buffers.
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write(RETRY);
    req.socket.setNoDelay(true);

    const channel = this.channelFor(campaign.id);
    clearTimeout(channel.lingerTimer);
    channel.lingerTimer = undefined;
    try {
      await channel.ready;
    } catch (error) {
      this.options.logger.error(`live counts of "${campaign.id}" could not be read`, error);
      this.drop(channel);
      res.end();
      return;
    }
    const current = this.options.campaign(campaign.id);
    if (this.closed || !current || res.destroyed) {
      res.end();
      this.lingerIfIdle(channel);
      return;
    }
    const missed = lastEventId === undefined ? undefined : channel.missedSince(lastEventId);
    if (missed) for (const chunk of missed) res.write(chunk);
    else res.write(channel.snapshot(current));
    if (isClosed(current)) {
      res.end(CLOSED);
      this.lingerIfIdle(channel);
      return;
    }
    channel.streams.add(res);
    this.scheduleClosing(channel);
    res.on('close', () => {
      channel.streams.delete(res);
      this.lingerIfIdle(channel);
    });
  }

  /** Campaigns were reloaded: closing times may have moved, campaigns may be gone. */
  campaignsChanged(): void {
    for (const channel of this.channels.values()) {
      if (this.options.campaign(channel.id)) this.scheduleClosing(channel);
      else this.drop(channel);
    }
  }

  /** Ends every stream and stops listening; the clients reconnect elsewhere or later. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const channel of this.channels.values()) this.drop(channel);
  }

  private channelFor(id: string): CampaignChannel {
    let channel = this.channels.get(id);
    if (!channel) {
      channel = new CampaignChannel(id, this.options);
      this.channels.set(id, channel);
      // A failed read is reported by the stream that waits on it.
      channel.ready.catch(() => {});
    }
    return channel;
  }

  private scheduleClosing(channel: CampaignChannel): void {
    clearTimeout(channel.closeTimer);
    channel.closeTimer = undefined;
    const closesAt = this.options.campaign(channel.id)?.closesAt;
    if (closesAt === undefined) return;
    channel.closeTimer = setTimeout(
      () => {
        const campaign = this.options.campaign(channel.id);
        if (campaign && isClosed(campaign)) channel.close();
        else this.scheduleClosing(channel);
      },
      Math.min(Math.max(0, closesAt - Date.now()), MAX_TIMER_MS),
    );
    channel.closeTimer.unref();
  }

  private lingerIfIdle(channel: CampaignChannel): void {
    if (
      channel.streams.size > 0 ||
      channel.lingerTimer ||
      this.channels.get(channel.id) !== channel
    ) {
      return;
    }
    channel.lingerTimer = setTimeout(() => this.drop(channel), LINGER_MS);
    channel.lingerTimer.unref();
  }

  private drop(channel: CampaignChannel): void {
    if (this.channels.get(channel.id) !== channel) return;
    this.channels.delete(channel.id);
    channel.dispose();
  }
}
