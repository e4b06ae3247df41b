import { LitElement, isServer, type CSSResultGroup, type PropertyValues } from 'lit';
import {
  formatPrice,
  hasCatalog,
  isRightToLeft,
  loadCatalog,
  translate,
  type Locale,
  type MessageKey,
} from './i18n/index.js';
import { shownValue } from './device.js';
import type { Dependency } from './define.js';
import { tokens } from './tokens.styles.js';
import { warn } from './warn.js';
import { checkAttributes } from './attributes.js';
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

  /** Whether the shadow content was given a direction of its own (see `markLanguage`). */
  private directed = false;

  /**
   * Whether this render draws what a server draws (see `vitrine/ssr`): on the server, and in
   * the browser for the first render of a widget whose shadow root came with the page, which
   * adopts that markup as it is. What the shopper's device knows (`onDevice` stores) follows
   * in the next update, an ordinary one.
   * @internal
   */
  readonly serverDrawn: boolean = isServer || this.shadowRoot !== null;

  protected get config(): VitrineConfig {
    return shownValue(this, $config);
  }

  protected get locale(): Locale {
    return shownValue(this, $locale);
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

  override connectedCallback(): void {
    super.connectedCallback();
    const known = (this.constructor as typeof LitElement).observedAttributes;
    checkAttributes(this.localName, this.getAttributeNames(), known);
    if (isServer) return;
    onPage(this);
    // Put back on the page: a configuration or language that changed meanwhile shows now.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    offPage(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (isServer) return;
    // The default theme is the tokens' own: no attribute to write on every widget of a page.
    const { theme } = this.config;
    mark(this, 'data-theme', theme === 'light' ? '' : theme);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.markLanguage();
    if (this.serverDrawn) {
      (this as { serverDrawn: boolean }).serverDrawn = false;
      this.requestUpdate();
    }
  }

  /**
   * Marks the widget's own text with its language when the page speaks another (WCAG 3.1.2),
   * so a screen reader reads French in a French voice on an English page. Only the shadow
   * content is marked: the brand's own slotted text keeps the page's language. So is its
   * direction: Arabic widgets on a left-to-right page read right to left.
   */
  private markLanguage(): void {
    const lang = differsFromPage(this.locale) ? this.locale : '';
    // Left-to-right widgets follow the page's direction, as they always have.
    const dir = isRightToLeft(this.locale) && !this.matches(':dir(rtl)') ? 'rtl' : '';
    for (const child of this.renderRoot.children) {
      if (child instanceof HTMLElement && child.localName !== 'slot') {
        mark(child, 'lang', lang);
        mark(child, 'dir', dir);
      }
    }
    // The brand's slotted content keeps the page's direction (it inherits through the slot).
    if (dir || this.directed) {
      this.directed = dir !== '';
      for (const slot of this.renderRoot.querySelectorAll('slot')) {
        mark(slot, 'dir', dir && 'ltr');
      }
    }
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

/**
 * The widgets on the page, and the one listener of the configuration and of the locale that
 * wakes them all: joining and leaving costs a set's add and delete, not two subscriptions per
 * widget (a grid of a thousand hearts is built and torn down in one go).
 */
const onThePage = new Set<VitrineElement>();
let stopFollowing: (() => void) | undefined;

function onPage(element: VitrineElement): void {
  onThePage.add(element);
  if (stopFollowing) return;
  const wake = () => onThePage.forEach((each) => each.requestUpdate());
  const stops = [$config.listen(wake), $locale.listen(wake)];
  stopFollowing = () => stops.forEach((stop) => stop());
}

function offPage(element: VitrineElement): void {
  onThePage.delete(element);
  if (onThePage.size > 0 || !stopFollowing) return;
  stopFollowing();
  stopFollowing = undefined;
}

/** Sets an attribute, or removes it for an empty value; nothing when it already says so. */
function mark(node: HTMLElement, name: string, value: string): void {
  if (node.getAttribute(name) === (value || null)) return;
  if (value) node.setAttribute(name, value);
  else node.removeAttribute(name);
}

/** Tags already read: `Intl.Locale#maximize` ran twice per widget on every update. */
const languages = new Map<string, string>();

/** The language and script a tag stands for (`fr-FR` and `fr` are one language); '' if none. */
function languageOf(tag: string): string {
  let language = languages.get(tag);
  if (language === undefined) {
    try {
      const locale = new Intl.Locale(tag).maximize();
      language = `${locale.language}-${locale.script ?? ''}`;
    } catch {
      language = '';
    }
    // A page names a handful of languages; one that keeps changing its own is not kept.
    if (languages.size > 63) languages.clear();
    languages.set(tag, language);
  }
  return language;
}

/** Whether the widgets' locale is not the language the page says it is in. */
function differsFromPage(locale: string): boolean {
  const page = document.documentElement.lang.trim();
  // One tag is one language: no need to ask Intl (the page's first use of it costs).
  if (page.toLowerCase() === locale.toLowerCase()) return false;
  return page === '' || languageOf(page) !== languageOf(locale);
}
