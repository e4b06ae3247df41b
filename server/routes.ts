/** The HTTP contract of server/README.md, route by route. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CAMPAIGN_ID,
  PRODUCT_ID,
  SHARED_LIST_ID,
  SHORT_SHARE_PARAM,
  MAX_SHARED_ITEMS,
  httpUrl,
  isOnOrigins,
} from '../src/contract/index.js';
import { adminCheck, sendCampaignExport } from './admin.js';
import { isClosed, type Campaign, type CampaignRegistry } from './campaigns.js';
import {
  HttpError,
  answerPreflight,
  applyCors,
  badRequest,
  bodyTooLarge,
  clientAddress,
  matchRoute,
  notFound,
  originStanding,
  rateLimited,
  readBody,
  readJson,
  sendJson,
  splitUrl,
} from './http.js';
import type { IdentityVerifier } from './identity.js';
import type { LiveBus, LiveHub } from './live.js';
import type { Logger } from './logger.js';
import type { RateLimits, VitrineRateLimiter } from './rate-limit.js';
import type { StoredWishlist, VitrineStorage } from './storage.js';
import type { Webhooks } from './webhooks.js';
import { createStreamCap } from './stream-cap.js';
import { keepToOrigins, parseItems, type ItemOrigins } from './wishlist-items.js';

export interface ApiContext {
  campaigns: CampaignRegistry;
  storage: VitrineStorage;
  bus: LiveBus;
  hub: LiveHub;
  identity: IdentityVerifier;
  limiter: VitrineRateLimiter;
  origins: ReadonlySet<string>;
  proxies: number;
  shareTtlMs: number;
  /** Where items may link to and show pictures from. */
  itemOrigins: ItemOrigins;
  /** The most shared lists kept at once (anonymous writes: the disk is the limit). */
  maxSharedLists: number;
  /** Live streams one client address may hold open at once. */
  maxStreamsPerAddress: number;
  /** The back office's token; without one, the `/admin/` routes do not exist. */
  adminToken?: string;
  /** Where a count that reaches a campaign's goal is told. */
  webhooks?: Webhooks;
  logger: Logger;
}

const VOTE_BODY_LIMIT = 1024;
const WISHLIST_BODY_LIMIT = 64 * 1024;
/** A share needs no sign-in: a smaller body (100 items fit with room to spare). */
const SHARE_BODY_LIMIT = 16 * 1024;
/** How long a full share store asks clients to wait. */
const SHARE_QUOTA_RETRY_S = 3600;

const forbiddenOrigin = () =>
  new HttpError(403, 'origin_not_allowed', 'This origin may not call this server.');

const ID_RULES = { campaign: CAMPAIGN_ID, product: PRODUCT_ID };

function id(value: string, what: keyof typeof ID_RULES): string {
  const rule = ID_RULES[what];
  if (!rule.test(value)) throw badRequest(`The ${what} id must match ${rule}.`);
  return value;
}

async function waitOrRefuse(wait: number | Promise<number>): Promise<void> {
  const seconds = await wait;
  if (seconds > 0) throw rateLimited(seconds);
}

function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const version = /^"(\d{1,15})"$/.exec(value.trim())?.[1];
  if (version === undefined)
    throw badRequest('If-Match must be a version as sent in ETag, like "3".');
  return Number(version);
}

function wishlistReply(res: ServerResponse, status: number, wishlist: StoredWishlist) {
  sendJson(res, status, wishlist, { etag: `"${wishlist.version}"` });
}

const isoTime = (ms: number) => new Date(ms).toISOString();

