/**
 * The campaigns the page shows, kept live: `campaignStore(id)` starts the campaign's one
 * request and one event stream when its first listener arrives and stops them after the
 * last one leaves (nanostores' `onMount`), however many widgets show the campaign. The code
 * that talks to the back end (campaign-live.ts) is fetched then, not with the page.
 */
import { onDevice } from '../core/device.js';
import { computed, onMount, type ReadableAtom } from 'nanostores';
import { $config } from '../core/config.js';
import { listenShared } from '../core/keyed.js';
import { warn } from '../core/warn.js';
import { isCampaignId } from './products.js';
import { $campaigns, openCampaign, setCampaign, type Campaign } from './campaign-state.js';

export {
  $campaigns,
  type Campaign,
  type CampaignProduct,
  type CampaignStatus,
} from './campaign-state.js';
export { isCampaignId };

const stores = new Map<string, ReadableAtom<Campaign | undefined>>();

/** Starts following campaign `id`; returns the function that stops. */
function follow(id: string): () => void {
  // What the live side says first is said at once; its code arrives a moment later.
  const openedWith = $config.get().api;
  openCampaign(id);
  let stop: (() => void) | undefined;
  let left = false;
  import('./campaign-live.js').then(
    (live) => {
      if (!left) stop = live.followCampaign(id, openedWith);
    },
    (error: unknown) => {
      warn(`could not load the live counts: ${String(error)}`, 'load:campaign-live');
      if (!left && openedWith !== undefined) setCampaign(id, { status: 'unavailable' });
    },
  );
  return () => {
    left = true;
    stop?.();
  };
}

/**
 * One campaign, kept live while anything listens: the first listener starts its request and
 * its event stream (shared by every widget), the last one to leave stops them.
 */
export function campaignStore(id: string): ReadableAtom<Campaign | undefined> {
  let store = stores.get(id);
  if (!store) {
    const created = computed($campaigns, (campaigns) => campaigns[id]);
    onMount(created, () => follow(id));
    stores.set(id, (store = onDevice(created, undefined)));
  }
  return store;
}

/**
 * Keeps a campaign's counts live for code outside the widgets (what a widget does by showing
 * it). Returns the function that stops watching.
 */
export function watchCampaign(id: string): () => void {
  return listenShared(campaignStore(id), () => {});
}
