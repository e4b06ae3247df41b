import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/wishlist/index.js';
import '../../src/login/index.js';
import '../../src/votes/index.js';
import '../../src/stories/index.js';
import { configure } from '../../src/core/config.js';
import { addToWishlist } from '../../src/stores/wishlist.js';
import { resetVitrine, until } from '../support/helpers.js';

interface Expected {
  /** The wishlist button's name for "Sac Lune". */
  save: string;
  /** What the count says to a screen reader for two saved pieces. */
  count: string;
  heading: string;
  /** The price of the Sac Lune in the shopper's currency. */
  price: [currency: string, amount: number, text: RegExp];
  google: string;
  next: string;
  /** The carousel's name for its first of two slides. */
  first: string;
  noVote: string;
}

const LANGUAGES: Record<string, Expected> = {
  'zh-Hant': {
    save: '將Sac Lune加入願望清單',
    count: '已收藏 2 件單品',
    heading: '願望清單',
    price: ['HKD', 12500, /^HK\$12,500$/],
    google: '以 Google 帳戶登入',
    next: '下一張',
    first: '第 1 張，共 2 張',
    noVote: '投票暫時無法使用。',
  },
  ja: {
    save: 'Sac Luneをウィッシュリストに追加',
    count: '2 点のアイテムを保存済み',
    heading: 'ウィッシュリスト',
    price: ['JPY', 198000, /^[￥¥]198,000$/],
    google: 'Google でログイン',
    next: '次のスライド',
    first: '2 枚中 1 枚目',
    noVote: 'ただいま投票をご利用いただけません。',
  },
  ko: {
    save: 'Sac Lune 위시리스트에 담기',
    count: '담아 두신 제품 2개',
    heading: '위시리스트',
    price: ['KRW', 1850000, /^₩1,850,000$/],
    google: 'Google 계정으로 로그인',
    next: '다음 슬라이드',
    first: '2개 중 1번째',
    noVote: '지금은 투표를 이용하실 수 없습니다.',
  },
  ar: {
    save: 'إضافة Sac Lune إلى قائمة الأمنيات',
    count: 'قطعتان محفوظتان',
    heading: 'قائمة الأمنيات',
    price: ['AED', 5200, /د\.إ\./],
    google: 'تسجيل الدخول عبر Google',
    next: 'الشريحة التالية',
    first: `${new Intl.NumberFormat('ar').format(1)} من ${new Intl.NumberFormat('ar').format(2)}`,
    noVote: 'التصويت غير متاح حاليًا.',
  },
};

const shadow = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

/** Every family's widgets, as a brand's page in that language shows them. */
async function storefront(currency: string, amount: number) {
  const page = await fixture<HTMLElement>(html`
    <div>
      <vitrine-wishlist-button
        product-id="sac-lune"
        name="Sac Lune"
        price=${amount}
        currency=${currency}
      ></vitrine-wishlist-button>
      <vitrine-wishlist-button
        id="labelled"
        product-id="sac-lune"
        name="Sac Lune"
        show-label
      ></vitrine-wishlist-button>
      <vitrine-wishlist-count></vitrine-wishlist-count>
      <vitrine-wishlist></vitrine-wishlist>
      <vitrine-share></vitrine-share>
      <vitrine-login providers="google apple"></vitrine-login>
      <vitrine-vote campaign="icons" product-id="sac-lune" name="Sac Lune"></vitrine-vote>
      <vitrine-stories label="Maison" style="width: 270px">
        <vitrine-story id="one"
          ><div data-vitrine-text><p>1924</p></div></vitrine-story
        >
        <vitrine-story id="two"
          ><div data-vitrine-text><p>2024</p></div></vitrine-story
        >
      </vitrine-stories>
    </div>
  `);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K) => page.querySelector(tag)!;
  return { page, el, labelled: page.querySelector<HTMLElement>('#labelled')! };
}