export function createApi(context: ApiContext) {
  const { campaigns, storage, bus, hub, identity, limiter, logger } = context;
  const streams = createStreamCap(context.maxStreamsPerAddress);
  const checkAdmin = context.adminToken === undefined ? undefined : adminCheck(context.adminToken);

  const limit = (bucket: keyof RateLimits, key: string) => {
    const wait = limiter.take(bucket, key);
    return wait === 0 ? undefined : waitOrRefuse(wait);
  };

  const campaign = (campaignId: string): Campaign => {
    const found = campaigns.get(id(campaignId, 'campaign'));
    if (!found) throw notFound(`No campaign "${campaignId}".`);
    return found;
  };

  const signedIn = (person: string | undefined): string => {
    if (person === undefined) {
      throw new HttpError(401, 'unauthorized', 'Sign in: send "Authorization: Bearer <ID token>".');
    }
    return person;
  };

  /** `landing` as an http(s) page of one of the brand's origins. */
  const landingPage = (value: unknown): URL => {
    const href = httpUrl(value);
    if (href === undefined || !isOnOrigins(href, context.origins)) {
      throw badRequest('"landing" must be an http(s) page on one of the allowed origins.');
    }
    return new URL(href);
  };

  async function getCampaign(res: ServerResponse, found: Campaign, person: string | undefined) {
    const [rows, voted] = await Promise.all([
      storage.counts(found.id),
      person === undefined ? undefined : storage.votedFor(found.id, found.products, person),
    ]);
    const counts = new Map(rows.map((row) => [row.productId, row.count]));
    sendJson(res, 200, {
      id: found.id,
      title: found.title,
      ...(found.goal !== undefined && { goal: found.goal }),
      ...(found.closesAt !== undefined && { closesAt: isoTime(found.closesAt) }),
      closed: isClosed(found),
      products: found.products.map((productId) => ({
        productId,
        ...(found.names.has(productId) && { name: found.names.get(productId) }),
        count: counts.get(productId) ?? 0,
        ...(voted && { voted: voted.has(productId) }),
      })),
    });
  }

  async function vote(
    req: IncomingMessage,
    res: ServerResponse,
    [campaignId, productId]: string[],
    person: string | undefined,
  ) {
    // The body means nothing here, but it is bounded like every other.
    await readBody(req, VOTE_BODY_LIMIT);
    id(campaignId!, 'campaign');
    id(productId!, 'product');
    const voter = signedIn(person);
    await limit('person', voter);
    const found = campaign(campaignId!);
    if (!found.productSet.has(productId!)) {
      throw notFound(`"${productId}" is not in campaign "${campaignId}".`);
    }
    if (isClosed(found)) {
      throw new HttpError(409, 'campaign_closed', `Campaign "${campaignId}" is closed.`);
    }
    const outcome =
      req.method === 'PUT'
        ? await storage.vote(found.id, productId!, voter)
        : await storage.unvote(found.id, productId!, voter);
    if (outcome.changed) {
      const published = bus.publish({
        campaign: found.id,
        productId: outcome.productId,
        count: outcome.count,
        version: outcome.version,
      });
      published?.catch((error) => logger.error('a count change was not published', error));
      if (outcome.voted) context.webhooks?.countRose(found, outcome.productId, outcome.count);
    }
    sendJson(res, 200, {
      productId: outcome.productId,
      count: outcome.count,
      voted: outcome.voted,
    });
  }

  async function putWishlist(req: IncomingMessage, res: ServerResponse, person: string) {
    await limit('person', person);
    const expectedVersion = parseIfMatch(req.headers['if-match']);
    const items = parseItems(await readJson(req, WISHLIST_BODY_LIMIT), context.itemOrigins);
    const write = await storage.saveWishlist(person, items, expectedVersion);
    if (write.saved) {
      wishlistReply(res, 200, write.wishlist);
      return;
    }
    throw new HttpError(
      412,
      'conflict',
      'The wishlist changed since that version; merge with this copy and try again.',
      { etag: `"${write.current.version}"` },
      { ...write.current },
    );
  }

  /** Everything kept about the person, as the person (or their data protection officer) reads it. */
  async function myData(res: ServerResponse, person: string) {
    await limit('person', person);
    const data = await storage.personalData(person);
    res.setHeader('content-disposition', 'attachment; filename="vitrine-my-data.json"');
    sendJson(res, 200, {
      subject: person,
      exportedAt: isoTime(Date.now()),
      votes: data.votes.map((vote) => ({
        campaign: vote.campaign,
        productId: vote.productId,
        votedAt: isoTime(vote.votedAt),
      })),
      wishlist: data.wishlist
        ? {
            items: data.wishlist.items,
            version: data.wishlist.version,
            updatedAt: isoTime(data.wishlist.updatedAt),
          }
        : null,
      sharedLists: data.sharedLists.map((list) => ({
        id: list.id,
        items: list.items,
        createdAt: isoTime(list.createdAt),
        expiresAt: isoTime(list.expiresAt),
      })),
    });
  }

  /** Erases the person's data; their withdrawn votes reach every live stream. */
  async function eraseMe(req: IncomingMessage, res: ServerResponse, person: string) {
    await readBody(req, VOTE_BODY_LIMIT);
    await limit('person', person);
    const changed = await storage.erasePerson(person);
    for (const change of changed) {
      bus
        .publish(change)
        ?.catch((error) => logger.error('a count change was not published', error));
    }
    res.statusCode = 204;
    res.end();
  }

  async function share(
    req: IncomingMessage,
    res: ServerResponse,
    address: string,
    person: string | undefined,
  ) {
    await limit('share', address);
    const body = await readJson(req, SHARE_BODY_LIMIT);
    const items = parseItems(body, context.itemOrigins, MAX_SHARED_ITEMS);
    const landing = landingPage((body as { landing?: unknown }).landing);
    if (storage.countSharedLists && (await storage.countSharedLists()) >= context.maxSharedLists) {
      throw new HttpError(
        503,
        'share_quota',
        'The server holds as many shared lists as it may; share the list as a link instead.',
        { 'retry-after': String(SHARE_QUOTA_RETRY_S) },
      );
    }
    const createdAt = Date.now();
    const list = {
      id: randomBytes(16).toString('base64url'),
      items,
      createdAt,
      expiresAt: createdAt + context.shareTtlMs,
      // A signed-in fan's link is theirs: listed in their export, erased with their data.
      ...(person !== undefined && { owner: person }),
    };
    await storage.saveSharedList(list);
    landing.hash = `${SHORT_SHARE_PARAM}=${list.id}`;
    sendJson(res, 201, { id: list.id, url: landing.href, expiresAt: isoTime(list.expiresAt) });
  }

  async function sharedList(res: ServerResponse, sharedId: string) {
    if (!SHARED_LIST_ID.test(sharedId)) {
      throw badRequest('A shared list id is 22 base64url characters.');
    }
    const list = await storage.sharedList(sharedId);
    if (!list) throw notFound('No such shared list.');
    if (Date.now() >= list.expiresAt) {
      throw new HttpError(410, 'expired', 'This shared list has expired.');
    }
    sendJson(res, 200, {
      id: list.id,
      items: keepToOrigins(list.items, context.itemOrigins),
      createdAt: isoTime(list.createdAt),
      expiresAt: isoTime(list.expiresAt),
    });
  }

  /** Answers one request; throws an HttpError for every refusal. */
  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { path, query } = splitUrl(req.url ?? '/');
    const method = req.method ?? 'GET';
    const standing = originStanding(req, context.origins);
    applyCors(req, res, standing);
    let route = matchRoute(path);
    // Without an admin token the back office is not there at all.
    if (route?.name === 'admin-campaign-export' && !checkAdmin) route = undefined;
    // Every request spends from its address's bucket, preflights too: a flood of OPTIONS is
    // a flood like any other.
    const address = clientAddress(req, context.proxies);
    await limit('ip', address);

    if (method === 'OPTIONS') {
      if (!route) throw notFound('No such route.');
      if (standing === 'foreign') throw forbiddenOrigin();
      answerPreflight(res, standing, route.methods.join(', '));
      return;
    }
    if (!route) throw notFound('No such route.');
    if (!route.methods.includes(method)) {
      throw new HttpError(405, 'method_not_allowed', `${method} is not allowed here.`, {
        allow: route.methods.join(', '),
      });
    }
    if (method !== 'GET' && standing === 'foreign') throw forbiddenOrigin();
    // A declared length over the limit is refused before the token costs a verification.
    const bodyLimit =
      route.name === 'vote' || route.name === 'me'
        ? VOTE_BODY_LIMIT
        : route.name === 'shared-wishlists'
          ? SHARE_BODY_LIMIT
          : WISHLIST_BODY_LIMIT;
    const declaredLength = Number(req.headers['content-length']);
    if (declaredLength > bodyLimit) throw bodyTooLarge(bodyLimit, declaredLength);
    if (route.name === 'admin-campaign-export') {
      // The admin token is not an ID token: it is checked here, and only here.
      checkAdmin!(req.headers.authorization);
      await readBody(req, VOTE_BODY_LIMIT);
      const found = campaign(route.params[0]!);
      return sendCampaignExport(res, found, await storage.counts(found.id), query);
    }
    // Any token sent is checked, even where none is needed: a stale one is worth knowing.
    const authorization = req.headers.authorization;
    const person =
      authorization === undefined
        ? undefined
        : (identity.known(authorization) ?? (await identity.verify(authorization)));

    switch (route.name) {
      case 'campaign':
        return getCampaign(res, campaign(route.params[0]!), person);
      case 'campaign-events': {
        const found = campaign(route.params[0]!);
        const header = req.headers['last-event-id'];
        const lastEventId =
          typeof header === 'string'
            ? header
            : (new URLSearchParams(query).get('lastEventId') ?? undefined);
        streams.admit(address, res);
        return hub.open(found, req, res, lastEventId);
      }
      case 'vote':
        return vote(req, res, route.params, person);
      case 'my-wishlist':
        if (method === 'GET')
          return wishlistReply(res, 200, await storage.wishlist(signedIn(person)));
        return putWishlist(req, res, signedIn(person));
      case 'shared-wishlists':
        return share(req, res, address, person);
      case 'shared-wishlist':
        return sharedList(res, route.params[0]!);
      case 'my-data':
        return myData(res, signedIn(person));
      case 'me':
        return eraseMe(req, res, signedIn(person));
    }
  };
}
