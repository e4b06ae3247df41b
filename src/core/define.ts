import { warn } from './warn.js';

/** The library version, written into every registration so that clashes can be told apart. */
export const VERSION = '0.1.0';

const versions = ((globalThis as { __vitrineVersions?: Map<string, string> }).__vitrineVersions ??=
  new Map<string, string>());

/**
 * Registers a custom element unless the tag is already taken. A host page that loads two
 * copies of Vitrine (say the CDN file and a bundled one) keeps the first copy's elements
 * and gets a warning if the versions differ, instead of a `NotSupportedError`.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  if (customElements.get(tag)) {
    const existing = versions.get(tag);
    if (existing !== undefined && existing !== VERSION) {
      warn(
        `<${tag}> is already defined by Vitrine ${existing}; this copy (${VERSION}) is ignored.`,
        `define:${tag}`,
      );
    } else if (existing === undefined) {
      warn(
        `<${tag}> is already defined by another script; Vitrine's version is ignored.`,
        `define:${tag}`,
      );
    }
    return;
  }
  try {
    customElements.define(tag, ctor);
    versions.set(tag, VERSION);
  } catch (error) {
    warn(`could not define <${tag}>: ${String(error)}`, `define:${tag}`);
  }
}
