/**
 * The campaigns a brand declares: from a JSON file (reloaded when it changes) or a fixed
 * array. Votes for anything not declared here are refused.
 */
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import {
  CAMPAIGN_ID,
  CONTROL,
  LOCALE_TAG,
  MAX_LOCALES,
  MAX_NAME,
  PRODUCT_ID,
  isCampaignId,
  isProductId,
  type LocalizedText,
} from '../src/contract/index.js';
import type { Logger } from './logger.js';

const MAX_PRODUCTS = 500;
const MAX_TITLE = 500;

/** A campaign as the brand writes it. */
export interface CampaignDefinition {
  id: string;
  /** One title, or one per language: `{"en": "Which piece next?", "fr": "Quelle pièce ?"}`. */
  title: LocalizedText;
  /**
   * Product ids, in the order the campaign shows them; or `{productId, name}` to name a
   * product for the leaderboard and the vote buttons (one name, or one per language).
   */
  products: (string | { productId: string; name?: LocalizedText })[];
  /** Votes the house wants before it makes the winner. */
  goal?: number;
  /** When voting ends: an ISO 8601 date-time (or a `Date` in `options.campaigns`). */
  closesAt?: string | Date;
}

export interface Campaign {
  id: string;
  title: LocalizedText;
  products: readonly string[];
  productSet: ReadonlySet<string>;
  /** The names the brand gave its products, by product id. */
  names: ReadonlyMap<string, LocalizedText>;
  goal?: number;
  /** ms since the epoch */
  closesAt?: number;
}

export function isClosed(campaign: Campaign, now = Date.now()): boolean {
  return campaign.closesAt !== undefined && now >= campaign.closesAt;
}

