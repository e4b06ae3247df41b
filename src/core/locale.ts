import { atom, computed, onMount } from 'nanostores';
import { matchLocale, type Locale } from './i18n/index.js';
import { $config } from './config.js';

/** On a server (`vitrine/ssr`), the page being drawn, whose `<html lang>` stands for the document's. */
let serverPage: { lang: string | undefined } | undefined;

function documentLang(): string | undefined {
  if (serverPage) return serverPage.lang;
  return typeof document === 'undefined' ? undefined : document.documentElement?.lang;
}

const $documentLang = atom<string | undefined>(documentLang());

// Follow <html lang> while anything listens: sites that switch language without a reload
// change that attribute, and every widget should switch with them.
onMount($documentLang, () => {
  if (serverPage || typeof MutationObserver === 'undefined') return;
  $documentLang.set(documentLang());
  const observer = new MutationObserver(() => $documentLang.set(documentLang()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
});

/**
 * On a server, which has no document: the `<html lang>` of the page being drawn, read from its
 * markup (`undefined` between pages). Once called, the document is never read.
 */
export function setPageLang(lang: string | undefined): void {
  serverPage = { lang };
  $documentLang.set(lang);
}

/** The locale widgets render in: `configure({locale})`, else `<html lang>`, else `en`. */
export const $locale = computed(
  [$config, $documentLang],
  (config, lang): Locale => config.locale ?? matchLocale(lang) ?? 'en',
);
