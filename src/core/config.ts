import { map } from 'nanostores';
import { originOf } from '../contract/index.js';
import { safeUrl } from './safe-url.js';
import { warn } from './warn.js';
import { isCurrency, matchLocale, type Locale } from './i18n/index.js';
import type { StorageKind } from './storage.js';

export const PROVIDERS = [
  'google',
  'facebook',
  'apple',
  'x',
  'pinterest',
  'wechat',
  'line',
] as const;
export type Provider = (typeof PROVIDERS)[number];
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export const STORAGE_KINDS = ['local', 'session', 'memory'] as const;

/** Page-wide settings, from `<vitrine-config>` or `configure()`. */
export interface VitrineConfig {
  /** Base URL of the back end. Absent: everything stays in the browser, nothing is sent. */
  api: string | undefined;
  /** OpenID Connect issuer URL. */
  issuer: string | undefined;
  clientId: string | undefined;
  redirectUri: string | undefined;
  providers: Provider[];
  /** Query parameter naming the upstream provider for the identity provider (`kc_idp_hint`…). */
  providerParam: string | undefined;
  /** Explicit locale; absent: `<html lang>`, else `en`. */
  locale: Locale | undefined;
  currency: string;
  theme: Theme;
  storage: StorageKind;
  /**
   * Origins besides the page's own that a list someone else made (a shared wishlist, a
   * feed) may show pictures from: the brand's CDN. Links always stay on the page's origin.
   */
  imageOrigins: string[];
  /**
   * The page has a bag: the lists and the hotspot cards offer "add to bag", and the brand's
   * own cart code answers `vitrine-add-to-bag`.
   */
  bag: boolean;
}

/** What `configure()` accepts: any subset, with lists also as space-separated strings. */
export type ConfigInput = Partial<
  Omit<VitrineConfig, 'providers' | 'locale' | 'imageOrigins' | 'bag'>
> & {
  /** `true`, or an attribute's value: present is on, and "false", "no", "off", "0" off. */
  bag?: boolean | string;
  providers?: readonly string[] | string;
  locale?: string;
  imageOrigins?: readonly string[] | string;
};

const DEFAULTS: VitrineConfig = {
  api: undefined,
  issuer: undefined,
  clientId: undefined,
  redirectUri: undefined,
  providers: ['google', 'facebook', 'apple'],
  providerParam: undefined,
  locale: undefined,
  currency: 'EUR',
  theme: 'light',
  storage: 'local',
  imageOrigins: [],
  bag: false,
};

export const $config = map<VitrineConfig>({ ...DEFAULTS });

/** The locale last asked for that had no catalog then (see `registerLocale`). */
export const requested: { locale?: string | undefined } = {};

function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (allowed.includes(value as T)) return value as T;
  warn(
    `${name}="${String(value)}" is not one of ${allowed.join(', ')}; "${fallback}" is used. Write ${name}="${allowed[allowed.length - 1]}", for example.`,
  );
  return fallback;
}

function url(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const safe = safeUrl(value);
  if (!safe) {
    warn(
      `${name}="${String(value)}" is not an http(s) URL; it is ignored. Write ${name}="https://api.maison.example", for example.`,
    );
  }
  return safe;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Known provider names from a list or a space-separated string, unknown ones warned about. */
export function parseProviders(value: readonly string[] | string): Provider[] {
  const names = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [...value];
  const known = names.filter((name): name is Provider => {
    const ok = (PROVIDERS as readonly string[]).includes(name);
    if (!ok) {
      warn(
        `unknown provider "${name}" ignored; the others are kept. Known: ${PROVIDERS.join(' ')}. Write providers="google apple", for example.`,
      );
    }
    return ok;
  });
  return [...new Set(known)];
}

/** Bare http(s) origins from a list or a space-separated string, others warned about. */
function parseOrigins(value: readonly string[] | string): string[] {
  const names = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [...value];
  const origins = names.filter((name) => {
    const ok = originOf(name) === String(name).replace(/\/$/, '').toLowerCase();
    if (!ok) {
      warn(
        `image-origins: "${String(name)}" is not an http(s) origin; it is ignored. Write the origin alone, image-origins="https://images.maison.example", for example.`,
      );
    }
    return ok;
  });
  return [...new Set(origins.map((name) => originOf(name)!))];
}

type Normalisers = {
  [K in keyof ConfigInput]-?: (value: NonNullable<ConfigInput[K]>) => VitrineConfig[K];
};

const normalise: Normalisers = {
  api: (value) => url('api', value)?.replace(/\/+$/, ''),
  issuer: (value) => url('issuer', value)?.replace(/\/+$/, ''),
  clientId: text,
  redirectUri: (value) => url('redirect-uri', value),
  providers: parseProviders,
  providerParam: (value) => {
    const name = text(value);
    if (name && !/^[\w.-]{1,64}$/.test(name)) {
      warn(
        `provider-param="${name}" is not a plain query parameter name; none is sent. Write provider-param="kc_idp_hint", for example.`,
      );
      return undefined;
    }
    return name;
  },
  locale: (value) => {
    const locale = matchLocale(value);
    // A tag no catalog fits yet is remembered: `registerLocale()` may add its catalog later.
    requested.locale = locale ? undefined : value;
    if (value && !locale) {
      warn(
        `locale="${value}" has no catalog; the page language is used, or en. Write locale="fr", for example.`,
      );
    }
    return locale;
  },
  currency: (value) => {
    const code = String(value).trim().toUpperCase();
    if (isCurrency(code)) return code;
    warn(
      `currency="${String(value)}" is not an ISO 4217 code; ${DEFAULTS.currency} is used. Write currency="EUR", for example.`,
    );
    return DEFAULTS.currency;
  },
  theme: (value) => oneOf('theme', value, THEMES, DEFAULTS.theme),
  storage: (value) => oneOf('storage', value, STORAGE_KINDS, DEFAULTS.storage),
  imageOrigins: parseOrigins,
  bag: (value) =>
    typeof value === 'boolean'
      ? value
      : !['false', 'no', 'off', '0'].includes(value.trim().toLowerCase()),
};

/**
 * Sets page-wide options; every widget on the page follows at once. Unknown keys and bad
 * values produce a console warning and keep a safe default. `undefined` restores a default.
 */
export function configure(input: ConfigInput): void {
  const next: Partial<Record<keyof VitrineConfig, unknown>> = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    if (!Object.hasOwn(normalise, key)) {
      warn(
        `configure(): unknown option "${key}" ignored; the others apply. Known: ${Object.keys(normalise).join(', ')}.`,
      );
      continue;
    }
    const name = key as keyof ConfigInput;
    if (name === 'locale') requested.locale = undefined;
    next[name] =
      value === undefined || value === null
        ? DEFAULTS[name]
        : (normalise[name] as (v: unknown) => unknown)(value);
  }
  for (const [key, value] of Object.entries(next)) {
    const name = key as keyof VitrineConfig;
    if (JSON.stringify($config.get()[name]) !== JSON.stringify(value)) {
      $config.setKey(name, value as never);
    }
  }
}

/** Restores every option to its default (useful between tests and on SPA teardown). */
export function resetConfig(): void {
  requested.locale = undefined;
  $config.set({ ...DEFAULTS });
}
