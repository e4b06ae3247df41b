import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import 'vitrine/wishlist';
import { inShadow, rendered } from '../dom.js';
import { configure } from 'vitrine/stores';
import {
  answerBag,
  loaferSizes,
  longNamedProducts,
  products,
  saveAll,
  soldOutScarf,
} from '../fixtures.js';

interface Args {
  'share-url': string;
  'share-targets': string;
  'heading-level': number;
}

const meta: Meta<Args> = {
  title: 'Wishlist/Wishlist',
  component: 'vitrine-wishlist',
  args: { 'share-url': '', 'share-targets': '', 'heading-level': 2 },
  argTypes: { 'heading-level': { control: { type: 'number', min: 2, max: 6 } } },
  render: (args) => html`
    <vitrine-wishlist
      style="max-width: 32rem"
      share-url=${args['share-url']}
      share-targets=${args['share-targets']}
      heading-level=${args['heading-level']}
    ></vitrine-wishlist>
  `,
  parameters: { docs: { story: { iframeHeight: 420 } } },
};
export default meta;

type Story = StoryObj<Args>;

const fill = () => saveAll(products);

export const Filled: Story = { beforeEach: fill };

export const Empty: Story = { parameters: { docs: { story: { iframeHeight: 160 } } } };

/** Very long names wrap inside their column; the remove buttons stay in place. */
export const LongNames: Story = {
  beforeEach: () => saveAll(longNamedProducts),
  render: (args) => html`
    <vitrine-wishlist
      style="max-width: 22rem"
      share-targets=${args['share-targets']}
      heading-level=${args['heading-level']}
    ></vitrine-wishlist>
  `,
};

/** Items without picture, price or page still show their name (or id) and can be removed. */
export const MinimalItems: Story = {
  beforeEach: () =>
    saveAll([{ productId: 'SKU-0042' }, { productId: 'ring-7', name: 'Clou ring' }]),
};

/** The `heading` and `empty` slots replace the built-in texts. */
export const CustomHeadingAndEmptyText: Story = {
  render: (args) => html`
    <vitrine-wishlist heading-level=${args['heading-level']} style="max-width: 32rem">
      <span slot="heading">My selection</span>
      <span slot="empty">Nothing here yet: browse the new season.</span>
    </vitrine-wishlist>
  `,
};

export const WithoutSharing: Story = { args: { 'share-targets': 'none' }, beforeEach: fill };

/** The share button opens the menu of share targets, positioned beside it. */
export const ShareMenuOpen: Story = {
  args: { 'share-targets': 'copy pinterest facebook x whatsapp email wechat' },
  beforeEach: fill,
  play: async ({ canvasElement }) => {
    const share = await inShadow(canvasElement, 'vitrine-wishlist', 'vitrine-share');
    const trigger = share.shadowRoot?.querySelector('[part="trigger"]');
    if (!(trigger instanceof HTMLElement)) throw new Error('no share trigger');
    await userEvent.click(trigger);
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
  },
  parameters: { docs: { story: { iframeHeight: 560 } } },
};

/** Removing an item announces it and moves focus to the next remove button. */
export const RemoveItem: Story = {
  beforeEach: fill,
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'vitrine-wishlist', '[part="remove"]'));
    await rendered(canvasElement, 'vitrine-wishlist');
    const list = await inShadow(canvasElement, 'vitrine-wishlist', '[part="list"]');
    await expect(list.children).toHaveLength(products.length - 1);
  },
};

export const Dark: Story = { beforeEach: fill, globals: { theme: 'dark' } };

export const RightToLeft: Story = { beforeEach: fill, globals: { direction: 'rtl' } };

export const French: Story = { beforeEach: fill, globals: { locale: 'fr' } };

export const English: Story = { beforeEach: fill, globals: { locale: 'en' } };

export const SimplifiedChinese: Story = { beforeEach: fill, globals: { locale: 'zh-Hans' } };

export const TraditionalChinese: Story = { beforeEach: fill, globals: { locale: 'zh-Hant' } };

export const Japanese: Story = { beforeEach: fill, globals: { locale: 'ja' } };

export const Korean: Story = { beforeEach: fill, globals: { locale: 'ko' } };

/** Arabic reads right to left: the widget mirrors. */
export const Arabic: Story = { beforeEach: fill, globals: { locale: 'ar', direction: 'rtl' } };

export const EmptyInFrench: Story = {
  ...Empty,
  globals: { locale: 'fr' },
};

/** The same loafer in two sizes: two items, each with its size, removed one at a time. */
export const Variants: Story = {
  beforeEach: () => saveAll([...loaferSizes, ...products.slice(0, 1)]),
};

/**
 * With `bag` on `<vitrine-config>`: "Add to bag" per piece and "Add all to bag"; a piece the
 * page marks unavailable says so and has no bag button. The brand's cart here says yes.
 */
export const WithBag: Story = {
  beforeEach: () => {
    configure({ bag: true });
    saveAll([...loaferSizes, soldOutScarf]);
    return answerBag(true);
  },
  parameters: { actions: { handles: ['vitrine-add-to-bag', 'vitrine-wishlist-change'] } },
};

/** "Add all to bag" tapped, and the cart could not add: the list says so. */
export const BagCouldNotAdd: Story = {
  beforeEach: () => {
    configure({ bag: true });
    saveAll(loaferSizes);
    return answerBag(false);
  },
  play: async ({ canvasElement }) => {
    const all = await inShadow(canvasElement, 'vitrine-wishlist', '[part~="add-all"]');
    const button = all.shadowRoot?.querySelector('button');
    if (!button) throw new Error('no add-all button');
    await userEvent.click(button);
    await expect(button).toHaveAttribute('data-state', 'failed');
  },
};

export const WithBagInFrench: Story = { ...WithBag, globals: { locale: 'fr' } };

export const WithBagDark: Story = { ...WithBag, globals: { theme: 'dark' } };

export const WithBagRightToLeft: Story = { ...WithBag, globals: { direction: 'rtl' } };
