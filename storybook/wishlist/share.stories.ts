import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import 'vitrine/wishlist';
import { inShadow, rendered } from '../dom.js';
import { handbag, products, saveAll } from '../fixtures.js';

interface Args {
  targets: string;
  what: string;
  'product-id': string;
  url: string;
  text: string;
}

const meta: Meta<Args> = {
  title: 'Wishlist/Share',
  component: 'vitrine-share',
  args: {
    targets: 'native copy pinterest facebook x whatsapp email wechat',
    what: 'wishlist',
    'product-id': '',
    url: '',
    text: '',
  },
  argTypes: { what: { control: 'inline-radio', options: ['wishlist', 'product'] } },
  render: (args) => html`
    <vitrine-share
      targets=${args.targets}
      what=${args.what}
      product-id=${args['product-id']}
      url=${args.url}
      text=${args.text}
    ></vitrine-share>
  `,
  parameters: { docs: { story: { iframeHeight: 440 } } },
};
export default meta;

type Story = StoryObj<Args>;

const fill = () => saveAll(products);

async function openMenu(canvas: HTMLElement): Promise<void> {
  const trigger = await inShadow(canvas, 'vitrine-share', '[part="trigger"]');
  await userEvent.click(trigger);
  await expect(trigger).toHaveAttribute('aria-expanded', 'true');
}

const open: Story['play'] = ({ canvasElement }) => openMenu(canvasElement);

export const Closed: Story = {
  beforeEach: fill,
  parameters: { docs: { story: { iframeHeight: 90 } } },
};

/** The menu floats beside the button (floating-ui); `native` only shows where the browser has a share sheet. */
export const MenuOpen: Story = { beforeEach: fill, play: open };

/** Copy shows a confirmation, or a field to copy by hand where the clipboard is refused. */
export const CopyLink: Story = {
  beforeEach: fill,
  play: async ({ canvasElement }) => {
    await openMenu(canvasElement);
    await userEvent.click(await inShadow(canvasElement, 'vitrine-share', '[part~="target-copy"]'));
    await rendered(canvasElement, 'vitrine-share');
  },
};

/** WeChat has no share URL on the web: the menu shows a QR code of the link to scan. */
export const WeChatQrCode: Story = {
  beforeEach: fill,
  play: async ({ canvasElement }) => {
    await openMenu(canvasElement);
    await userEvent.click(
      await inShadow(canvasElement, 'vitrine-share', '[part~="target-wechat"]'),
    );
    // The QR encoder loads on first use.
    await waitFor(async () =>
      expect(await inShadow(canvasElement, 'vitrine-share', '[part="qr"]')).toBeVisible(),
    );
  },
  parameters: { docs: { story: { iframeHeight: 640 } } },
};

/** Nothing saved yet: the menu says there is nothing to share instead of sharing an empty list. */
export const EmptyWishlist: Story = { play: open };

/** `product-id` shares one product's page instead of the wishlist. */
export const ShareProduct: Story = {
  args: { what: 'product', 'product-id': handbag.productId, url: handbag.url, text: handbag.name },
  play: open,
};

/** `targets` picks the choices and their order. */
export const ChosenTargets: Story = {
  args: { targets: 'wechat whatsapp copy' },
  beforeEach: fill,
  play: open,
};

/** Unknown targets are left out with a console warning; the others still work. */
export const UnknownTarget: Story = {
  args: { targets: 'copy myspace email' },
  beforeEach: fill,
  play: open,
};

/** A `url` that is not http(s) is ignored with a warning: the link points to this page. */
export const InvalidUrl: Story = {
  args: { url: 'javascript:alert(1)', targets: 'copy email' },
  beforeEach: fill,
  play: open,
};

export const Dark: Story = { globals: { theme: 'dark' }, beforeEach: fill, play: open };

export const RightToLeft: Story = { globals: { direction: 'rtl' }, beforeEach: fill, play: open };

export const French: Story = { globals: { locale: 'fr' }, beforeEach: fill, play: open };

export const English: Story = { globals: { locale: 'en' }, beforeEach: fill, play: open };

export const SimplifiedChinese: Story = {
  globals: { locale: 'zh-Hans' },
  beforeEach: fill,
  play: open,
};

export const TraditionalChinese: Story = {
  globals: { locale: 'zh-Hant' },
  beforeEach: fill,
  play: open,
};

export const Japanese: Story = {
  globals: { locale: 'ja' },
  beforeEach: fill,
  play: open,
};

export const Korean: Story = {
  globals: { locale: 'ko' },
  beforeEach: fill,
  play: open,
};

/** Arabic reads right to left: the widget mirrors. */
export const Arabic: Story = {
  globals: { locale: 'ar', direction: 'rtl' },
  beforeEach: fill,
  play: open,
};
