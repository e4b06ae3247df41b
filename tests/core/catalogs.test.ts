import { expect } from '@open-wc/testing';
import { LOCALES, type Messages } from '../../src/core/i18n/index.js';
import { loginMessages } from '../../src/login/messages/index.js';
import { storiesMessages } from '../../src/stories/messages/index.js';
import { votesMessages } from '../../src/votes/messages/index.js';
import { trayMessages } from '../../src/stories/messages/tray.js';
import { bagMessages } from '../../src/wishlist/messages/bag.js';
import { wishlistMessages } from '../../src/wishlist/messages/index.js';
import { sharingMessages } from '../../src/wishlist/messages/sharing.js';

/**
 * Every family, its messages grouped as they ship (the parts of a family share their
 * translations). A family added later belongs here too.
 */
const FAMILIES: Record<string, Messages[]> = {
  wishlist: [wishlistMessages, sharingMessages, bagMessages],
  login: [loginMessages],
  votes: [votesMessages],
  stories: [storiesMessages, trayMessages],
};

const TRANSLATED = LOCALES.filter((locale) => locale !== 'en');

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]).sort();

/** The branches of a `{count, plural, …}` message, or none for a plain one. */
const pluralBranches = (text: string) =>
  /^\{\w+, plural, /.test(text)
    ? [...text.matchAll(/(=\d+|zero|one|two|few|many|other) \{/g)].map((match) => match[1])
    : [];

/** Names that stay as they are in every language (brands and services). */
const PROPER_NAME = /^(X|Pinterest|Facebook|WhatsApp|Instagram|LinkedIn|WeChat)$/;

/** Whether a message has words of its own, besides its placeholders (`{name}, {variant}` has none). */
const hasWords = (text: string) => /[A-Za-z]/.test(text.replace(/\{\w+\}/g, ''));

describe('the built-in catalogs', () => {
  for (const [family, parts] of Object.entries(FAMILIES)) {
    const en: Record<string, string> = Object.assign({}, ...parts.map((part) => part.en));
    const english = Object.keys(en).sort();

    it(`${family}: every locale has exactly the keys of English, with its placeholders`, async () => {
      for (const part of parts) {
        expect(Object.keys(part.translations).sort(), family).to.deep.equal([...TRANSLATED].sort());
      }
      for (const locale of TRANSLATED) {
        const catalog = await parts[0]!.translations[locale]();
        expect(Object.keys(catalog).sort(), `${family} ${locale}`).to.deep.equal(english);
        for (const key of english) {
          const message = catalog[key]!;
          expect(message.trim(), `${locale} ${key} is empty`).not.to.equal('');
          expect(placeholders(message), `${locale} ${key}`).to.deep.equal(placeholders(en[key]!));
        }
      }
    });

    it(`${family}: plural messages have a form for every count, in each language’s rules`, async () => {
      for (const locale of TRANSLATED) {
        const catalog = await parts[0]!.translations[locale]();
        const rules = new Intl.PluralRules(locale);
        for (const key of english.filter((name) => pluralBranches(en[name]!).length > 0)) {
          const branches = pluralBranches(catalog[key]!);
          expect(branches, `${locale} ${key} is not a plural message`).to.include('other');
          // Every count a widget shows up to 200 finds its own form (Arabic has six).
          for (let count = 0; count <= 200; count += 1) {
            const form = rules.select(count);
            expect(
              branches.includes(`=${count}`) || branches.includes(form) || form === 'other',
              `${locale} ${key} has no "${form}" form for ${count}`,
            ).to.equal(true);
          }
        }
      }
    });

    it(`${family}: the languages in other scripts copy no English but proper names`, async () => {
      for (const locale of ['zh-Hans', 'zh-Hant', 'ja', 'ko', 'ar'] as const) {
        const catalog = await parts[0]!.translations[locale]();
        for (const key of english) {
          if (catalog[key] === en[key] && hasWords(en[key]!)) {
            expect(en[key], `${locale} ${key} is still English`).to.match(PROPER_NAME);
          }
        }
      }
    });
  }
});
