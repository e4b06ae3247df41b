import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import 'vitrine/stories';
import { addToWishlist, configure, type BuiltInLocale as Locale } from 'vitrine/stores';
import { inShadow, rendered } from '../dom.js';
import { answerBag, handbag, overcoat } from '../fixtures.js';
import { atelierSlide, copy } from './heritage.js';

interface Args {
  'product-id': string;
  'variant-id': string;
  'variant-name': string;
  available: string;
  x: number;
  y: number;
  name: string;
  price: string;
  currency: string;
  image: string;
  url: string;
}

async function openCard(canvas: HTMLElement): Promise<HTMLElement> {
  const tag = await inShadow(canvas, 'vitrine-hotspot', '[part="tag"]');
  await userEvent.click(tag);
  await rendered(canvas, 'vitrine-hotspot');
  await expect(tag).toHaveAttribute('aria-expanded', 'true');
  return inShadow(canvas, 'vitrine-hotspot', '[part="card"]');
}

const open: Story['play'] = async ({ canvasElement }) => {
  await openCard(canvasElement);
};

/**
 * A shoppable tag on a slide, at `x`, `y` from 0 to 1 (from the start side and the top). It
 * opens a card with the product, the wishlist heart (the same wishlist as the product grid)
 * and a link to the product page; opening it pauses the story. Escape, the close button or a
 * click elsewhere closes it. With a `campaign` on the stories the card also has a vote button
 * (see Stories/Stories, Campaign).
 */
const meta: Meta<Args> = {
  title: 'Stories/Hotspot',
  component: 'vitrine-hotspot',
  args: {
    'product-id': handbag.productId,
    'variant-id': '',
    'variant-name': '',
    available: 'true',
    x: 0.54,
    y: 0.69,
    name: handbag.name,
    price: String(handbag.price),
    currency: handbag.currency,
    image: handbag.image,
    url: handbag.url,
  },
  argTypes: {
    x: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    y: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
  },
  render: (args, { globals }) => {
    const locale = globals.locale as Locale;
    return html`
      <vitrine-stories style="width: 22rem" label=${copy[locale].label}>
        ${atelierSlide(
          locale,
          html`<vitrine-hotspot
            product-id=${args['product-id']}
            variant-id=${args['variant-id']}
            variant-name=${args['variant-name']}
            available=${args.available}
            x=${args.x}
            y=${args.y}
            name=${args.name}
            price=${args.price}
            currency=${args.currency}
            image=${args.image}
            url=${args.url}
          ></vitrine-hotspot>`,
        )}
      </vitrine-stories>
    `;
  },
  parameters: {
    actions: {
      handles: [
        'vitrine-hotspot-open',
        'vitrine-hotspot-close',
        'vitrine-wishlist-change',
        'vitrine-add-to-bag',
      ],
    },
    docs: { story: { iframeHeight: 680 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The tag is a button named after the product ("See …"). */
export const Tag: Story = {
  play: async ({ canvasElement }) => {
    const tag = await inShadow(canvasElement, 'vitrine-hotspot', '[part="tag"]');
    await expect(tag).toHaveAccessibleName(`See ${handbag.name}`);
    await expect(tag).toHaveAttribute('aria-expanded', 'false');
  },
};

/** A click on the tag opens the card beside it and moves focus into it. */
export const CardOpen: Story = {
  play: async ({ canvasElement }) => {
    const card = await openCard(canvasElement);
    await expect(card).toBeVisible();
    await expect(card).toHaveAccessibleName(handbag.name);
    await expect(card.getRootNode()).toHaveProperty('activeElement', card);
  },
};

/** Escape closes the card and gives focus back to the tag. */
export const CardEscape: Story = {
  play: async ({ canvasElement }) => {
    await openCard(canvasElement);
    await userEvent.keyboard('{Escape}');
    await rendered(canvasElement, 'vitrine-hotspot');
    const tag = await inShadow(canvasElement, 'vitrine-hotspot', '[part="tag"]');
    await expect(tag).toHaveAttribute('aria-expanded', 'false');
    await expect(tag.getRootNode()).toHaveProperty('activeElement', tag);
  },
};

/** A product already in the wishlist: the card's heart is filled. */
export const Saved: Story = {
  beforeEach: () => void addToWishlist(handbag),
  play: open,
};

/** Only a product id and a name: the card shows the name and the heart. */
export const NameOnly: Story = {
  args: { price: '', currency: '', image: '', url: '' },
  play: open,
};

/** A name that no layout expects wraps inside the card; the buttons stay in reach. */
export const LongName: Story = {
  args: {
    'product-id': overcoat.productId,
    name: overcoat.name,
    price: String(overcoat.price),
    image: overcoat.image,
    url: overcoat.url,
  },
  play: open,
};

/** A tag in a corner: the card shifts to stay in view. */
export const NearTheEdge: Story = { args: { x: 0.9, y: 0.92 }, play: open };

/** A place outside 0 to 1: the tag is hidden and the console says why. */
export const InvalidPlace: Story = { args: { x: 1.4 } };

/** Links that are not http(s) are dropped with a console warning: no picture, no shop link. */
export const UnsafeLinks: Story = {
  args: { image: 'data:image/svg+xml,<svg/>', url: 'javascript:alert(1)' },
  play: async ({ canvasElement }) => {
    await openCard(canvasElement);
    const hotspot = canvasElement.querySelector('vitrine-hotspot');
    await expect(hotspot?.shadowRoot?.querySelector('[part="shop"]')).toBeNull();
  },
};

export const Dark: Story = { globals: { theme: 'dark' }, play: open };

/** The card's contents mirror. */
export const RightToLeft: Story = { globals: { direction: 'rtl' }, play: open };

export const French: Story = { globals: { locale: 'fr' }, play: open };

export const English: Story = { globals: { locale: 'en' }, play: open };

export const SimplifiedChinese: Story = { globals: { locale: 'zh-Hans' }, play: open };

/** A variant of the piece: the card names it, and the heart saves that variant. */
export const Variant: Story = {
  args: { 'variant-id': 'noir', 'variant-name': 'Cuir grainé · Noir' },
  play: open,
};

/** With `bag` on the config, the card offers "Add to bag"; the brand's cart here says yes. */
export const WithBag: Story = {
  args: { 'variant-id': 'noir', 'variant-name': 'Cuir grainé · Noir' },
  beforeEach: () => {
    configure({ bag: true });
    return answerBag(true);
  },
  play: open,
};

/** `available="false"`: the card says the piece is unavailable and offers no bag. */
export const Unavailable: Story = {
  args: { available: 'false' },
  beforeEach: () => void configure({ bag: true }),
  play: open,
};

export const WithBagInFrench: Story = { ...WithBag, globals: { locale: 'fr' } };

export const TraditionalChinese: Story = { globals: { locale: 'zh-Hant' }, play: open };

export const Japanese: Story = { globals: { locale: 'ja' }, play: open };

export const Korean: Story = { globals: { locale: 'ko' }, play: open };

/** Arabic reads right to left: the widget mirrors. */
export const Arabic: Story = { globals: { locale: 'ar', direction: 'rtl' }, play: open };
