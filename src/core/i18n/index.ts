import { en, type Catalog, type MessageKey } from './en.js';
import { fr } from './fr.js';
import { zhHans } from './zh-Hans.js';

export type { MessageKey, Catalog };

/** The locales Vitrine ships messages for. */
export const LOCALES = ['en', 'fr', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogs: Record<Locale, Catalog> = { en, fr, 'zh-Hans': zhHans };

/**
 * Maps any BCP 47 tag to the closest shipped locale: `fr-CA` → `fr`, `zh`, `zh-CN` and
 * `zh-Hans-SG` → `zh-Hans`. Returns `undefined` when no catalog fits (the caller falls back).
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  let parts: string[];
  try {
    parts = Intl.getCanonicalLocales(tag.trim())[0]?.split('-') ?? [];
  } catch {
    return undefined;
  }
  const [language, ...rest] = parts.map((part) => part.toLowerCase());
  if (language === 'en') return 'en';
  if (language === 'fr') return 'fr';
  if (language === 'zh') {
    // Traditional-script Chinese is not served the simplified catalog.
    const traditional = rest.includes('hant') || rest.some((r) => ['tw', 'hk', 'mo'].includes(r));
    return traditional ? undefined : 'zh-Hans';
  }
  return undefined;
}

type Params = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function plural(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/** `{count, plural, =0 {…} one {…} other {…}}`: the one ICU form the catalogs use. */
const PLURAL = /^\{(\w+), plural, (.*)\}$/s;
const BRANCH = /(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g;

function formatPlural(locale: Locale, message: string, params: Params): string | undefined {
  const match = PLURAL.exec(message);
  if (!match) return undefined;
  const [, name = '', body = ''] = match;
  const count = Number(params[name] ?? 0);
  const branches = new Map<string, string>();
  for (const [, selector = '', text = ''] of body.matchAll(BRANCH)) branches.set(selector, text);
  const text =
    branches.get(`=${count}`) ?? branches.get(plural(locale, count)) ?? branches.get('other') ?? '';
  return text.replace('#', formatNumber(locale, count));
}

/** Looks a message up in the locale's catalog and fills its `{placeholders}`. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const message = catalogs[locale][key] ?? en[key];
  const pluralised = formatPlural(locale, message, params);
  if (pluralised !== undefined) return pluralised;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/** Whether `code` is an ISO 4217 currency `Intl` knows how to format. */
export function isCurrency(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/** Formats a price the shopper's way: `1 250,00 €` in fr, `€1,250.00` in en, `€1,250.00` in zh-Hans. */
export function formatPrice(locale: Locale, amount: number, currency: string): string {
  const key = `${locale}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    numberFormats.set(key, format);
  }
  return format.format(amount);
}
