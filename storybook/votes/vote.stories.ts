import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import 'vitrine/votes';
import type { ProductVotes } from 'vitrine/stores';
import { inShadow } from '../dom.js';
import { handbag, overcoat } from '../fixtures.js';
import { campaignId, campaignProducts, forgetVotes, showCampaign, standings } from './campaign.js';

interface Args {
  campaign: string;
  'product-id': string;
  name: string;
}

/** The live campaign, with the handbag's standing as the story needs it. */
const handbagVotes = (standing: Partial<ProductVotes>) =>
  showCampaign({ votes: { ...standings, [handbag.productId]: standing } });

const closedWith = (standing: Partial<ProductVotes>) =>
  showCampaign({
    campaign: { closed: true },
    votes: { ...standings, [handbag.productId]: standing },
  });

/**
 * A fan's vote for one product, with the live count. The stories have no back end: each one
 * puts the campaign's state into the page's stores itself, and the console says once that
 * votes need a back end. Clicking the button sends nothing, as there is nowhere to send it;
 * the states after a click have stories of their own.
 */
const meta: Meta<Args> = {
  title: 'Votes/Vote',
  component: 'vitrine-vote',
  args: { campaign: campaignId, 'product-id': handbag.productId, name: handbag.name },
  render: (args) => html`
    <vitrine-vote
      campaign=${args.campaign}
      product-id=${args['product-id']}
      name=${args.name}
    ></vitrine-vote>
  `,
  beforeEach: forgetVotes,
  parameters: { docs: { story: { iframeHeight: 110 } } },
};
export default meta;

type Story = StoryObj<Args>;

export const NotVoted: Story = { beforeEach: handbagVotes({ count: 1284 }) };

/** The star fills and the button is pressed; its name says which product it votes for. */
export const Voted: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true }),
  play: async ({ canvasElement }) => {
    const button = await inShadow(canvasElement, 'vitrine-vote', '[part="button"]');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(button).toHaveAccessibleName(`Vote for ${handbag.name}`);
  },
};

/** The count reads "No votes yet" to screen readers. */
export const NoVotesYet: Story = { beforeEach: handbagVotes({ count: 0 }) };

/** The vote is on its way: pressed and counted at once, busy until the server confirms it. */
export const Pending: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true, pending: true }),
  play: async ({ canvasElement }) => {
    const button = await inShadow(canvasElement, 'vitrine-vote', '[part="button"]');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(button).toHaveAttribute('aria-busy', 'true');
  },
};

/** The vote did not reach the server: rolled back, and the reason is announced. */
export const NetworkError: Story = {
  beforeEach: handbagVotes({ count: 1284, error: 'network' }),
  play: async ({ canvasElement }) => {
    const button = await inShadow(canvasElement, 'vitrine-vote', '[part="button"]');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    const error = await inShadow(canvasElement, 'vitrine-vote', '[part="error"]');
    await expect(error).toHaveAttribute('role', 'alert');
  },
  parameters: { docs: { story: { iframeHeight: 140 } } },
};

export const RateLimited: Story = {
  beforeEach: handbagVotes({ count: 1284, error: 'rate_limited' }),
  parameters: { docs: { story: { iframeHeight: 140 } } },
};

/** The server no longer accepts the fan's sign-in: the next vote asks them to sign in again. */
export const SignInExpired: Story = {
  beforeEach: handbagVotes({ count: 1284, error: 'unauthorized' }),
  parameters: { docs: { story: { iframeHeight: 140 } } },
};

/**
 * The server refused the vote because voting had just closed: the campaign closes on the page
 * too, and the result takes the button's place.
 */
export const RefusedAsClosed: Story = { beforeEach: closedWith({ count: 1284, error: 'closed' }) };

/** After the campaign closed: the final count instead of a button. */
export const Closed: Story = { beforeEach: closedWith({ count: 1284 }) };

export const ClosedYouVoted: Story = { beforeEach: closedWith({ count: 1284, voted: true }) };

/** Before the campaign's first answer the button is disabled and the count is a dash. */
export const Loading: Story = {
  beforeEach: showCampaign({ campaign: { status: 'loading', products: [] }, votes: {} }),
};

/**
 * No shortcut here: without `api` on `<vitrine-config>` the element says voting is
 * unavailable, as it would on a page whose back end is not set up.
 */
export const Unavailable: Story = {};

/** A product the campaign does not list: a note for the fan, a console warning for the page. */
export const NotInCampaign: Story = {
  args: { 'product-id': 'ring-clou-7', name: 'Clou ring' },
  beforeEach: showCampaign(),
};

/** Without a campaign the button is disabled and the console says why. */
export const MissingCampaign: Story = { args: { campaign: '' } };

/** The name is only in the accessible name ("Vote for …"): the button keeps its size. */
export const LongName: Story = {
  args: { 'product-id': overcoat.productId, name: overcoat.name },
  beforeEach: showCampaign({
    campaign: { products: [...campaignProducts, { productId: overcoat.productId }] },
    votes: { ...standings, [overcoat.productId]: 312 },
  }),
  play: async ({ canvasElement }) => {
    const button = await inShadow(canvasElement, 'vitrine-vote', '[part="button"]');
    await expect(button).toHaveAccessibleName(`Vote for ${overcoat.name}`);
  },
};

export const Dark: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true }),
  globals: { theme: 'dark' },
};

export const DarkNotVoted: Story = {
  beforeEach: handbagVotes({ count: 1284 }),
  globals: { theme: 'dark' },
};

export const RightToLeft: Story = {
  beforeEach: handbagVotes({ count: 1284, error: 'network' }),
  globals: { direction: 'rtl' },
  parameters: { docs: { story: { iframeHeight: 140 } } },
};

export const French: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true }),
  globals: { locale: 'fr' },
};

export const FrenchError: Story = {
  beforeEach: handbagVotes({ count: 1284, error: 'rate_limited' }),
  globals: { locale: 'fr' },
  parameters: { docs: { story: { iframeHeight: 140 } } },
};

export const FrenchClosed: Story = { ...ClosedYouVoted, globals: { locale: 'fr' } };

export const English: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true }),
  globals: { locale: 'en' },
};

export const SimplifiedChinese: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true }),
  globals: { locale: 'zh-Hans' },
};

export const TraditionalChinese: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true }),
  globals: { locale: 'zh-Hant' },
};

export const Japanese: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true }),
  globals: { locale: 'ja' },
};

export const Korean: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true }),
  globals: { locale: 'ko' },
};

/** Arabic reads right to left: the widget mirrors. */
export const Arabic: Story = {
  beforeEach: handbagVotes({ count: 1285, voted: true }),
  globals: { locale: 'ar', direction: 'rtl' },
};

export const SimplifiedChineseError: Story = {
  beforeEach: handbagVotes({ count: 1284, error: 'network' }),
  globals: { locale: 'zh-Hans' },
  parameters: { docs: { story: { iframeHeight: 140 } } },
};
