/** ASCII control characters: never part of a URL, an id or a name we show. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The one gate every URL from outside passes through before it reaches the DOM or the
 * network: attributes, feeds, share links and server replies.
 *
 * Returns an absolute `http:` or `https:` URL, resolving a relative one against `base`
 * (the page by default), or `undefined` for anything else: `javascript:`, `data:`,
 * `vbscript:`, URLs hidden behind control characters or mixed case, unparsable input.
 */
export function safeUrl(input: unknown, base: string = pageBase()): string | undefined {
  if (typeof input !== 'string') return undefined;
  // Browsers strip ASCII tab/newline anywhere and C0 controls/space at the ends before
  // parsing, which is how "java\tscript:" tricks work. Refuse any control character outright.
  if (CONTROL.test(input)) return undefined;
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href;
}

function pageBase(): string {
  return typeof location === 'undefined' ? 'https://invalid.invalid/' : location.href;
}
