import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import {
  formatPrice,
  hasCatalog,
  loadCatalog,
  translate,
  type Locale,
  type MessageKey,
} from './i18n/index.js';
import { StoreController } from './store-controller.js';
import type { Dependency } from './define.js';
import { tokens } from './tokens.styles.js';
import { warn } from './warn.js';
import { $config, type VitrineConfig } from './config.js';
import { $locale } from './locale.js';

/**
 * What every Vitrine element shares: the tokens, the page configuration and locale (every
 * widget re-renders when `<vitrine-config>` or `<html lang>` changes) and a guard that keeps
 * a rendering bug inside the widget instead of throwing into the host page.
 */
export class VitrineElement extends LitElement {
  static override styles: CSSResultGroup = [tokens];

  /** The other elements this one shows, registered with it (see `defineElement`). */
  static dependencies: Readonly<Record<string, Dependency>> = {};

  private readonly configController = new StoreController(this, $config);
  private readonly localeController = new StoreController(this, $locale);

  protected get config(): VitrineConfig {
    return this.configController.value;
  }

  protected get locale(): Locale {
    return this.localeController.value;
  }

  /** A localized message. */
  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.locale, key, params);
  }

  /** A localized price; without a valid amount, nothing. */
  protected priceText(amount: number | undefined, currency?: string): string {
    if (amount === undefined) return '';
    return formatPrice(this.locale, amount, currency ?? this.config.currency);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.dataset.theme !== this.config.theme) this.dataset.theme = this.config.theme;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // Wait for the locale's messages rather than flash English at a French shopper.
    if (!hasCatalog(this.locale)) return loadCatalog(this.locale).then(() => this.guardedUpdate());
    this.guardedUpdate();
  }

  private guardedUpdate(): void {
    try {
      super.scheduleUpdate();
    } catch (error) {
      warn(`<${this.localName}> could not render: ${String(error)}`);
    }
  }
}
