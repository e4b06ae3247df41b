/**
 * `vitrine/ssr` (Node): draws each Vitrine element of a page into a declarative shadow root,
 * so that the widgets paint, at their size and with their labels, before any script runs. The
 * browser build then adopts that markup in place (`vitrine/hydrate`, automatic with the CDN
 * file): no element is created again and nothing moves.
 *
 * What only the shopper's device knows (the stored wishlist, the session, live counts) is not
 * on the server: those widgets are drawn empty, signed out or counting, and fill in once the
 * browser has hydrated them.
 */
// Before the elements load: HTMLElement, customElements and the like, as much as Lit needs.
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { LitElementRenderer } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import type { RenderInfo } from '@lit-labs/ssr/lib/render-value.js';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { CONFIG_ATTRIBUTES } from '../core/config-element.js';
import { configure, resetConfig, type ConfigInput } from '../core/config.js';
import { loadCatalog } from '../core/i18n/index.js';
import { $locale, setPageLang } from '../core/locale.js';
import { warn } from '../core/warn.js';
import '../index.js';
import { BOXED, drawBox } from './boxes.js';

// A server has no document to read the language from: each page's own says it.
setPageLang(undefined);

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';

export interface RenderVitrineOptions {
  /**
   * The page's language, for a fragment without its `<html lang>`. Default: the page's
   * `<html lang>`, else English (as in the browser).
   */
  lang?: string;
}

/** An element's attributes, by name (the first of a repeated name wins, as in the browser). */
function attributesOf(element: Element): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const { name, value, prefix } of element.attrs) {
    if (!prefix && !attributes.has(name)) attributes.set(name, value);
  }
  return attributes;
}

const childrenOf = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);

/** The Vitrine elements of a parsed page to draw, in document order, and what else it says. */
function survey(root: Node) {
  const widgets: Element[] = [];
  const boxes = new Set<Element>();
  let lang: string | undefined;
  let config: Element | undefined;
  const visit = (node: Node): void => {
    if (!('tagName' in node)) {
      for (const child of childrenOf(node)) visit(child);
      return;
    }
    // Foreign content (SVG, MathML) holds no custom elements; a template's content is inert.
    if (node.namespaceURI !== HTML_NS || node.tagName === 'template') return;
    if (node.tagName === 'html') lang = attributesOf(node).get('lang');
    if (node.tagName === 'vitrine-config') config ??= node;
    const ctor = customElements.get(node.tagName);
    if (
      node.tagName.startsWith('vitrine-') &&
      ctor &&
      LitElementRenderer.matchesClass(ctor as typeof HTMLElement) &&
      !hasShadowRoot(node) &&
      node.sourceCodeLocation?.startTag
    ) {
      widgets.push(node);
      if (BOXED.includes(node.tagName)) boxes.add(node);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return { widgets, boxes, lang, config };
}

/** Whether the element already holds a declarative shadow root (drawn before, or by hand). */
function hasShadowRoot(element: Element): boolean {
  return element.childNodes.some(
    (child) =>
      'tagName' in child &&
      child.tagName === 'template' &&
      child.attrs.some(({ name }) => name === 'shadowrootmode' || name === 'shadowroot'),
  );
}

/** One element's shadow DOM as a declarative shadow root, or `undefined` if it cannot draw. */
function drawShadow(element: Element): string | undefined {
  const renderInfo: RenderInfo = {
    elementRenderers: [LitElementRenderer],
    customElementInstanceStack: [],
    customElementHostStack: [],
    eventTargetStack: [],
    slotStack: [],
    deferHydration: false,
  };
  try {
    const renderer = new LitElementRenderer(element.tagName);
    for (const [name, value] of attributesOf(element)) renderer.setAttribute(name, value);
    renderer.connectedCallback();
    renderInfo.customElementInstanceStack.push(renderer);
    renderInfo.customElementHostStack.push(renderer);
    const shadow = renderer.renderShadow(renderInfo);
    if (shadow === undefined) return undefined;
    const { mode = 'open', delegatesFocus } = renderer.shadowRootOptions;
    const focus = delegatesFocus ? ' shadowrootdelegatesfocus' : '';
    return `<template shadowrootmode="${mode}"${focus}>${collectResultSync(shadow)}</template>`;
  } catch (error) {
    warn(`<${element.tagName}> could not be drawn on the server: ${String(error)}`);
    return undefined;
  }
}

/** The page's `<vitrine-config>`, as options (as the element applies them in the browser). */
function configOf(element: Element | undefined): ConfigInput {
  const input: Record<string, string> = {};
  for (const [name, value] of element ? attributesOf(element) : []) {
    const key = Object.hasOwn(CONFIG_ATTRIBUTES, name) ? CONFIG_ATTRIBUTES[name] : undefined;
    if (key) input[key] = value;
  }
  return input as ConfigInput;
}

/**
 * Returns `html` with each Vitrine element's shadow DOM inside it, as a declarative shadow
 * root (`<template shadowrootmode="open">`), right after the element's start tag. Every other
 * byte of the page is left as it was, markup Vitrine does not know included; an element that
 * already holds a shadow root, or cannot be drawn (a warning says why), is left as it is too.
 * The page's `<vitrine-config>` and `<html lang>` apply, as in the browser.
 */
export async function renderVitrine(
  html: string,
  options: RenderVitrineOptions = {},
): Promise<string> {
  const page = String(html);
  const { widgets, boxes, lang, config } = survey(parse(page, { sourceCodeLocationInfo: true }));
  if (widgets.length === 0) return page;
  // Drawn synchronously from here on, so that two pages rendered at once never mix options.
  setPageLang(options.lang ?? lang);
  configure(configOf(config));
  const locale = $locale.get();
  resetConfig();
  setPageLang(undefined);
  await loadCatalog(locale);

  setPageLang(options.lang ?? lang);
  configure(configOf(config));
  const parts: string[] = [];
  let done = 0;
  try {
    for (const element of widgets) {
      const at = element.sourceCodeLocation!.startTag!.endOffset;
      const shadow = boxes.has(element) ? drawBox(element, locale) : drawShadow(element);
      if (shadow === undefined) continue;
      parts.push(page.slice(done, at), shadow);
      done = at;
    }
  } finally {
    resetConfig();
    setPageLang(undefined);
  }
  parts.push(page.slice(done));
  return parts.join('');
}
