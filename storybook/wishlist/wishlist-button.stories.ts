import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import 'vitrine/wishlist';
import { addToWishlist } from 'vitrine/stores';
import { inShadow, rendered } from '../dom.js';
import { handbag, overcoat } from '../fixtures.js';

interface Args {
  'product-id': string;
  'variant-id': string;
  'variant-name': string;
  available: string;
  name: string;
  price: string;
  currency: string;
  image: string;
  url: string;
  'show-label': boolean;
}

const meta: Meta<Args> = {
  title: 'Wishlist/Wishlist button',
  component: 'vitrine-wishlist-button',
  args: {
    'product-id': handbag.productId,
    'variant-id': '',
    'variant-name': '',
    available: 'true',
    name: handbag.name,
    price: String(handbag.price),
    currency: handbag.currency,
    image: handbag.image,
    url: handbag.url,
    'show-label': false,
  },
  render: (args) => html`
    <vitrine-wishlist-button
      product-id=${args['product-id']}
      variant-id=${args['variant-id']}
      variant-name=${args['variant-name']}
      available=${args.available}
      name=${args.name}
      price=${args.price}
      currency=${args.currency}
      image=${args.image}
      url=${args.url}
      ?show-label=${args['show-label']}
    ></vitrine-wishlist-button>
  `,
  parameters: { docs: { story: { iframeHeight: 110 } } },
};
export default meta;

type Story = StoryObj<Args>;

const saveHandbag = () => void addToWishlist(handbag);

export const Unsaved: Story = {};

export const Saved: Story = { beforeEach: saveHandbag };

export const WithLabel: Story = { args: { 'show-label': true } };

export const SavedWithLabel: Story = { args: { 'show-label': true }, beforeEach: saveHandbag };

/** The name is only in the accessible name ("Save … to wishlist"): the button keeps its size. */
export const LongName: Story = {
  args: {
    'product-id': overcoat.productId,
    name: overcoat.name,
    'show-label': true,
  },
};

/** Tapping the heart saves the product; the heart fills and `aria-pressed` follows. */
export const Toggle: Story = {
  play: async ({ canvasElement }) => {
    const button = await inShadow(canvasElement, 'vitrine-wishlist-button', 'button');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(button);
    await rendered(canvasElement, 'vitrine-wishlist-button');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  },
};

/** The same product in two places (grid and quick view): one tap updates both hearts. */
export const SameProductTwice: Story = {
  render: (args) => html`
    <vitrine-wishlist-button
      product-id=${args['product-id']}
      variant-id=${args['variant-id']}
      variant-name=${args['variant-name']}
      available=${args.available}
      name=${args.name}
    ></vitrine-wishlist-button>
    <vitrine-wishlist-button
      product-id=${args['product-id']}
      variant-id=${args['variant-id']}
      variant-name=${args['variant-name']}
      available=${args.available}
      name=${args.name}
      show-label
    ></vitrine-wishlist-button>
  `,
};

/** Without a product id the button is disabled and the console says why; the page is fine. */
export const MissingProductId: Story = { args: { 'product-id': '' } };

/** Bad values are dropped one by one with a warning: the product can still be saved. */
export const InvalidAttributes: Story = {
  args: { price: 'about 2k', currency: 'euros', image: 'javascript:alert(1)', url: 'data:,x' },
};

export const Dark: Story = { globals: { theme: 'dark' }, beforeEach: saveHandbag };

export const RightToLeft: Story = {
  args: { 'show-label': true },
  globals: { direction: 'rtl' },
};

export const French: Story = { args: { 'show-label': true }, globals: { locale: 'fr' } };

export const English: Story = { args: { 'show-label': true }, globals: { locale: 'en' } };

export const SimplifiedChinese: Story = {
  args: { 'show-label': true },
  globals: { locale: 'zh-Hans' },
};

/** One variant of the bag: saved as its own item, and named with it ("Save …, Noir …"). */
export const Variant: Story = {
  args: { 'variant-id': 'noir', 'variant-name': 'Cuir grainé · Noir', 'show-label': true },
};

/** A name in several languages follows the page's language (switch the locale above). */
export const NameInSeveralLanguages: Story = {
  args: {
    name: '{"en": "Hermine bag", "fr": "Sac Hermine", "zh-Hans": "赫敏手袋"}',
    'show-label': true,
  },
};

export const TraditionalChinese: Story = {
  args: { 'show-label': true },
  globals: { locale: 'zh-Hant' },
};

export const Japanese: Story = {
  args: { 'show-label': true },
  globals: { locale: 'ja' },
};

export const Korean: Story = {
  args: { 'show-label': true },
  globals: { locale: 'ko' },
};

/** Arabic reads right to left: the widget mirrors. */
export const Arabic: Story = {
  args: { 'show-label': true },
  globals: { locale: 'ar', direction: 'rtl' },
};
