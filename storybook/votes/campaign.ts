import {
  $campaigns,
  $votes,
  registerProduct,
  voteKey,
  watchCampaign,
  type Campaign,
  type CampaignProduct,
  type ProductVotes,
} from 'vitrine/stores';
import { images, products } from '../fixtures.js';

/** The campaign every vote story shows. */
export const campaignId = 'next-icon';

/** The products as the brand declared them; names and pictures come from the page. */
export const campaignProducts: CampaignProduct[] = [
  ...products.map(({ productId }) => ({ productId })),
  { productId: 'loafer-arles' },
  // Named nowhere on the page: the product id stands in.
  { productId: 'SKU-0042' },
];

/** A product the page describes only through another widget (a grid's wishlist heart). */
export const loafer = {
  productId: 'loafer-arles',
  name: 'Arles horsebit loafer',
  image: images.loafer,
};

/** Counts by product id, not in the campaign's order, so ranking and hidden counts differ. */
export const standings: Record<string, number> = {
  'bag-hermine-01': 1284,
  'scarf-riviera-90': 1640,
  'parfum-nuit-50': 987,
  'loafer-arles': 402,
  'SKU-0042': 57,
};

const liveCampaign: Campaign = {
  id: campaignId,
  title: 'What should the Maison make next?',
  goal: 2000,
  closed: false,
  products: campaignProducts,
  status: 'live',
};

export interface CampaignState {
  /** What differs from a live campaign with a goal of 2,000. */
  campaign?: Partial<Omit<Campaign, 'id'>>;
  /** A count, or the whole standing, by product id; products left out have none yet. */
  votes?: Record<string, number | Partial<ProductVotes>>;
}

/** Every story starts with no campaign and no votes: the stores are page-wide. */
export function forgetVotes(): void {
  $campaigns.set({});
  $votes.set({});
}

/**
 * Story-only shortcut to a campaign's state, as a `beforeEach`. Stories have no back end (the
 * real one is tested in tests/votes/), so the story follows the campaign itself before the
 * elements connect: without `api` that marks the campaign `no_api`, with the console warning
 * "votes need the back end", and starts nothing else. The story then writes what the back end
 * would have sent into `$campaigns` and `$votes`; the elements share the story's watch, so
 * nothing overwrites it, and the watch ends with the story.
 */
export const showCampaign =
  ({ campaign = {}, votes = standings }: CampaignState = {}) =>
  () => {
    for (const product of [...products, loafer]) registerProduct(product);
    const stopWatching = watchCampaign(campaignId);
    $campaigns.setKey(campaignId, { ...liveCampaign, ...campaign });
    for (const [productId, standing] of Object.entries(votes)) {
      const shown = typeof standing === 'number' ? { count: standing } : standing;
      $votes.setKey(voteKey(campaignId, productId), {
        count: 0,
        voted: false,
        pending: false,
        ...shown,
      });
    }
    return stopWatching;
  };
