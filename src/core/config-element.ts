import { configure, type ConfigInput } from './config.js';
import { warn } from './warn.js';
import { checkAttributes } from './attributes.js';

/** Each attribute of `<vitrine-config>` and the option it sets. */
export const CONFIG_ATTRIBUTES: Record<string, keyof ConfigInput> = {
  api: 'api',
  issuer: 'issuer',
  'client-id': 'clientId',
  'redirect-uri': 'redirectUri',
  providers: 'providers',
  'provider-param': 'providerParam',
  locale: 'locale',
  currency: 'currency',
  theme: 'theme',
  storage: 'storage',
  'image-origins': 'imageOrigins',
  bag: 'bag',
};

let active: VitrineConfigElement | undefined;

// In Node (a React server render) there is no HTMLElement: the class still loads, as Lit's
// elements do, and is never constructed there.
const ElementBase = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * @tag vitrine-config
 * @summary Page-wide settings for every Vitrine widget, as HTML attributes (the same as
 * `configure()` in JavaScript). One per page; changing an attribute updates every widget.
 *
 * @attr api - Base URL of the back end; absent, everything works locally and nothing is sent. Allowed: an http(s) URL. Default: none.
 * @attr issuer - OpenID Connect issuer URL; sign-in needs it. Allowed: an https URL. Default: none.
 * @attr client-id - OpenID Connect client id; sign-in needs it. Allowed: the id your identity provider gave. Default: none.
 * @attr redirect-uri - OpenID Connect redirect URI (exact). Allowed: an http(s) URL. Default: this page.
 * @attr providers - Sign-in providers, separated by spaces. Allowed: google facebook apple x pinterest wechat line. Default: google facebook apple.
 * @attr provider-param - Query parameter naming the upstream provider for the identity provider. Allowed: a parameter name (kc_idp_hint, connection, identity_provider). Default: none.
 * @attr locale - The language widgets speak (any BCP 47 tag is matched to the closest). Allowed: en, fr, zh-Hans, zh-Hant, ja, ko, ar, and any locale added with `registerLocale()`. Default: `<html lang>`, else en.
 * @attr currency - Currency for prices without their own. Allowed: an ISO 4217 code. Default: EUR.
 * @attr theme - Light or dark widgets; each paints its own surface under its text, so it reads on any page; auto follows the shopper's system. Allowed: light, dark, auto. Default: light.
 * @attr storage - Where the wishlist is kept on the device. Allowed: local, session, memory. Default: local.
 * @attr bag - The page has a bag: the wishlist, the shared wishlist and the hotspot cards offer "Add to bag", and each tap fires `vitrine-add-to-bag` for the brand's cart code. Allowed: present (on) or absent; "false" is off. Default: off.
 * @attr image-origins - Origins, besides the page's, that shared wishlists and feeds may show product pictures from (the brand's CDN); links stay on the page's origin. Allowed: http(s) origins, separated by spaces. Default: none.
 */
export class VitrineConfigElement extends ElementBase {
  static get observedAttributes(): string[] {
    return Object.keys(CONFIG_ATTRIBUTES);
  }

  connectedCallback(): void {
    this.hidden = true;
    if (active && active !== this && active.isConnected) {
      warn(
        'more than one <vitrine-config> on the page; the last one connected wins.',
        'config-twice',
      );
    }
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the page-wide "current config" slot
    active = this;
    const input: ConfigInput = {};
    for (const attribute of this.getAttributeNames()) {
      const key = Object.hasOwn(CONFIG_ATTRIBUTES, attribute)
        ? CONFIG_ATTRIBUTES[attribute]
        : undefined;
      if (key) (input as Record<string, string>)[key] = this.getAttribute(attribute) ?? '';
    }
    checkAttributes('vitrine-config', this.getAttributeNames(), Object.keys(CONFIG_ATTRIBUTES));
    configure(input);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const key = Object.hasOwn(CONFIG_ATTRIBUTES, name) ? CONFIG_ATTRIBUTES[name] : undefined;
    if (!this.isConnected || !key || active !== this) return;
    configure({ [key]: value === null ? undefined : value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-config': VitrineConfigElement;
  }
}
