/**
 * `dist/cdn/vitrine.js`, the one tag a brand adds: registers every Vitrine element, but
 * fetches an element's code (files beside this one, resolved from its own URL) only when
 * its tag is on the page or is added later. As a module it exports the stores, actions and
 * events of `vitrine`; element classes are there once defined (`customElements.get`).
 */
import { scheduleRegistrations } from '../core/define.js';
import { isServerBox } from '../core/server-box.js';
import { warn } from '../core/warn.js';
import { followAccount } from '../stores/account.js';
import { requestLogin, restoreSession, setLoginPrompt } from '../stores/session.js';
import { isLoginCallback } from '../stores/sign-in/markers.js';

export * from '../stores/index.js';
export * from '../core/events.js';
export { safeUrl } from '../core/safe-url.js';
export { defineElement, VERSION } from '../core/define.js';

/** Each tag and the module that registers it (a tag's module may register its children). */
const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'vitrine-config': () => import('./tags/config.js'),
  'vitrine-wishlist-button': () => import('./tags/wishlist-button.js'),
  'vitrine-wishlist-count': () => import('./tags/wishlist-count.js'),
  'vitrine-wishlist': () => import('./tags/wishlist.js'),
  'vitrine-share': () => import('./tags/share.js'),
  'vitrine-shared-wishlist': () => import('./tags/shared-wishlist.js'),
  'vitrine-login': () => import('./tags/login.js'),
  'vitrine-vote': () => import('./tags/vote.js'),
  'vitrine-leaderboard': () => import('./tags/leaderboard.js'),
  'vitrine-stories': () => import('./tags/stories.js'),
  'vitrine-story': () => import('./tags/stories.js'),
  'vitrine-hotspot': () => import('./tags/hotspot.js'),
  'vitrine-add-to-bag': () => import('./tags/add-to-bag.js'),
  'vitrine-story-tray': () => import('./tags/story-tray.js'),
};

const loading = new Map<string, Promise<void>>();
/** The tag modules' registrations, one task each, in the order their code arrived. */
let registered: Promise<unknown> = Promise.resolve();
/** The tags' fetches, started one task after another. */
let turns: Promise<unknown> = Promise.resolve();

/** A new task: `scheduler.yield()` where there is one (its continuation runs first). */
function nextTask(): Promise<unknown> {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(undefined);
    };
    channel.port2.postMessage(undefined);
  });
}
let observer: MutationObserver | undefined;
/** Set once an element drawn by `vitrine/ssr` is seen: the support to adopt its shadow root. */
let hydration: Promise<unknown> | undefined;

/**
 * Loads what adopts server-drawn shadow roots, then `<vitrine-config>` if the page has one, so
 * that every element's first render is the server's (same options, same markup). Only pages
 * drawn by `vitrine/ssr` fetch it.
 */
function hydrate(): Promise<unknown> {
  hydration ??= import('../hydrate.js')
    .then(() => (document.querySelector('vitrine-config') ? load('vitrine-config') : undefined))
    .catch((error: unknown) => warn(`could not load hydration: ${String(error)}`, 'load:hydrate'));
  return hydration;
}

/** Fetches and registers `tag`'s code, once; never rejects (a failure is warned about). */
function load(tag: string): Promise<void> {
  let done = loading.get(tag);
  if (!done) {
    const ready = hydration && tag !== 'vitrine-config' ? hydration : undefined;
    // Each fetch starts in a task of its own: a page's dozen `import()` calls in one task
    // made a long one (4 ms each on a phone). The fetches still run side by side.
    const turn = (turns = turns.then(nextTask));
    done = Promise.all([ready, turn])
      .then(() => ELEMENTS[tag]!())
      .then(() => registered)
      .then(
        () => undefined,
        (error: unknown) => warn(`could not load <${tag}>: ${String(error)}`, `load:${tag}`),
      );
    loading.set(tag, done);
    if (loading.size === Object.keys(ELEMENTS).length) observer?.disconnect();
  }
  return done;
}

const waiting = (): string[] => Object.keys(ELEMENTS).filter((tag) => !loading.has(tag));

/** Loads every tag in `root` (and `root` itself) that is not loaded yet. */
function discover(root: Element | Document): void {
  const tags = waiting();
  if (tags.length === 0) return;
  const found = root.querySelectorAll(tags.join(','));
  const all = root instanceof Element && tags.includes(root.localName) ? [root, ...found] : found;
  // A box the server drew is drawn anew: only elements it drew in full are adopted.
  if ([...all].some(({ shadowRoot }) => shadowRoot && !isServerBox(shadowRoot))) void hydrate();
  for (const element of all) void load(element.localName);
}

function start(): void {
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return;
  scheduleRegistrations((registrations) => {
    registered = registered
      .then(nextTask)
      .then(registrations)
      .catch((error: unknown) => warn(`could not register: ${String(error)}`, 'load:register'));
  });
  // Asked for sign-in on a page without <vitrine-login>: the flow loads on that first ask.
  setLoginPrompt(async (request) => {
    await load('vitrine-login');
    if (!customElements.get('vitrine-login')) throw new Error('Vitrine: sign-in could not load.');
    return requestLogin(request);
  });
  restoreSession();
  followAccount();
  if (isLoginCallback()) void load('vitrine-login');
  discover(document);
  if (waiting().length === 0) return;
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

start();
