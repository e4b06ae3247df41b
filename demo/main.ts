/**
 * The house site's own script, shared by every page: load Vitrine the way a brand would,
 * then wire what belongs to the site (language, theme, the wishlist drawer, the bag). The widgets
 * follow `<vitrine-config>`; everything else on the page follows the same choices.
 */
import 'vitrine';
import { wireBag } from './bag.js';
import { LANGS, isMessageKey, messages, priceFormat, type Lang } from './messages.js';

const THEMES = ['auto', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const LANG_KEY = 'maison:lang';
const THEME_KEY = 'maison:theme';

const root = document.documentElement;
const config = document.querySelector('vitrine-config');

function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

function isTheme(value: unknown): value is Theme {
  return (THEMES as readonly unknown[]).includes(value);
}

/** Storage can be full, blocked or absent (private modes): the site then simply forgets. */
function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* not remembered, still applied */
  }
}

function recall(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** `?lang=fr` (a link shared in a language), else the last choice, else the browser's. */
function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLang(asked)) return asked;
  const stored = recall(LANG_KEY);
  if (isLang(stored)) return stored;
  for (const tag of navigator.languages) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'fr') return 'fr';
    if (language === 'en') return 'en';
    if (language === 'zh') return /-(hant|tw|hk|mo)\b/i.test(tag) ? 'zh-Hant' : 'zh-Hans';
    if (language === 'ja' || language === 'ko' || language === 'ar') return language;
  }
  return 'en';
}

function initialTheme(): Theme {
  const asked = new URLSearchParams(location.search).get('theme');
  if (isTheme(asked)) return asked;
  const stored = recall(THEME_KEY);
  return isTheme(stored) ? stored : 'auto';
}

/** Keeps a `?lang=` or `?theme=` already in the address in step with the switch. */
function updateAddress(name: string, value: string): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(name)) return;
  url.searchParams.set(name, value);
  history.replaceState(history.state, '', url);
}

/**
 * Translates the page: `data-i18n="key"` sets the text, `data-i18n-attr="alt=key name=key"`
 * sets attributes (a wishlist button's `name` too, so the saved list speaks the language).
 */
function applyLang(lang: Lang): void {
  const dictionary = messages[lang];
  root.lang = lang;
  // Arabic reads right to left: the whole page mirrors, the widgets with it.
  root.dir = lang === 'ar' ? 'rtl' : 'ltr';
  config?.setAttribute('locale', lang);
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n ?? '';
    if (isMessageKey(key)) element.textContent = dictionary[key];
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (element.dataset.i18nAttr ?? '').split(/\s+/).filter(Boolean)) {
      const [attribute, key] = pair.split('=');
      if (attribute && key && isMessageKey(key)) element.setAttribute(attribute, dictionary[key]);
    }
  }
  for (const price of document.querySelectorAll<HTMLDataElement>('data.price')) {
    const amount = Number(price.value);
    const currency = price.dataset.currency ?? 'EUR';
    if (Number.isFinite(amount)) price.textContent = priceFormat(lang, currency).format(amount);
  }
  drawBag(lang);
}

function applyTheme(theme: Theme): void {
  root.dataset.theme = theme;
  config?.setAttribute('theme', theme);
}

function wireSwitch<T extends string>(
  id: string,
  initial: T,
  accept: (value: unknown) => value is T,
  apply: (value: T) => void,
  storageKey: string,
  param: string,
): void {
  const select = document.getElementById(id);
  apply(initial);
  if (!(select instanceof HTMLSelectElement)) return;
  select.value = initial;
  select.addEventListener('change', () => {
    if (!accept(select.value)) return;
    apply(select.value);
    remember(storageKey, select.value);
    updateAddress(param, select.value);
  });
}

/**
 * The wishlist drawer: a native modal `<dialog>` (focus trap, Escape and focus return come
 * with it). A click on the backdrop or on a link inside closes it too.
 */
function wireWishlistDialog(): void {
  const dialog = document.getElementById('wishlist-dialog');
  const opener = document.getElementById('wishlist-open');
  if (!(dialog instanceof HTMLDialogElement) || !opener) return;
  opener.addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('click', (event) => {
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
    if (event.target === dialog || link?.href.startsWith(location.origin)) dialog.close();
  });

  // An open share menu inside the drawer takes Escape for itself (it stops the key before
  // it bubbles back here): then only the menu closes, not the whole drawer.
  let escapeTakenInside = false;
  dialog.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') escapeTakenInside = true;
    },
    { capture: true },
  );
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') escapeTakenInside = false;
  });
  dialog.addEventListener('cancel', (event) => {
    if (escapeTakenInside) event.preventDefault();
    escapeTakenInside = false;
  });
}

/** Share links open on the page made to receive them, wherever the site is served. */
function pointSharesAtLandingPage(): void {
  const landing = new URL('shared.html', location.href).href;
  for (const wishlist of document.querySelectorAll('vitrine-wishlist')) {
    wishlist.setAttribute('share-url', landing);
  }
}

const drawBag = wireBag(config?.getAttribute('currency') ?? 'EUR');
wireSwitch('lang-select', initialLang(), isLang, applyLang, LANG_KEY, 'lang');
wireSwitch('theme-select', initialTheme(), isTheme, applyTheme, THEME_KEY, 'theme');
wireWishlistDialog();
pointSharesAtLandingPage();
