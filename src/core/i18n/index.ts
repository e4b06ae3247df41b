import { en, type Catalog, type MessageKey } from './en.js';
import { warn } from '../warn.js';

export type { MessageKey, Catalog };

/** The locales Vitrine ships messages for. */
export const LOCALES = ['en', 'fr', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * English is built in (the parts the loaded elements need, see `includeEnglish`); the other
 * catalogs load whole when a page first asks for them.
 */
const english: Partial<Catalog> = { ...en };
const catalogs: Partial<Record<Locale, Partial<Catalog>>> = { en: english };

/** Adds a part of the English catalog; an element module calls it for the messages it uses. */
export function includeEnglish(part: Partial<Catalog>): void {
  Object.assign(english, part);
}
type Translated = Exclude<Locale, 'en'>;
type Part = () => Promise<Partial<Catalog>>;

const loading = new Map<Locale, Promise<void>>();
const loaders: Record<Translated, Part> = {
  fr: () => import('./fr.js').then((module) => module.fr),
  'zh-Hans': () => import('./zh-Hans.js').then((module) => module.zhHans),
};

/**
 * Adds a family's own messages in the other locales (its English goes to `includeEnglish`):
 * they load with the locale, so a page pays only for the families it uses.
 */
export function includeTranslations(family: Record<Translated, Part>): void {
  for (const locale of Object.keys(family) as Translated[]) {
    const load = loaders[locale];
    loaders[locale] = () =>
      Promise.all([load(), family[locale]()]).then((loaded) => Object.assign({}, ...loaded));
    // Already loaded before this family arrived: add its messages now.
    const loaded = catalogs[locale];
    if (loaded) void family[locale]().then((part) => Object.assign(loaded, part));
  }
}

const families = new WeakSet<object>();

/**
 * Adds a widget family's messages once, however many of its modules ask: the English ones
 * now, the others with their locale. Element modules call it when they load (a bare import
 * of a messages module would be tree-shaken away).
 */
export function includeFamily(
  english: Partial<Catalog>,
  translations: Record<Translated, Part>,
): void {
  if (families.has(english)) return;
  families.add(english);
  includeEnglish(english);
  includeTranslations(translations);
}

export function hasCatalog(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

/**
 * Loads a locale's messages once. Never rejects: if the catalog cannot load, widgets keep
 * speaking English and the integrator gets a warning.
 */
export function loadCatalog(locale: Locale): Promise<void> {
  if (locale === 'en' || hasCatalog(locale)) return Promise.resolve();
  let promise = loading.get(locale);
  if (!promise) {
    promise = loaders[locale]().then(
      (catalog) => void (catalogs[locale] = catalog),
      (error: unknown) => warn(`could not load the ${locale} messages: ${String(error)}`),
    );
    loading.set(locale, promise);
  }
  return promise;
}

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

export type Params = Record<string, string | number>;

/** Looks a message up in the locale's catalog and fills its `{placeholders}`. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const message = catalogs[locale]?.[key] ?? english[key] ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/**
 * Whether `code` is an ISO 4217 currency code. `Intl` formats any well-formed one (it checks
 * no more than this), so no formatter is built to ask it: the first would cost a shopper's
 * phone tens of milliseconds of locale data, before a single price is shown.
 */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code);
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
