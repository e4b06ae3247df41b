import { configure, type ConfigInput } from './config.js';
import { warn } from './warn.js';
import { checkAttributes } from './attributes.js';

const ATTRIBUTES: Record<string, keyof ConfigInput> = {
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
};

let active: VitrineConfigElement | undefined;

/**
 * @tag vitrine-config
 * @summary Page-wide settings for every Vitrine widget, as HTML attributes (the same as
 * `configure()` in JavaScript). One per page; changing an attribute updates every widget.
 *
 * @attr api - Base URL of the back end. Absent: everything works locally, nothing is sent.
 * @attr issuer - OpenID Connect issuer URL.
 * @attr client-id - OpenID Connect client id.
 * @attr redirect-uri - OpenID Connect redirect URI (exact).
 * @attr providers - Space-separated sign-in providers: google facebook apple x pinterest wechat line.
 * @attr provider-param - Query parameter naming the upstream provider (kc_idp_hint, connection…).
 * @attr locale - fr, en or zh-Hans (any BCP 47 tag is matched). Default: `<html lang>`, else en.
 * @attr currency - ISO 4217 currency for prices without their own. Default EUR.
 * @attr theme - light (default), dark or auto (follows the shopper's system).
 * @attr storage - Where the wishlist is kept: local (default), session or memory.
 */
export class VitrineConfigElement extends HTMLElement {
  static get observedAttributes(): string[] {
    return Object.keys(ATTRIBUTES);
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
      const key = Object.hasOwn(ATTRIBUTES, attribute) ? ATTRIBUTES[attribute] : undefined;
      if (key) (input as Record<string, string>)[key] = this.getAttribute(attribute) ?? '';
    }
    checkAttributes('vitrine-config', this.getAttributeNames(), Object.keys(ATTRIBUTES));
    configure(input);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const key = Object.hasOwn(ATTRIBUTES, name) ? ATTRIBUTES[name] : undefined;
    if (!this.isConnected || !key || active !== this) return;
    configure({ [key]: value === null ? undefined : value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-config': VitrineConfigElement;
  }
}
