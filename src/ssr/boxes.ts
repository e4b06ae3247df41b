/**
 * The stories family on the server: boxes. A carousel, its slides, their hotspots and a tray
 * are made of the brand's markup inside them and of what only the browser reads (feeds, the
 * slides a fan has seen, the products a hotspot shows), so the server draws what gives them
 * their place on the page: each element's own styles and the frame its content sits in. The
 * first slide shows through its carousel, a tray shows its groups' covers. The browser then
 * draws each of them anew in the same root (`src/core/server-box.ts`): nothing moves.
 */
import type { CSSResult, LitElement } from 'lit';
import type { DefaultTreeAdapterMap } from 'parse5';
import { SERVER_BOX } from '../core/server-box.js';
import { translate, type Locale } from '../core/i18n/index.js';
import { safeUrl } from '../core/safe-url.js';
import { warn } from '../core/warn.js';

type Element = DefaultTreeAdapterMap['element'];

/** Drawn as boxes by the server, then in full by the browser. */
export const BOXED: readonly string[] = [
  'vitrine-stories',
  'vitrine-story',
  'vitrine-hotspot',
  'vitrine-story-tray',
];

const TRAY = 'vitrine-story-tray';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text or an attribute value, as markup that says it and nothing more. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The element's attribute `name`, as the browser reads it (the first of a repeated name). */
const attribute = (element: Element, name: string) =>
  element.attrs.find((attr) => !attr.prefix && attr.name === name)?.value;

const within = (element: Element, tag: string): boolean => {
  for (let node = element.parentNode; node && 'tagName' in node; node = node.parentNode) {
    if (node.tagName === tag) return true;
  }
  return false;
};

/** Every rule of the element's styles, as its shadow root adopts them in the browser. */
function stylesOf(tag: string): string {
  const ctor = customElements.get(tag) as unknown as typeof LitElement;
  // Done when the browser defines the element; the server's registry does not.
  (ctor as unknown as { finalize(): void }).finalize();
  return ctor.elementStyles.map((style) => (style as CSSResult).cssText).join('\n');
}

/** A tray's covers: one per group, ringed as new (the slides seen are on the fan's device). */
function trayCovers(tray: Element, locale: Locale): string {
  const groups = tray.childNodes.filter(
    (child): child is Element => 'tagName' in child && child.tagName === 'vitrine-stories',
  );
  const covers = groups.map((group) => {
    const label = attribute(group, 'label') || translate(locale, 'stories.label');
    const given = attribute(group, 'cover');
    // Kept as written (relative stays relative) once the browser's rule has let it through.
    const cover = given !== undefined && safeUrl(given) ? given : undefined;
    const picture = cover
      ? `<img part="image" src="${escape(cover)}" alt="" decoding="async">`
      : `<span part="image" aria-hidden="true">${escape(label.slice(0, 1))}</span>`;
    const name = escape(translate(locale, 'tray.fresh', { label }));
    return `<li><button part="cover cover-unseen" type="button" aria-label="${name}" aria-haspopup="dialog"><span part="ring">${picture}</span><span part="name" aria-hidden="true">${escape(label)}</span></button></li>`;
  });
  const list = escape(attribute(tray, 'label') || translate(locale, 'stories.label'));
  return `<ul part="list" aria-label="${list}">${covers.join('')}</ul>`;
}

/**
 * The box of a stories-family element, as a declarative shadow root, or `undefined` when it
 * shows nothing before it is opened (a group waiting in a tray).
 */
export function drawBox(element: Element, locale: Locale): string | undefined {
  try {
    return box(element, locale);
  } catch (error) {
    // Drawn in the browser alone, as the page was written.
    warn(`<${element.tagName}> could not be drawn on the server: ${String(error)}`);
    return undefined;
  }
}

function box(element: Element, locale: Locale): string | undefined {
  const tag = element.tagName;
  let frame: string;
  let rules = '';
  switch (tag) {
    case 'vitrine-stories':
      if (within(element, TRAY)) return undefined;
      frame = '<section part="base"><div part="viewport"><slot></slot></div></section>';
      // The first slide shows; the others wait beside it, as the browser places them.
      rules = '::slotted(vitrine-story:not(:first-of-type)){visibility:hidden}';
      break;
    case 'vitrine-story':
      frame = '<div part="content"><slot></slot></div>';
      break;
    case TRAY:
      frame = trayCovers(element, locale);
      break;
    default:
      // A hotspot takes no room: its marker is drawn once the browser knows its product.
      frame = '';
  }
  // The root the browser draws in is this one: it is opened as the element's own would be.
  const ctor = customElements.get(tag) as unknown as typeof LitElement;
  const { mode = 'open', delegatesFocus, slotAssignment } = ctor.shadowRootOptions;
  const options = [
    `shadowrootmode="${mode}"`,
    delegatesFocus ? 'shadowrootdelegatesfocus' : '',
    slotAssignment === 'manual' ? 'shadowrootslotassignment="manual"' : '',
  ].filter(Boolean);
  return `<template ${options.join(' ')}><style ${SERVER_BOX}>${stylesOf(tag)}${rules}</style>${frame}</template>`;
}
