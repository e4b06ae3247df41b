import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import 'vitrine/wishlist';
import { configure } from 'vitrine/stores';
import { inShadow } from '../dom.js';
import { answerBag, handbag, loaferSizes, products } from '../fixtures.js';

interface Args {
  source: string;
  all: boolean;
}

/**
 * The "Add to bag" button the wishlist, the shared wishlist and the hotspot card show when
 * `<vitrine-config>` has `bag`. A tap fires the cancelable `vitrine-add-to-bag`
 * (`{items, source, done}`); the brand's cart answers `done(true)` or `done(false)`, and the
 * button says so, aloud too. Each story here plays the brand's cart with one answer.
 */
const meta: Meta<Args> = {
  title: 'Wishlist/Add to bag',
  component: 'vitrine-add-to-bag',
  args: { source: 'wishlist', all: false },
  argTypes: { source: { control: 'select', options: ['wishlist', 'shared-wishlist', 'hotspot'] } },
  beforeEach: () => configure({ bag: true }),
  render: (args) => html`
    <vitrine-add-to-bag
      source=${args.source}
      ?all=${args.all}
      .items=${args.all ? products : [loaferSizes[0]]}
    ></vitrine-add-to-bag>
  `,
  parameters: {
    actions: { handles: ['vitrine-add-to-bag'] },
    docs: { story: { iframeHeight: 110 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

const tap = async (canvas: HTMLElement) => {
  const button = await inShadow(canvas, 'vitrine-add-to-bag', 'button');
  await userEvent.click(button);
  return button;
};

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const button = await inShadow(canvasElement, 'vitrine-add-to-bag', 'button');
    await expect(button).toHaveAccessibleName('Add to bag Arles horsebit loafer, Taille 39 · Noir');
  },
};

/** The cart has not answered yet: the button says it is adding, and takes no second tap. */
export const Adding: Story = {
  beforeEach: () => answerBag('wait'),
  play: async ({ canvasElement }) => {
    const button = await tap(canvasElement);
    await expect(button).toHaveAttribute('aria-disabled', 'true');
  },
};

export const Added: Story = {
  beforeEach: () => answerBag(true),
  play: async ({ canvasElement }) => {
    const button = await tap(canvasElement);
    await expect(button).toHaveAttribute('data-state', 'added');
  },
};

export const CouldNotAdd: Story = {
  beforeEach: () => answerBag(false),
  play: async ({ canvasElement }) => {
    const button = await tap(canvasElement);
    await expect(button).toHaveAttribute('data-state', 'failed');
  },
};

/** A list's button for every piece. */
export const AddAll: Story = { args: { all: true } };

export const AddedAll: Story = {
  args: { all: true },
  beforeEach: () => answerBag(true),
  play: ({ canvasElement }) => tap(canvasElement).then(() => undefined),
};

/** Without `bag` on the config, there is no button at all. */
export const WithoutBag: Story = {
  beforeEach: () => configure({ bag: false }),
  render: () =>
    html`<p>Nothing below:</p>
      <vitrine-add-to-bag .items=${[handbag]}></vitrine-add-to-bag>`,
};

export const Dark: Story = { ...Added, globals: { theme: 'dark' } };

export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const French: Story = { ...Added, globals: { locale: 'fr' } };

export const English: Story = { globals: { locale: 'en' } };

export const SimplifiedChinese: Story = { ...Added, globals: { locale: 'zh-Hans' } };
