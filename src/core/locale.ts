import { isServer } from 'lit';
import { atom, computed, onMount } from 'nanostores';
import { matchLocale, type Locale } from './i18n/index.js';
import { $config } from './config.js';

/** On a server, the `<html lang>` of the page being drawn (see `setPageLang`). */
let serverLang: string | undefined;

function documentLang(): string | undefined {
  if (isServer) return serverLang;
  return typeof document === 'undefined' ? undefined : document.documentElement.lang;
}

const $documentLang = atom<string | undefined>(documentLang());

// Follow <html lang> while anything listens: sites that switch language without a reload
// change that attribute, and every widget should switch with them.
onMount($documentLang, () => {
  if (isServer || typeof MutationObserver === 'undefined') return;
  $documentLang.set(documentLang());
  const observer = new MutationObserver(() => $documentLang.set(documentLang()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
});

/**
 * Stands for `<html lang>` where there is no document (a server rendering a page reads it from
 * that page's markup); `undefined` again when done.
 */
export function setPageLang(lang: string | undefined): void {
  serverLang = lang;
  $documentLang.set(lang);
}

/** The locale widgets render in: `configure({locale})`, else `<html lang>`, else `en`. */
export const $locale = computed(
  [$config, $documentLang],
  (config, lang): Locale => config.locale ?? matchLocale(lang) ?? 'en',
);
