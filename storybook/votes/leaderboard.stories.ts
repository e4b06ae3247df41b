import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import 'vitrine/votes';
import { $votes, registerProduct, voteKey } from 'vitrine/stores';
import { inShadow } from '../dom.js';
import { longNamedProducts } from '../fixtures.js';
import { campaignId, campaignProducts, forgetVotes, showCampaign, standings } from './campaign.js';

interface Args {
  campaign: string;
  limit: number;
  goal: string;
  'hide-counts': boolean;
  'closes-at': string;
  'heading-level': number;
}

/** The scarf past the campaign's goal of 2,000. */
const goalReached = { ...standings, 'scarf-riviera-90': 2140 };

const leaderboard = (args: Args, maxWidth = '32rem') => html`
  <vitrine-leaderboard
    style="max-width: ${maxWidth}"
    campaign=${args.campaign}
    limit=${args.limit}
    goal=${args.goal}
    ?hide-counts=${args['hide-counts']}
    closes-at=${args['closes-at']}
    heading-level=${args['heading-level']}
  ></vitrine-leaderboard>
`;

const inThreeDays = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();

/**
 * The products of a fan vote ranked by live count. The stories have no back end: each one puts
 * the campaign's state into the page's stores itself, and the console says once that votes
 * need a back end. Names come from the page's products (`registerProduct`), else from the
 * campaign, else the product id.
 */
const meta: Meta<Args> = {
  title: 'Votes/Leaderboard',
  component: 'vitrine-leaderboard',
  args: {
    campaign: campaignId,
    limit: 10,
    goal: '',
    'hide-counts': false,
    'closes-at': '',
    'heading-level': 2,
  },
  argTypes: {
    limit: { control: { type: 'number', min: 1, max: 100 } },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
  },
  render: (args) => leaderboard(args),
  beforeEach: forgetVotes,
  parameters: { docs: { story: { iframeHeight: 480 } } },
};
export default meta;

type Story = StoryObj<Args>;

/** Ranked by count, each with its progress towards the campaign's goal. */
export const Live: Story = {
  beforeEach: showCampaign(),
  play: async ({ canvasElement }) => {
    const first = await inShadow(canvasElement, 'vitrine-leaderboard', '[part~="item"]');
    await expect(first).toHaveAttribute('data-product', 'scarf-riviera-90');
  },
};

/** A product at the goal: full bar and a "Goal reached" badge. */
export const GoalReached: Story = { beforeEach: showCampaign({ votes: goalReached }) };

/** Without a goal (from the campaign or `goal`) there are no progress bars. */
export const WithoutGoal: Story = { beforeEach: showCampaign({ campaign: { goal: undefined } }) };

/** `goal` overrides the campaign's: two products past 1,000. */
export const GoalFromAttribute: Story = { args: { goal: '1000' }, beforeEach: showCampaign() };

/** While voting is open, `hide-counts` lists the products in the campaign's order, unranked. */
export const HiddenCounts: Story = { args: { 'hide-counts': true }, beforeEach: showCampaign() };

/** Voting has closed: counts are final and the first product is the winner. */
export const Closed: Story = {
  beforeEach: showCampaign({ campaign: { closed: true } }),
  play: async ({ canvasElement }) => {
    const first = await inShadow(canvasElement, 'vitrine-leaderboard', '[part~="item"]');
    await expect(first.getAttribute('part')).toContain('winner');
  },
};

/** Once closed, `hide-counts` no longer hides anything. */
export const ClosedWithHiddenCounts: Story = {
  ...Closed,
  args: { 'hide-counts': true },
};

/** `closes-at` (or the campaign's own date) shows when voting ends, in the page's language. */
export const ClosesSoon: Story = { args: { 'closes-at': inThreeDays }, beforeEach: showCampaign() };

/** The live stream dropped: the last known counts stay, and the status says so. */
export const Reconnecting: Story = {
  beforeEach: showCampaign({ campaign: { status: 'reconnecting' } }),
};

export const Loading: Story = {
  beforeEach: showCampaign({ campaign: { status: 'loading', products: [] }, votes: {} }),
  parameters: { docs: { story: { iframeHeight: 110 } } },
};

/**
 * No shortcut here: without `api` on `<vitrine-config>` the element says the vote cannot be
 * shown, as it would on a page whose back end is not set up.
 */
