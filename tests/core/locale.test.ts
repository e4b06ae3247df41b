import { expect } from '@open-wc/testing';
import { configure } from '../../src/core/config.js';
import { $locale } from '../../src/core/locale.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

const setLang = (lang: string | null) =>
  lang === null
    ? document.documentElement.removeAttribute('lang')
    : document.documentElement.setAttribute('lang', lang);

/** The page's language changes; the widgets hear of it as the browser reports the change. */
async function pageLanguage(lang: string | null, locale: string): Promise<void> {
  setLang(lang);
  await until(() => $locale.get() === locale, `${locale} for <html lang="${lang}">`);
}

describe('$locale', () => {
  beforeEach(resetVitrine);
  afterEach(() => setLang('en'));

  it('is the configured locale, whatever the page language', async () => {
    await pageLanguage('zh-CN', 'zh-Hans');
    configure({ locale: 'fr-BE' });
    expect($locale.get()).to.equal('fr');
  });

  it('is the page language when none is configured', async () => {
    await pageLanguage('fr-FR', 'fr');
    await pageLanguage('zh-CN', 'zh-Hans');
    await pageLanguage('en-GB', 'en');
    await pageLanguage('zh-Hans-SG', 'zh-Hans');
    await pageLanguage('zh-TW', 'zh-Hant');
    await pageLanguage('zh-Hant', 'zh-Hant');
    await pageLanguage('ja-JP', 'ja');
    await pageLanguage('ko', 'ko');
    await pageLanguage('ar-SA', 'ar');
  });

  it('is English for a page language without a catalog, or none', async () => {
    for (const lang of ['de', 'tlh', 'not a tag', '', null]) {
      await pageLanguage('fr', 'fr');
      await pageLanguage(lang, 'en');
    }
  });

  it('follows <html lang> live while the page shows widgets', async () => {
    const seen: string[] = [];
    const stop = $locale.listen((locale) => seen.push(locale));
    try {
      setLang('fr');
      await until(() => seen.length === 1, 'the French page');
      setLang('zh-Hans');
      await until(() => seen.length === 2, 'the Chinese page');
      expect(seen).to.deep.equal(['fr', 'zh-Hans']);
    } finally {
      stop();
    }
  });

  it('follows the page language again once the configured locale is removed', async () => {
    await pageLanguage('fr', 'fr');
    configure({ locale: 'zh-Hans' });
    expect($locale.get()).to.equal('zh-Hans');
    configure({ locale: undefined });
    expect($locale.get()).to.equal('fr');
  });

  it('falls back to the page language, with a warning, for a locale without a catalog', async () => {
    await pageLanguage('fr', 'fr');
    const warnings = await captureWarnings(() => configure({ locale: 'tlh' }));
    expect(warnings.join('\n')).to.match(/locale="tlh" has no catalog/);
    expect($locale.get()).to.equal('fr');
  });
});
