import { isCurrency, type LocalizedText } from '../../contract/index.js';
import { warn } from '../warn.js';

export { isCurrency };

/** The locales Vitrine ships messages for. */
export const LOCALES = ['en', 'fr', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'ar'] as const;
export type BuiltInLocale = (typeof LOCALES)[number];
/** A built-in locale, or one a brand added with `registerLocale()`. */
export type Locale = BuiltInLocale | (string & {});
export type TranslatedLocale = Exclude<BuiltInLocale, 'en'>;

/**
 * Every message a widget may show, by key. Empty here: each family adds its own keys (see
 * `wishlist/messages/en.ts`), so the core knows no family and `t()` still checks every key.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the families
export interface VitrineMessages {}
export type MessageKey = Extract<keyof VitrineMessages, string>;

type Catalog = Record<string, string>;

/**
 * A family's messages: English, always bundled (it is also the fallback), and each other
 * locale loaded when a page first shows it, so a page pays only for the languages it speaks.
 */
export interface Messages {
  readonly en: Readonly<Catalog>;
  readonly translations: Readonly<Record<TranslatedLocale, () => Promise<Readonly<Catalog>>>>;
}

const families: Messages[] = [];
const english: Catalog = {};
const catalogs = new Map<Locale, Catalog>([['en', english]]);

/**
 * A brand's own catalogs (`registerLocale`), by canonical code, each with the built-in
 * locale it falls back on before English (`fr-CA` on `fr`), if any. Looked up first.
 */
export const registered = new Map<string, { messages: Catalog; base: BuiltInLocale | undefined }>();
const missing = new Set<string>();

/** The built-in catalog a locale is read from (its own, or its base's); none for a new language. */
function baseOf(locale: Locale): BuiltInLocale | undefined {
  const own = registered.get(locale);
  return own ? own.base : (locale as BuiltInLocale);
}
/** Per family, its locales loaded (or given up on) and those on their way. */
const parts = new WeakMap<Messages, Map<Locale, Promise<void> | true>>();

/**
 * Adds a family's messages, the one way a widget's messages reach the page. Element modules
 * call it when they load (a bare import of a messages module would be tree-shaken away);
 * asking twice does nothing.
 */
export function includeMessages(messages: Messages): void {
  if (parts.has(messages)) return;
  parts.set(messages, new Map([['en', true]]));
  families.push(messages);
  Object.assign(english, messages.en);
}

/** Whether every message of the families on the page can be shown in `locale` now. */
export function hasCatalog(locale: Locale): boolean {
  const base = baseOf(locale);
  return !base || families.every((family) => parts.get(family)!.get(base) === true);
}

function loadPart(family: Messages, locale: TranslatedLocale): Promise<void> {
  const loaded = parts.get(family)!;
  let part = loaded.get(locale);
  if (part === undefined) {
    part = family.translations[locale]().then(
      (messages) => {
        let catalog = catalogs.get(locale);
        if (!catalog) catalogs.set(locale, (catalog = {}));
        Object.assign(catalog, messages);
      },
      (error: unknown) => warn(`could not load the ${locale} messages: ${String(error)}`),
    );
    loaded.set(locale, part);
    // Loaded or not, it is done: a failed part falls back to English rather than block.
    void part.then(() => loaded.set(locale, true));
  }
  return part === true ? Promise.resolve() : part;
}

/**
 * Loads a locale's messages for every family on the page, once. Never rejects: if a catalog
 * cannot load, widgets keep speaking English and the integrator gets a warning.
 */
export function loadCatalog(locale: Locale): Promise<void> {
  const base = baseOf(locale);
  if (!base || base === 'en' || hasCatalog(base)) return Promise.resolve();
  return Promise.all(families.map((family) => loadPart(family, base))).then(() => {});
}

/**
 * Maps any BCP 47 tag to the closest catalog: one a brand registered under that very tag,
 * else a built-in one (`fr-CA` → `fr`; `zh`, `zh-CN` and `zh-Hans-SG` → `zh-Hans`; `zh-TW`,
 * `zh-HK` and `zh-Hant` → `zh-Hant`; `ar-AE` → `ar`), else one registered for its language
 * (`de-AT` → `de`). Returns `undefined` when no catalog fits (the caller falls back).
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  let code: string;
  try {
    code = Intl.getCanonicalLocales(tag.trim())[0] ?? '';
  } catch {
    return undefined;
  }
  if (registered.has(code)) return code;
  const [language = '', ...rest] = code.toLowerCase().split('-');
  if (language === 'zh' || language === 'yue') {
    const traditional =
      !rest.includes('hans') &&
      (language === 'yue' || rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)));
    return traditional ? 'zh-Hant' : 'zh-Hans';
  }
  if ((LOCALES as readonly string[]).includes(language)) return language;
  return registered.has(language) ? language : undefined;
}

/** Whether a locale is written right to left (Arabic, and Hebrew, Persian… once registered). */
export function isRightToLeft(locale: Locale): boolean {
  return /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)\b/i.test(locale);
}

/**
 * A brand's text in `locale`: the language given for it (`fr` for `fr`, `zh-CN` for
 * `zh-Hans`), else English, else the first one given.
 */
export function localize(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  const tags = Object.keys(text);
  const tag =
    tags.find((candidate) => candidate.toLowerCase() === locale.toLowerCase()) ??
    tags.find((candidate) => matchLocale(candidate) === locale) ??
    tags.find((candidate) => matchLocale(candidate) === 'en') ??
    tags[0];
  return tag === undefined ? undefined : text[tag];
}

export type Params = Record<string, string | number>;

/** Looks a message up in the locale's catalog and fills its `{placeholders}`. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const base = baseOf(locale);
  let message = registered.get(locale)?.messages[key] ?? (base && catalogs.get(base)?.[key]);
  if (message === undefined) {
    // A brand's catalog without this message: English, and the integrator told once.
    const told = missing.has(locale + key);
    if (registered.has(locale) && english[key] !== undefined && !told && hasCatalog(locale)) {
      missing.add(locale + key);
      warn(`the ${locale} catalog has no "${key}" message; showing it in English.`);
    }
    message = registered.get('en')?.messages[key] ?? english[key] ?? key;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** The built-in locales without plural forms, which group digits by three with a comma. */
export const EAST_ASIAN: ReadonlySet<Locale> = new Set(['zh-Hans', 'zh-Hant', 'ja', 'ko']);

/**
 * A count in the built-in locales that write it in Western digits, grouped by three (`1,250`,
 * `1 250`), is written without `Intl.NumberFormat`, whose first use on a page loads ICU's
 * number data (20 to 45 ms of main thread on a phone). The tests hold it to Intl's output.
 */
export function formatNumber(locale: Locale, value: number): string {
  const separator =
    locale === 'fr' ? '\u202f' : locale === 'en' || EAST_ASIAN.has(locale) ? ',' : '';
  if (separator && Number.isSafeInteger(value) && value >= 0) {
    return String(value).replace(/\B(?=(\d{3})+$)/g, separator);
  }
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/**
 * Formats a price the shopper's way, one rule everywhere: whole amounts without cents
 * (`1 250 €` in fr, `€1,250` in en), cents only when there are some (`€89.50`).
 */
export function formatPrice(locale: Locale, amount: number, currency: string): string {
  const key = `${locale}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      trailingZeroDisplay: 'stripIfInteger',
    });
    numberFormats.set(key, format);
  }
  return format.format(amount);
}
