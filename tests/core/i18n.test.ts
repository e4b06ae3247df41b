import { expect } from '@open-wc/testing';
import {
  formatNumber,
  formatPrice,
  hasCatalog,
  includeMessages,
  LOCALES,
  loadCatalog,
  matchLocale,
  translate,
  type MessageKey,
  type Messages,
} from '../../src/core/i18n/index.js';
import { pluralOf, translatePlural } from '../../src/core/i18n/plural.js';
import '../../src/wishlist/wishlist-count.js';
import { captureWarnings } from '../support/helpers.js';

describe('i18n', () => {
  it('matches page languages to the closest catalog', () => {
    expect(matchLocale('fr-CA')).to.equal('fr');
    expect(matchLocale('zh-CN')).to.equal('zh-Hans');
    expect(matchLocale('zh-Hans-SG')).to.equal('zh-Hans');
    expect(matchLocale('zh-TW')).to.equal('zh-Hant');
    expect(matchLocale('zh-HK')).to.equal('zh-Hant');
    expect(matchLocale('zh-Hant-MO')).to.equal('zh-Hant');
    expect(matchLocale('zh-Hans-HK')).to.equal('zh-Hans');
    expect(matchLocale('ja-JP')).to.equal('ja');
    expect(matchLocale('ko-KR')).to.equal('ko');
    expect(matchLocale('ar-AE')).to.equal('ar');
    expect(matchLocale('ar-SA')).to.equal('ar');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('de')).to.equal(undefined);
    expect(matchLocale('not a tag!')).to.equal(undefined);
  });

  it('speaks English until a locale’s messages have loaded, then that locale', async () => {
    // Each browser test file runs in a fresh page: nothing loaded French before this test.
    expect(translate('fr', 'wishlist.remove', { name: 'Carré' })).to.equal(
      translate('en', 'wishlist.remove', { name: 'Carré' }),
    );
    await loadCatalog('fr');
    expect(translate('fr', 'wishlist.remove', { name: 'Carré' })).to.contain('Carré');
    expect(translate('fr', 'wishlist.remove', { name: 'Carré' })).not.to.equal(
      translate('en', 'wishlist.remove', { name: 'Carré' }),
    );
  });

  it('pluralizes with the locale rules', async () => {
    await Promise.all([loadCatalog('fr'), loadCatalog('zh-Hans')]);
    expect(translatePlural('en', 'wishlist.count', { count: 0 })).to.equal('No saved items');
    expect(translatePlural('en', 'wishlist.count', { count: 1 })).to.equal('1 saved item');
    expect(translatePlural('en', 'wishlist.count', { count: 1200 })).to.equal('1,200 saved items');
    expect(translatePlural('fr', 'wishlist.count', { count: 1 })).to.equal('1 article enregistré');
    expect(translatePlural('zh-Hans', 'wishlist.count', { count: 3 })).to.equal('已收藏 3 件');
  });

  it('pluralizes Arabic in all its forms, and the East Asian languages without plurals', async () => {
    await Promise.all(['ar', 'ja', 'ko', 'zh-Hant'].map((locale) => loadCatalog(locale)));
    const arabic = (count: number) => translatePlural('ar', 'wishlist.count', { count });
    const digits = new Intl.NumberFormat('ar');
    expect(arabic(0)).to.equal('لا توجد قطع محفوظة');
    expect(arabic(1)).to.equal('قطعة واحدة محفوظة');
    expect(arabic(2)).to.equal('قطعتان محفوظتان');
    expect(arabic(3)).to.equal(`${digits.format(3)} قطع محفوظة`);
    expect(arabic(11)).to.equal(`${digits.format(11)} قطعة محفوظة`);
    expect(translatePlural('ja', 'wishlist.count', { count: 1200 })).to.equal(
      '1,200 点のアイテムを保存済み',
    );
    expect(translatePlural('ko', 'wishlist.count', { count: 1 })).to.equal('담아 두신 제품 1개');
    expect(translatePlural('zh-Hant', 'wishlist.count', { count: 2 })).to.equal('已收藏 2 件單品');
  });

  it('writes counts exactly as Intl.NumberFormat does, in every built-in locale', () => {
    const counts = [0, 7, 42, 999, 1000, 1200, 12_345, 999_999, 1_000_000, 1_234_567_890, 1.5, -3];
    for (const locale of LOCALES) {
      const intl = new Intl.NumberFormat(locale);
      for (const count of counts) {
        expect(formatNumber(locale, count), `${count} in ${locale}`).to.equal(intl.format(count));
      }
    }
  });

  it('picks the plural form Intl.PluralRules picks, in every built-in locale', () => {
    const counts = [
      0, 1, 2, 3, 5, 11, 19, 100, 101, 1000, 1_000_000, 2_000_000, 1_000_001, 1.5, -1,
    ];
    for (const locale of LOCALES) {
      const intl = new Intl.PluralRules(locale);
      for (const count of counts) {
        expect(pluralOf(locale, count), `${count} in ${locale}`).to.equal(intl.select(count));
      }
    }
  });

  it('formats prices the shopper’s way', () => {
    expect(formatPrice('en', 1250, 'EUR')).to.equal('€1,250');
    expect(formatPrice('fr', 1250, 'EUR').replace(/\s/g, ' ')).to.equal('1 250 €');
    expect(formatPrice('zh-Hans', 1250, 'CNY')).to.equal('¥1,250');
    expect(formatPrice('ja', 125000, 'JPY')).to.equal('￥125,000');
    expect(formatPrice('ko', 1250000, 'KRW')).to.equal('₩1,250,000');
    expect(formatPrice('zh-Hant', 9800, 'TWD')).to.equal('$9,800');
    expect(formatPrice('ar', 1250, 'AED')).to.contain('د.إ.');
    // Cents only when there are some.
    expect(formatPrice('en', 89.5, 'EUR')).to.equal('€89.50');
    expect(formatPrice('fr', 89.5, 'EUR').replace(/\s/g, ' ')).to.equal('89,50 €');
  });
  it('waits for every family on the page before a locale counts as loaded', async () => {
    let release = (): void => {};
    const late: Messages = {
      en: { 'test.late': 'Late' },
      translations: {
        fr: () => new Promise((resolve) => (release = () => resolve({ 'test.late': 'Tard' }))),
        'zh-Hans': () => Promise.resolve({ 'test.late': '迟' }),
        'zh-Hant': () => Promise.resolve({ 'test.late': '遲' }),
        ja: () => Promise.resolve({ 'test.late': '遅れ' }),
        ko: () => Promise.resolve({ 'test.late': '늦음' }),
        ar: () => Promise.resolve({ 'test.late': 'متأخر' }),
      },
    };
    includeMessages(late);
    includeMessages(late);
    const loading = loadCatalog('fr');
    expect(hasCatalog('fr')).to.equal(false);
    release();
    await loading;
    expect(hasCatalog('fr')).to.equal(true);
    expect(translate('fr', 'test.late' as MessageKey)).to.equal('Tard');
  });

  it('keeps speaking English, with one warning, when a locale cannot load', async () => {
    const broken: Messages = {
      en: { 'test.broken': 'Still English' },
      translations: {
        fr: () => Promise.reject(new Error('offline')),
        'zh-Hans': () => Promise.reject(new Error('offline')),
        'zh-Hant': () => Promise.reject(new Error('offline')),
        ja: () => Promise.reject(new Error('offline')),
        ko: () => Promise.reject(new Error('offline')),
        ar: () => Promise.reject(new Error('offline')),
      },
    };
    includeMessages(broken);
    const warnings = await captureWarnings(() => loadCatalog('zh-Hans'));
    expect(
      warnings.filter((w) => w.includes('could not load the zh-Hans messages')),
    ).to.have.length(1);
    expect(hasCatalog('zh-Hans')).to.equal(true);
    expect(translate('zh-Hans', 'test.broken' as MessageKey)).to.equal('Still English');
  });
});
