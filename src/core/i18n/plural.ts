import {
  EAST_ASIAN,
  formatNumber,
  translate,
  type Locale,
  type MessageKey,
  type Params,
} from './index.js';

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The plural category of a count (CLDR's rules). Whole numbers in the built-in locales whose
 * rules are this short need no `Intl.PluralRules`, whose first use on a page loads ICU's
 * rules; the tests hold them to Intl's. Arabic, and a brand's own locales, ask Intl.
 */
export function pluralOf(locale: Locale, count: number): string {
  if (Number.isSafeInteger(count) && count >= 0) {
    if (locale === 'en') return count === 1 ? 'one' : 'other';
    if (locale === 'fr') return count < 2 ? 'one' : count % 1_000_000 ? 'other' : 'many';
    if (EAST_ASIAN.has(locale)) return 'other';
  }
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/** `{count, plural, =0 {…} one {…} other {…}}`: the one ICU form the catalogs use. */
const PLURAL = /^\{(\w+), plural, (.*)\}$/s;
const BRANCH = /(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g;

/**
 * A message that depends on a number, with the locale's plural rules (`1 saved item`,
 * `3 saved items`, `已收藏 3 件`). Kept apart from `translate` so that widgets that never
 * count (the wishlist button) do not ship it.
 */
export function translatePlural(locale: Locale, key: MessageKey, params: Params): string {
  const message = translate(locale, key, params);
  const match = PLURAL.exec(message);
  if (!match) return message;
  const [, name = '', body = ''] = match;
  const count = Number(params[name] ?? 0);
  const branches = new Map<string, string>();
  for (const [, selector = '', text = ''] of body.matchAll(BRANCH)) branches.set(selector, text);
  const text =
    branches.get(`=${count}`) ??
    branches.get(pluralOf(locale, count)) ??
    branches.get('other') ??
    '';
  return text.replace('#', formatNumber(locale, count));
}
