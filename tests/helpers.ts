import { cleanStores } from 'nanostores';
import { resetConfig } from '../src/stores/config.js';
import { clearWishlist } from '../src/stores/wishlist.js';

/** A fresh page state for each test: default config, empty wishlist, empty storage. */
export function resetVitrine(): void {
  resetConfig();
  clearWishlist();
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', location.pathname + location.search);
}

/** Captures `[vitrine]` console warnings while `run` executes. */
export async function captureWarnings(run: () => unknown): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

export { cleanStores };
