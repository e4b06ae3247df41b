import { atom, computed, onMount } from 'nanostores';
import { matchLocale, type Locale } from './i18n/index.js';
import { $config } from './config.js';

function documentLang(): string | undefined {
  return typeof document === 'undefined' ? undefined : document.documentElement.lang;
}

const $documentLang = atom<string | undefined>(documentLang());

// Follow <html lang> while anything listens: sites that switch language without a reload
// change that attribute, and every widget should switch with them.
onMount($documentLang, () => {
  if (typeof MutationObserver === 'undefined') return;
  $documentLang.set(documentLang());
  const observer = new MutationObserver(() => $documentLang.set(documentLang()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
});

/** The locale widgets render in: `configure({locale})`, else `<html lang>`, else `en`. */
export const $locale = computed(
  [$config, $documentLang],
  (config, lang): Locale => config.locale ?? matchLocale(lang) ?? 'en',
);
