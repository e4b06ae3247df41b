/**
 * In-app browsers (Instagram, Facebook, LinkedIn, WeChat) where identity providers such as
 * Google refuse to sign anyone in. Told apart by the user agent, the only signal they give.
 */
export type InAppBrowser = 'instagram' | 'facebook' | 'linkedin' | 'wechat';

const IN_APP: ReadonlyArray<readonly [RegExp, InAppBrowser]> = [
  [/\bInstagram\b/i, 'instagram'],
  [/\bFBAN\/|\bFBAV\/|\bFB_IAB\b|\bFBIOS\b/, 'facebook'],
  [/\bLinkedInApp\b/i, 'linkedin'],
  [/\bMicroMessenger\//i, 'wechat'],
];

/** Which in-app browser the page runs in (its name is `login.app.<id>`), or `undefined`. */
export function inAppBrowser(
  userAgent: string = globalThis.navigator?.userAgent ?? '',
): InAppBrowser | undefined {
  return IN_APP.find(([pattern]) => pattern.test(userAgent))?.[1];
}
