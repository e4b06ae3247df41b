/**
 * What the page knows of each campaign it shows (`$campaigns`), written by the live side
 * (campaign-live.ts) and read by the widgets through `campaignStore` (campaigns.ts).
 */
import { onDevice } from '../core/device.js';
import { map } from 'nanostores';
import { apiUrl } from '../core/api-base.js';
import { warn } from '../core/warn.js';
import type { LocalizedText } from '../contract/index.js';

/**
 * A product of a campaign: its name when the campaigns file gives one (maybe in several
 * languages), else the page's (`$products`), as its picture.
 */
export interface CampaignProduct {
  productId: string;
  name?: LocalizedText;
}

/**
 * `loading` before the first answer; `live` while counts stream in; `reconnecting` after the
 * stream dropped (counts shown are the last known); `unavailable` when the server cannot be
 * reached; `not_found` for a campaign the server does not know; `no_api` without `api`.
 */
export type CampaignStatus =
  'loading' | 'live' | 'reconnecting' | 'unavailable' | 'not_found' | 'no_api';

export interface Campaign {
  id: string;
  /** As the brand wrote it: one text, or one per language. */
  title?: LocalizedText;
  goal?: number;
  /** Milliseconds since the epoch. */
  closesAt?: number;
  closed: boolean;
  /** In the order the brand declared them. */
  products: CampaignProduct[];
  status: CampaignStatus;
}

/** The campaigns the page shows, by id. */
export const $campaigns = map<Record<string, Campaign | undefined>>({});
onDevice($campaigns, {});

export function setCampaign(id: string, patch: Partial<Campaign>): void {
  const current = $campaigns.get()[id] ?? { id, closed: false, products: [], status: 'loading' };
  $campaigns.setKey(id, { ...current, ...patch });
}

/** Says once that votes have no back end on this page. */
export const warnNoApi = (): void =>
  warn('votes need the back end: set api on <vitrine-config>.', 'votes-no-api');

/**
 * Marks a campaign as starting: `loading`, or `no_api` (with a warning) on a page without
 * `api`. Returns whether there is a back end to ask.
 */
export function openCampaign(id: string): boolean {
  if (apiUrl('') === undefined) {
    warnNoApi();
    setCampaign(id, { status: 'no_api' });
    return false;
  }
  setCampaign(id, { status: 'loading' });
  return true;
}