/** A text of 1 to `max` characters without controls, or an object of language tags to such texts. */
function localizedText(value: unknown, max: number, where: string): LocalizedText {
  const plain = (text: unknown, at: string): string => {
    if (typeof text !== 'string' || text.trim() === '' || text.length > max || CONTROL.test(text)) {
      throw new Error(
        `${at} must be a string of 1 to ${max} characters, without control characters`,
      );
    }
    return text.trim();
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return plain(value, where);
  const entries = Object.entries(value);
  if (entries.length === 0 || entries.length > MAX_LOCALES) {
    throw new Error(`${where} must give 1 to ${MAX_LOCALES} languages`);
  }
  const texts: Record<string, string> = {};
  for (const [tag, text] of entries) {
    if (!LOCALE_TAG.test(tag)) {
      throw new Error(
        `${where}: ${JSON.stringify(tag)} is not a language tag like "en" or "zh-Hans"`,
      );
    }
    texts[tag] = plain(text, `${where}.${tag}`);
  }
  return texts;
}

function parseCampaign(raw: unknown, where: string): Campaign {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${where} is not an object`);
  }
  const { id, title, products, goal, closesAt } = raw as Record<string, unknown>;
  if (!isCampaignId(id)) throw new Error(`${where}.id must match ${CAMPAIGN_ID}`);
  const campaignTitle = localizedText(title, MAX_TITLE, `${where}.title`);
  if (!Array.isArray(products) || products.length === 0 || products.length > MAX_PRODUCTS) {
    throw new Error(`${where}.products must list 1 to ${MAX_PRODUCTS} product ids`);
  }
  const ids: string[] = [];
  const names = new Map<string, LocalizedText>();
  products.forEach((product: unknown, index) => {
    const named = typeof product === 'object' && product !== null && !Array.isArray(product);
    const productId = named ? (product as Record<string, unknown>).productId : product;
    if (!isProductId(productId)) {
      throw new Error(`${where}.products: ${JSON.stringify(productId)} must match ${PRODUCT_ID}`);
    }
    ids.push(productId);
    const name = named ? (product as Record<string, unknown>).name : undefined;
    if (name !== undefined) {
      names.set(productId, localizedText(name, MAX_NAME, `${where}.products[${index}].name`));
    }
  });
  const productSet = new Set<string>(ids);
  if (productSet.size !== ids.length) throw new Error(`${where}.products has duplicates`);
  const campaign: Campaign = {
    id,
    title: campaignTitle,
    products: [...productSet],
    productSet,
    names,
  };
  if (goal !== undefined) {
    if (!Number.isSafeInteger(goal) || (goal as number) < 1) {
      throw new Error(`${where}.goal must be a positive integer`);
    }
    campaign.goal = goal as number;
  }
  if (closesAt !== undefined) {
    const time =
      closesAt instanceof Date
        ? closesAt.getTime()
        : typeof closesAt === 'string'
          ? Date.parse(closesAt)
          : NaN;
    if (!Number.isFinite(time)) throw new Error(`${where}.closesAt must be an ISO 8601 date`);
    campaign.closesAt = time;
  }
  return campaign;
}

/** What a JSON value is, in a few words, for a refusal to say what it found. */
function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 5).map((key) => JSON.stringify(key));
    return `an object with ${shown.join(', ')}${keys.length > 5 ? ', …' : ''}`;
  }
  return `${typeof value === 'string' ? 'a string' : `the ${typeof value}`} ${JSON.stringify(value).slice(0, 40)}`;
}

/** Validates a whole declaration; throws an Error that names the first thing wrong. */
export function parseCampaigns(list: unknown, source: string): Map<string, Campaign> {
  if (!Array.isArray(list)) {
    throw new Error(`${source}: campaigns must be an array; found ${describeJson(list)}`);
  }
  const campaigns = new Map<string, Campaign>();
  list.forEach((raw, index) => {
    const campaign = parseCampaign(raw, `${source}: campaigns[${index}]`);
    if (campaigns.has(campaign.id)) {
      throw new Error(`${source}: campaign id "${campaign.id}" is declared twice`);
    }
    campaigns.set(campaign.id, campaign);
  });
  return campaigns;
}

/** A file holds `{"campaigns": [...]}` or the bare array `[...]`. */
function parseFile(text: string, path: string): Map<string, Campaign> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (Array.isArray(json)) return parseCampaigns(json, path);
  const list =
    typeof json === 'object' && json !== null
      ? (json as { campaigns?: unknown }).campaigns
      : undefined;
  if (!Array.isArray(list)) {
    const found =
      typeof json === 'object' && json !== null && 'campaigns' in json
        ? `"campaigns" is ${describeJson(list)}`
        : `found ${describeJson(json)}`;
    throw new Error(`${path}: expected {"campaigns": [...]} or an array of campaigns; ${found}`);
  }
  return parseCampaigns(list, path);
}

export interface CampaignRegistry {
  get(id: string): Campaign | undefined;
  /** Every campaign, in the order declared. */
  all(): Campaign[];
  /** Called after every successful reload. */
  onChange(listener: () => void): void;
  close(): void;
}

/** Waits for a burst of change events (editors write in several steps) to settle. */
const RELOAD_DELAY_MS = 50;

/**
 * Campaigns from a file path (read now, so a broken file fails at start; watched after, a
 * broken edit keeps the previous campaigns and is logged) or from a fixed list.
 */
export function createCampaignRegistry(
  source: string | readonly CampaignDefinition[],
  logger: Logger,
): CampaignRegistry {
  const listeners: Array<() => void> = [];
  if (typeof source !== 'string') {
    const campaigns = parseCampaigns(source, 'options.campaigns');
    return {
      get: (id) => campaigns.get(id),
      all: () => [...campaigns.values()],
      onChange: (listener) => void listeners.push(listener),
      close() {},
    };
  }

  const path = resolve(source);
  let campaigns = parseFile(readFileSync(path, 'utf8'), path);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  const reload = async () => {
    timer = undefined;
    let next: Map<string, Campaign>;
    try {
      next = parseFile(await readFile(path, 'utf8'), path);
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${path} is gone`
          : (error as Error).message;
      logger.error(`campaigns not reloaded, the previous ones stay: ${reason}`);
      return;
    }
    if (!watcher) return;
    campaigns = next;
    logger.info(`campaigns reloaded from ${path} (${campaigns.size})`);
    for (const listener of listeners) listener();
  };

  // The directory, not the file: editors and deploy tools replace a file by renaming a new
  // one over it, which a watch on the old file would never see.
  const file = basename(path);
  watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
    if (name !== null && name !== file) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), RELOAD_DELAY_MS);
  });
  watcher.on('error', (error) => logger.error(`cannot watch ${path} for changes`, error));

  return {
    get: (id) => campaigns.get(id),
    all: () => [...campaigns.values()],
    onChange: (listener) => void listeners.push(listener),
    close() {
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}