export const Unavailable: Story = { parameters: { docs: { story: { iframeHeight: 110 } } } };

/** A campaign with no products yet. */
export const Empty: Story = {
  beforeEach: showCampaign({ campaign: { products: [] }, votes: {} }),
  parameters: { docs: { story: { iframeHeight: 160 } } },
};

export const TopThree: Story = {
  args: { limit: 3 },
  beforeEach: showCampaign(),
  parameters: { docs: { story: { iframeHeight: 320 } } },
};

/**
 * Story-only: a product overtakes the one above it every 1.5 s, as on a busy launch day, so
 * the rows can be watched sliding to their new places (transforms only). Under
 * `prefers-reduced-motion: reduce` they move without sliding. The counts stop with the story.
 */
export const LiveUpdates: Story = {
  beforeEach: showCampaign(),
  play: ({ abortSignal }) => {
    const timer = setInterval(overtake, 1500);
    abortSignal.addEventListener('abort', () => clearInterval(timer));
  },
};

/** Gives a product other than the leader enough votes to pass the one ranked above it. */
function overtake(): void {
  const countOf = (productId: string) => $votes.get()[voteKey(campaignId, productId)]?.count ?? 0;
  const ranked = campaignProducts
    .map(({ productId }) => ({ productId, count: countOf(productId) }))
    .sort((a, b) => b.count - a.count);
  const place = 1 + Math.floor(Math.random() * (ranked.length - 1));
  const [above, climber] = [ranked[place - 1]!, ranked[place]!];
  const count = above.count + 1 + Math.floor(Math.random() * 40);
  $votes.setKey(voteKey(campaignId, climber.productId), { count, voted: false, pending: false });
}

/** Very long names wrap beside their count; the bars keep the full width. */
export const LongNames: Story = {
  beforeEach: () => {
    for (const product of longNamedProducts) registerProduct(product);
    return showCampaign({
      campaign: {
        products: [
          ...longNamedProducts.map(({ productId }) => ({ productId })),
          ...campaignProducts,
        ],
      },
      votes: { ...standings, 'coat-long-name': 1804, 'loafer-long-name': 1499 },
    })();
  },
  render: (args) => leaderboard(args, '22rem'),
  parameters: { docs: { story: { iframeHeight: 640 } } },
};

/** Without a campaign the element says the vote cannot be shown, and the console says why. */
export const MissingCampaign: Story = {
  args: { campaign: '' },
  parameters: { docs: { story: { iframeHeight: 110 } } },
};

export const Dark: Story = {
  beforeEach: showCampaign({ votes: goalReached }),
  globals: { theme: 'dark' },
};

export const RightToLeft: Story = {
  beforeEach: showCampaign({ votes: goalReached }),
  globals: { direction: 'rtl' },
};

export const French: Story = {
  args: { 'closes-at': inThreeDays },
  beforeEach: showCampaign({ votes: goalReached }),
  globals: { locale: 'fr' },
};

export const FrenchClosed: Story = { ...Closed, globals: { locale: 'fr' } };

export const English: Story = {
  args: { 'closes-at': inThreeDays },
  beforeEach: showCampaign({ votes: goalReached }),
  globals: { locale: 'en' },
};

export const SimplifiedChinese: Story = {
  args: { 'closes-at': inThreeDays },
  beforeEach: showCampaign({ votes: goalReached }),
  globals: { locale: 'zh-Hans' },
};

export const TraditionalChinese: Story = {
  args: { 'closes-at': inThreeDays },
  beforeEach: showCampaign({ votes: goalReached }),
  globals: { locale: 'zh-Hant' },
};

export const Japanese: Story = {
  args: { 'closes-at': inThreeDays },
  beforeEach: showCampaign({ votes: goalReached }),
  globals: { locale: 'ja' },
};

export const Korean: Story = {
  args: { 'closes-at': inThreeDays },
  beforeEach: showCampaign({ votes: goalReached }),
  globals: { locale: 'ko' },
};

/** Arabic reads right to left: the widget mirrors. */
export const Arabic: Story = {
  args: { 'closes-at': inThreeDays },
  beforeEach: showCampaign({ votes: goalReached }),
  globals: { locale: 'ar', direction: 'rtl' },
};
