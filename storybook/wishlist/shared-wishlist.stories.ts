import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import 'vitrine/wishlist';
import { encodeSharedWishlist, MAX_SHARE_LENGTH, SHARE_PARAM } from 'vitrine/stores';
import { inShadow, rendered } from '../dom.js';
import { configure } from 'vitrine/stores';
import {
  answerBag,
  handbag,
  loaferSizes,
  longNamedProducts,
  products,
  saveAll,
} from '../fixtures.js';

interface Args {
  'heading-level': number;
}

const base64url = (json: unknown) =>
  btoa(JSON.stringify(json)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** What a received link carries after `#vitrine-wishlist=`, for each story. */
const links = {
  valid: encodeSharedWishlist(products),
  variants: encodeSharedWishlist([...loaferSizes, handbag]),
  longNames: encodeSharedWishlist(longNamedProducts),
  garbled: 'not*base64!',
  tooLarge: 'A'.repeat(MAX_SHARE_LENGTH + 1),
  newerVersion: base64url({ v: 99, items: [{ id: 'bag-hermine-01' }] }),
  tampered: base64url({ v: 1, items: [{ id: '' }, { n: 'no id' }] }),
};

/**
 * The element reads the link from the page's URL fragment, as on a real landing page: each
 * story puts its link in the fragment before rendering and takes it out afterwards.
 */
const meta: Meta<Args> = {
  title: 'Wishlist/Shared wishlist',
  component: 'vitrine-shared-wishlist',
  args: { 'heading-level': 2 },
  argTypes: { 'heading-level': { control: { type: 'number', min: 2, max: 6 } } },
  render: (args) => html`
    <vitrine-shared-wishlist
      style="max-width: 32rem"
      heading-level=${args['heading-level']}
    ></vitrine-shared-wishlist>
  `,
  beforeEach: ({ parameters }) => {
    const link = parameters.sharedLink as string;
    if (!link) return;
    const page = location.pathname + location.search;
    history.replaceState(history.state, '', `${page}#${SHARE_PARAM}=${link}`);
    return () => history.replaceState(history.state, '', page);
  },
  parameters: { sharedLink: links.valid, docs: { story: { iframeHeight: 460 } } },
};
export default meta;

type Story = StoryObj<Args>;

export const Received: Story = {};

/** "Save all" merges the shared items into the shopper's own list, without duplicates. */
export const SaveAll: Story = {
  beforeEach: () => saveAll([handbag]),
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await inShadow(canvasElement, 'vitrine-shared-wishlist', '[part="save-all"]'),
    );
    await rendered(canvasElement, 'vitrine-shared-wishlist');
    const message = await inShadow(canvasElement, 'vitrine-shared-wishlist', '[part="message"]');
    await expect(message).toHaveTextContent(String(products.length - 1));
  },
};

export const LongNames: Story = {
  parameters: { sharedLink: links.longNames },
  render: () => html`<vitrine-shared-wishlist style="max-width: 22rem"></vitrine-shared-wishlist>`,
};

/** The page was opened without a shared wishlist in its link. */
export const NoLink: Story = {
  parameters: { sharedLink: '', docs: { story: { iframeHeight: 140 } } },
};

/** A link damaged by a messaging app or edited by hand: a clear message, nothing saved. */
export const InvalidLink: Story = {
  parameters: { sharedLink: links.garbled, docs: { story: { iframeHeight: 140 } } },
};

/** Valid-looking data whose every item is unusable counts as invalid too. */
export const TamperedLink: Story = {
  parameters: { sharedLink: links.tampered, docs: { story: { iframeHeight: 140 } } },
};

/** Links longer than the limit are refused before they are even decoded. */
export const TooLargeLink: Story = {
  parameters: { sharedLink: links.tooLarge, docs: { story: { iframeHeight: 140 } } },
};

/** A link made by a newer version of the library gets its own message, and changes nothing. */
export const NewerVersionLink: Story = {
  parameters: { sharedLink: links.newerVersion, docs: { story: { iframeHeight: 140 } } },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const French: Story = { globals: { locale: 'fr' } };

export const English: Story = { globals: { locale: 'en' } };

export const SimplifiedChinese: Story = { globals: { locale: 'zh-Hans' } };

export const TraditionalChinese: Story = { globals: { locale: 'zh-Hant' } };

export const Japanese: Story = { globals: { locale: 'ja' } };

export const Korean: Story = { globals: { locale: 'ko' } };

/** Arabic reads right to left: the widget mirrors. */
export const Arabic: Story = { globals: { locale: 'ar', direction: 'rtl' } };

export const InvalidLinkInFrench: Story = { ...InvalidLink, globals: { locale: 'fr' } };

/** A link with two sizes of one loafer: each piece shows its size. */
export const Variants: Story = { parameters: { sharedLink: links.variants } };

/** With `bag`: "Add to bag" per piece and "Add all to bag"; the brand's cart here says yes. */
export const WithBag: Story = {
  parameters: {
    sharedLink: links.variants,
    actions: { handles: ['vitrine-add-to-bag', 'vitrine-shared-wishlist-save'] },
  },
  beforeEach: () => {
    configure({ bag: true });
    return answerBag(true);
  },
};

export const WithBagInSimplifiedChinese: Story = { ...WithBag, globals: { locale: 'zh-Hans' } };
