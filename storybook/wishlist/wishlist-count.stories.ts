import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import 'vitrine/wishlist';
import { inShadow, rendered } from '../dom.js';
import { handbag, products, saveAll } from '../fixtures.js';

interface Args {
  'hide-empty': boolean;
}

const meta: Meta<Args> = {
  title: 'Wishlist/Wishlist count',
  component: 'vitrine-wishlist-count',
  args: { 'hide-empty': false },
  render: (args) => html`
    <a href="#wishlist">
      Wishlist <vitrine-wishlist-count ?hide-empty=${args['hide-empty']}></vitrine-wishlist-count>
    </a>
  `,
  parameters: { docs: { story: { iframeHeight: 90 } } },
};
export default meta;

type Story = StoryObj<Args>;

const fill = () => saveAll(products);

export const Empty: Story = {};

/** With `hide-empty` the badge is invisible while the list is empty, but keeps its space. */
export const HiddenWhenEmpty: Story = { args: { 'hide-empty': true } };

export const Filled: Story = { beforeEach: fill };

/** Two-digit and three-digit counts keep the badge round and readable. */
export const ManyItems: Story = {
  beforeEach: () =>
    saveAll(
      Array.from({ length: 128 }, (_, index) => ({
        productId: `item-${index}`,
        name: `Item ${index}`,
      })),
    ),
};

/** The badge follows the wishlist: save the product with the heart and the count goes up. */
export const FollowsTheButton: Story = {
  render: (args) => html`
    <a href="#wishlist">
      Wishlist <vitrine-wishlist-count ?hide-empty=${args['hide-empty']}></vitrine-wishlist-count>
    </a>
    <vitrine-wishlist-button
      product-id=${handbag.productId}
      name=${handbag.name}
      show-label
    ></vitrine-wishlist-button>
  `,
  play: async ({ canvasElement }) => {
    const badge = await inShadow(canvasElement, 'vitrine-wishlist-count', '[part="badge"]');
    await expect(badge).toHaveTextContent('0');
    await userEvent.click(await inShadow(canvasElement, 'vitrine-wishlist-button', 'button'));
    await rendered(canvasElement, 'vitrine-wishlist-count');
    await expect(badge).toHaveTextContent('1');
  },
};

export const Dark: Story = { globals: { theme: 'dark' }, beforeEach: fill };

export const RightToLeft: Story = { globals: { direction: 'rtl' }, beforeEach: fill };

export const French: Story = { globals: { locale: 'fr' }, beforeEach: fill };

export const English: Story = { globals: { locale: 'en' }, beforeEach: fill };

export const SimplifiedChinese: Story = { globals: { locale: 'zh-Hans' }, beforeEach: fill };

export const TraditionalChinese: Story = { globals: { locale: 'zh-Hant' }, beforeEach: fill };

export const Japanese: Story = { globals: { locale: 'ja' }, beforeEach: fill };

export const Korean: Story = { globals: { locale: 'ko' }, beforeEach: fill };

/** Arabic reads right to left: the widget mirrors. */
export const Arabic: Story = { globals: { locale: 'ar', direction: 'rtl' }, beforeEach: fill };
