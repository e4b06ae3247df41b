/** Share targets in the order `<vitrine-share>` shows them by default. */
export const SHARE_TARGETS = [
  'native',
  'copy',
  'pinterest',
  'facebook',
  'x',
  'whatsapp',
  'email',
  'wechat',
] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

/** Targets that open a page of their own, built from these parts. */
export type LinkTarget = 'pinterest' | 'facebook' | 'x' | 'whatsapp' | 'email';

export interface SharePayload {
  /** Absolute http(s) URL, already checked by `safeUrl`. */
  url: string;
  text: string;
  /** Absolute http(s) image URL for Pinterest, already checked by `safeUrl`. */
  image?: string | undefined;
}

function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, value);
  }
  return url.href;
}

/** The address that shares `payload` on `target`, every part encoded. */
export function shareTargetUrl(target: LinkTarget, { url, text, image }: SharePayload): string {
  switch (target) {
    case 'pinterest':
      return withQuery('https://www.pinterest.com/pin/create/button/', {
        url,
        media: image,
        description: text,
      });
    case 'facebook':
      return withQuery('https://www.facebook.com/sharer/sharer.php', { u: url });
    case 'x':
      return withQuery('https://x.com/intent/post', { text, url });
    case 'whatsapp':
      return withQuery('https://wa.me/', { text: `${text} ${url}`.trim() });
    case 'email':
      // mailto: takes percent-encoding, not form encoding ("+" would stay a plus sign).
      return `mailto:?subject=${encodeURIComponent(text)}&body=${encodeURIComponent(`${text}\n${url}`)}`;
  }
}