describe('the built-in languages on a brand’s page', () => {
  beforeEach(() => {
    resetVitrine();
    // Sign-in set up, so that the login widget offers its providers.
    configure({ issuer: 'https://id.example.com', clientId: 'web-shop' });
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
  });

  for (const [locale, expected] of Object.entries(LANGUAGES)) {
    it(`${locale}: every family speaks it, with prices and counts the local way, axe clean in both themes`, async () => {
      document.documentElement.lang = locale;
      if (locale === 'ar') document.documentElement.dir = 'rtl';
      const [currency, amount, price] = expected.price;
      const { page, el } = await storefront(currency, amount);
      const heart = el('vitrine-wishlist-button');
      await until(
        () => shadow(heart, 'button')?.getAttribute('aria-label') === expected.save,
        `the ${locale} wishlist button`,
      );
      shadow(heart, 'button')!.click();
      addToWishlist({ productId: 'carre', name: 'Carré' });
      const list = el('vitrine-wishlist');
      await until(() => list.shadowRoot!.querySelectorAll('[part="item"]').length === 2, 'items');
      expect(text(shadow(el('vitrine-wishlist-count'), '.visually-hidden'))).to.equal(
        expected.count,
      );
      expect(text(shadow(list, '[part="heading"]'))).to.contain(expected.heading);
      expect(text(shadow(list, '[part="price"]'))).to.match(price);
      const login = el('vitrine-login');
      expect(text(shadow(login, '[part~="provider"]'))).to.equal(expected.google);
      const stories = el('vitrine-stories');
      await until(
        () => stories.querySelector('vitrine-story')!.hasAttribute('aria-label'),
        'slides',
      );
      expect(stories.querySelector('vitrine-story')!.getAttribute('aria-label')).to.equal(
        expected.first,
      );
      expect(shadow(stories, '[part="next"]')!.getAttribute('aria-label')).to.equal(expected.next);
      await until(
        () => text(shadow(el('vitrine-vote'), '[part="result"]')) === expected.noVote,
        'vote',
      );
      // The page already says the language: the widgets' text is not marked again.
      for (const widget of page.children) {
        expect(widget.shadowRoot!.querySelector('[lang], [dir]'), widget.localName).to.equal(null);
      }
      for (const theme of ['light', 'dark'] as const) {
        configure({ theme });
        for (const widget of page.children) {
          await (widget as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          await expect(widget, `${widget.localName} ${theme}`).to.be.accessible();
        }
      }
    });
  }
});

describe('Arabic, right to left', () => {
  beforeEach(() => {
    resetVitrine();
    // Sign-in set up, so that the login widget offers its providers.
    configure({ issuer: 'https://id.example.com', clientId: 'web-shop' });
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
  });

  it('mirrors every widget on an Arabic page: text, the heart beside its label, the arrows', async () => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
    const { page, labelled: heart, el } = await storefront('AED', 5200);
    await until(() => text(shadow(heart, '[part="label"]')) === 'حفظ', 'Arabic');
    for (const widget of page.children) {
      const root = widget.shadowRoot!.firstElementChild as HTMLElement;
      expect(getComputedStyle(root).direction, widget.localName).to.equal('rtl');
    }
    // The heart comes first in reading order: on the right of its label.
    const icon = shadow(heart, '[part="icon"]')!.getBoundingClientRect();
    const label = shadow(heart, '[part="label"]')!.getBoundingClientRect();
    expect(icon.left).to.be.greaterThan(label.left);
    // The carousel's "next" control sits on the left, and ArrowLeft goes on.
    const stories = el('vitrine-stories');
    const next = shadow(stories, '[part="next"]')!;
    expect(next.getBoundingClientRect().left).to.be.lessThan(
      shadow(stories, '[part="previous"]')!.getBoundingClientRect().left,
    );
    next.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await until(
      () => stories.querySelector('#two')!.getAttribute('position') === 'current',
      'the second slide',
    );
  });

  it('reads right to left on a left-to-right page when the widgets are set to Arabic', async () => {
    configure({ locale: 'ar' });
    const { el, labelled: heart } = await storefront('AED', 5200);
    await until(() => text(shadow(heart, '[part="label"]')) === 'حفظ', 'Arabic');
    const root = heart.shadowRoot!.firstElementChild as HTMLElement;
    expect(root.getAttribute('lang')).to.equal('ar');
    expect(root.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(shadow(heart, '[part="label"]')!).direction).to.equal('rtl');
    // The brand's own text around the widgets keeps the page's direction.
    expect(getComputedStyle(el('vitrine-stories').querySelector('p')!).direction).to.equal('ltr');
    await expect(heart).to.be.accessible();
    configure({ locale: 'en' });
    await until(() => !root.hasAttribute('dir'), 'left to right again');
  });
});
