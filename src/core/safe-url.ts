import { httpUrl } from '../contract/index.js';

export { CONTROL } from '../contract/index.js';

/**
 * The one gate every URL from outside passes through before it reaches the DOM or the
 * network: attributes, feeds, share links and server replies. An absolute `http:` or
 * `https:` URL, a relative one resolved against `base` (the page by default), or
 * `undefined` for anything else (`javascript:`, `data:`, control characters…): the rule of
 * `httpUrl` in the contract the back end follows too.
 */
export function safeUrl(input: unknown, base: string = pageBase()): string | undefined {
  return httpUrl(input, base);
}

function pageBase(): string {
  return typeof location === 'undefined' ? 'https://invalid.invalid/' : location.href;
}
