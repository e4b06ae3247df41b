import { formatNumber, translate, type Locale, type MessageKey, type Params } from './index.js';

const pluralRules = new Map<string, Intl.PluralRules>();

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
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const branches = new Map<string, string>();
  for (const [, selector = '', text = ''] of body.matchAll(BRANCH)) branches.set(selector, text);
  const text =
    branches.get(`=${count}`) ?? branches.get(rules.select(count)) ?? branches.get('other') ?? '';
  return text.replace('#', formatNumber(locale, count));
}
