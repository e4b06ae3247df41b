import { expect } from '@open-wc/testing';
import { cleanStores } from 'nanostores';
import type { Messages } from '../../src/core/i18n/index.js';
import { campaignStore } from '../../src/stores/campaigns.js';
import { resetConfig } from '../../src/core/config.js';
import { clearWishlist } from '../../src/stores/wishlist.js';

/** The campaigns the tests vote in (tests/support/backend.js) or show without a back end. */
const CAMPAIGNS = ['icons', 'archive', 'next-icon', 'maison'];

/**
 * A fresh page state for each test: default config, empty wishlist, empty storage, and the
 * campaigns the last test showed stopped now (a store lingers a second after its last widget).
 */
export function resetVitrine(): void {
  cleanStores(...CAMPAIGNS.map(campaignStore));
  resetConfig();
  clearWishlist();
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', location.pathname + location.search);
}

/**
 * Captures `[vitrine]` console warnings while `run` executes, and, with `awaited`, until a
 * warning that includes it arrives (a warning whose words load when first needed).
 */
export async function captureWarnings(run: () => unknown, awaited?: string): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await run();
    if (awaited !== undefined) {
      await until(() => warnings.some((warning) => warning.includes(awaited)), awaited);
    }
  } finally {
    console.warn = original;
  }
  return warnings;
}

/** Waits until `check` holds (a real event from another page arrives when it arrives). */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 3000,
): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Opens a second page of the same origin running its own copy of Vitrine, as another tab
 * or a reload would: it shares storage with this page, and nothing else.
 */
export async function openSecondPage(): Promise<{ window: Window; close: () => void }> {
  const frame = document.createElement('iframe');
  frame.src = '/tests/fixtures/second-page.html';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window & { vitrineReady: Promise<unknown> };
  await until(() => win.vitrineReady !== undefined, 'the second page to load Vitrine');
  await win.vitrineReady;
  return { window: win, close: () => frame.remove() };
}

/** The shadow-DOM button of a second page's wishlist button. */
export function secondPageButton(win: Window): HTMLButtonElement {
  const host = win.document.querySelector('vitrine-wishlist-button')!;
  return host.shadowRoot!.querySelector('button')!;
}

/** Waits for the element's running transitions to end: what axe reads is what a shopper sees. */
export async function transitionsDone(el: Element): Promise<void> {
  const ending = (el.shadowRoot?.getAnimations() ?? []).filter(
    (animation) => animation.effect?.getComputedTiming().endTime !== Infinity,
  );
  await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]).sort();

/**
 * Every English message of `parts` (a family's, sharing one set of translations) has a
 * translation in each locale, with the same placeholders, and nothing more.
 */
export async function expectCompleteTranslations(...parts: Messages[]): Promise<void> {
  const en: Record<string, string> = Object.assign({}, ...parts.map((part) => part.en));
  const english = Object.keys(en).sort();
  for (const [locale, load] of Object.entries(parts[0]!.translations)) {
    const catalog = await load();
    expect(Object.keys(catalog).sort(), locale).to.deep.equal(english);
    for (const key of english) {
      expect(placeholders(catalog[key]!), `${locale} ${key}`).to.deep.equal(placeholders(en[key]!));
    }
  }
}

/**
 * Every EventSource the page opens from now until `restore()`: to see a live stream open and
 * close, and to hear what it delivers.
 */
export function trackEventSources(): { opened: EventSource[]; restore: () => void } {
  const opened: EventSource[] = [];
  const Original = window.EventSource;
  window.EventSource = class extends Original {
    constructor(...args: ConstructorParameters<typeof EventSource>) {
      super(...args);
      opened.push(this);
    }
  };
  return {
    opened,
    restore: () => {
      window.EventSource = Original;
    },
  };
}
