import { $config, configure, requested } from '../config.js';
import { warn } from '../warn.js';
import { LOCALES, matchLocale, registered, type BuiltInLocale } from './index.js';

const KEY = /^[A-Za-z][\w.-]{0,99}$/;
const MAX_MESSAGE = 2000;

/** The canonical form of a language tag, or `undefined` for anything that is not one. */
function canonicalTag(code: unknown): string | undefined {
  if (typeof code !== 'string' || code.length > 35) return undefined;
  try {
    return Intl.getCanonicalLocales(code.trim())[0];
  } catch {
    return undefined;
  }
}

/**
 * Adds a catalog, or a brand's own wording over a built-in one: `registerLocale('de', {...})`
 * teaches widgets German, `registerLocale('fr', {'wishlist.save': 'Ajouter'})` changes one
 * French message. Called again for the same code, it adds to what was given. A message the
 * catalog lacks comes from the built-in catalog of its language if there is one (`fr-CA` →
 * `fr`), else from English, with one warning. Widgets already on the page follow at once.
 * Bad input never throws: a code that is not a language tag, or messages that are not a
 * plain object of strings, are told in the console and left out.
 */
export function registerLocale(code: string, messages: Readonly<Record<string, string>>): void {
  const tag = canonicalTag(code);
  if (!tag) {
    warn(`registerLocale(): "${String(code).slice(0, 40)}" is not a language tag; ignored.`);
    return;
  }
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) {
    warn(`registerLocale("${tag}"): the messages must be an object of strings; ignored.`);
    return;
  }
  const builtIn = LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase());
  const locale = builtIn ?? tag;
  const previous = registered.get(locale);
  registered.delete(locale);
  const match = matchLocale(locale);
  const base = (LOCALES as readonly string[]).includes(match ?? '')
    ? (match as BuiltInLocale)
    : undefined;
  const catalog: Record<string, string> = Object.assign(Object.create(null), previous?.messages);
  const refused: string[] = [];
  for (const key of Object.keys(messages)) {
    const message: unknown = messages[key];
    if (KEY.test(key) && typeof message === 'string' && message.length <= MAX_MESSAGE) {
      catalog[key] = message;
    } else {
      refused.push(key.slice(0, 40));
    }
  }
  if (refused.length) {
    warn(
      `registerLocale("${locale}"): ${refused.length} message(s) left out, not a string under a message key: ${refused.slice(0, 5).join(', ')}.`,
    );
  }
  registered.set(locale, { messages: catalog, base });
  // A locale asked for before its catalog existed takes effect now; otherwise every widget
  // reads its words again, and a page language no catalog fitted may fit now.
  if (requested.locale && matchLocale(requested.locale)) configure({ locale: requested.locale });
  else $config.set({ ...$config.get() });
}
