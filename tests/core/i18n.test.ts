import { expect } from '@open-wc/testing';
import { en as enBase } from '../../src/core/i18n/en.js';
import { enSharing } from '../../src/core/i18n/en-sharing.js';
import { fr } from '../../src/core/i18n/fr.js';
import { zhHans } from '../../src/core/i18n/zh-Hans.js';
import { enLogin } from '../../src/core/i18n/en-login.js';
import { frLogin } from '../../src/core/i18n/fr-login.js';
import { zhHansLogin } from '../../src/core/i18n/zh-Hans-login.js';
import { formatPrice, loadCatalog, matchLocale, translate } from '../../src/core/i18n/index.js';
import { translatePlural } from '../../src/core/i18n/plural.js';

const en = { ...enBase, ...enSharing };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

/** Every English message has a translation in each catalog, with the same placeholders. */
function expectComplete<K extends string>(
  english: Record<K, string>,
  translations: Record<string, Record<K, string>>,
): void {
  for (const [name, catalog] of Object.entries(translations)) {
    expect(Object.keys(catalog).sort(), name).to.deep.equal(Object.keys(english).sort());
    for (const key of Object.keys(english) as K[]) {
      expect(placeholders(catalog[key]), `${name} ${key}`).to.deep.equal(
        placeholders(english[key]),
      );
    }
  }
}

describe('i18n', () => {
  it('ships every message in fr and zh-Hans, with the same placeholders', () => {
    expectComplete(en, { fr, zhHans });
  });

  it('ships every sign-in message in fr and zh-Hans, with the same placeholders', () => {
    expectComplete(enLogin, { fr: frLogin, zhHans: zhHansLogin });
  });

  it('matches page languages to the closest catalog', () => {
    expect(matchLocale('fr-CA')).to.equal('fr');
    expect(matchLocale('zh-CN')).to.equal('zh-Hans');
    expect(matchLocale('zh-Hans-SG')).to.equal('zh-Hans');
    expect(matchLocale('zh-TW')).to.equal(undefined);
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

  it('formats prices the shopper’s way', () => {
    expect(formatPrice('en', 1250, 'EUR')).to.equal('€1,250.00');
    expect(formatPrice('fr', 1250, 'EUR').replace(/\s/g, ' ')).to.equal('1 250,00 €');
    expect(formatPrice('zh-Hans', 1250, 'CNY')).to.equal('¥1,250.00');
  });
});
