import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import 'vitrine/wishlist';
import { handbag, products, saveAll } from '../fixtures.js';

interface Args {
  api: string;
  issuer: string;
  'client-id': string;
  'redirect-uri': string;
  providers: string;
  'provider-param': string;
  locale: string;
  currency: string;
  theme: string;
  storage: string;
}

/** Prices without their own currency, so the page's `currency` shows. */
const withoutCurrency = products.map(({ currency: _currency, ...product }) => product);

/**
 * One `<vitrine-config>` per page sets the options of every widget; changing an attribute
 * (try the controls) updates them all at once. The same options exist in JavaScript as
 * `configure({...})` from `vitrine/stores`. In this example the wishlist is kept in memory.
 */
const meta: Meta<Args> = {
  title: 'Core/Config',
  component: 'vitrine-config',
  args: {
    api: '',
    issuer: '',
    'client-id': '',
    'redirect-uri': '',
    providers: 'google facebook apple',
    'provider-param': '',
    locale: 'fr',
    currency: 'EUR',
    theme: 'light',
    storage: 'memory',
  },
  argTypes: {
    locale: {
      control: 'select',
      options: ['', 'en', 'fr', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'ar'],
    },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    storage: { control: 'inline-radio', options: ['memory', 'session', 'local'] },
    currency: {
      control: 'select',
      options: ['EUR', 'USD', 'GBP', 'JPY', 'CNY', 'CHF', 'HKD', 'TWD', 'KRW', 'AED', 'SAR'],
    },
  },
  render: (args) => html`
    <vitrine-config
      api=${args.api || nothing}
      issuer=${args.issuer || nothing}
      client-id=${args['client-id'] || nothing}
      redirect-uri=${args['redirect-uri'] || nothing}
      providers=${args.providers || nothing}
      provider-param=${args['provider-param'] || nothing}
      locale=${args.locale || nothing}
      currency=${args.currency || nothing}
      theme=${args.theme || nothing}
      storage=${args.storage || nothing}
    ></vitrine-config>
    <p>
      <vitrine-wishlist-button
        product-id=${handbag.productId}
        name=${handbag.name}
        price=${handbag.price}
        image=${handbag.image}
        show-label
      ></vitrine-wishlist-button>
      <vitrine-wishlist-count></vitrine-wishlist-count>
    </p>
    <vitrine-wishlist style="max-width: 32rem"></vitrine-wishlist>
  `,
  beforeEach: () => saveAll(withoutCurrency.slice(1)),
  parameters: {
    // The element sets locale and theme here; the toolbar's would fight it.
    ownConfig: true,
    docs: { story: { iframeHeight: 480 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const LiveExample: Story = {};

export const Dark: Story = { args: { theme: 'dark', locale: 'en' } };

export const SimplifiedChineseInYuan: Story = { args: { locale: 'zh-Hans', currency: 'CNY' } };

export const TraditionalChineseInHongKongDollars: Story = {
  args: { locale: 'zh-Hant', currency: 'HKD' },
};

export const JapaneseInYen: Story = { args: { locale: 'ja', currency: 'JPY' } };

export const KoreanInWon: Story = { args: { locale: 'ko', currency: 'KRW' } };

export const ArabicInDirhams: Story = { args: { locale: 'ar', currency: 'AED' } };

export const EnglishInYen: Story = { args: { locale: 'en', currency: 'JPY' } };

/** Bad values print a console warning and fall back to a safe default: the page never breaks. */
export const InvalidValues: Story = {
  args: { locale: 'tlh', currency: 'euros', theme: 'pink', providers: 'google myspace' },
  argTypes: {
    locale: { control: 'text' },
    currency: { control: 'text' },
    theme: { control: 'text' },
  },
};
