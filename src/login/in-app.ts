/**
 * In-app browsers (Instagram, Facebook, LinkedIn, WeChat) where identity providers such as
 * Google refuse to sign anyone in. Told apart by the user agent, the only signal they give.
 */
const IN_APP: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bInstagram\b/i, 'Instagram'],
  [/\bFBAN\/|\bFBAV\/|\bFB_IAB\b|\bFBIOS\b/, 'Facebook'],
  [/\bLinkedInApp\b/i, 'LinkedIn'],
  [/\bMicroMessenger\//i, 'WeChat'],
];

/** The in-app browser's name, or `undefined` in a real browser. */
export function inAppBrowser(
  userAgent: string = globalThis.navigator?.userAgent ?? '',
): string | undefined {
  return IN_APP.find(([pattern]) => pattern.test(userAgent))?.[1];
}
