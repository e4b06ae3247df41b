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
    if (existing !== VERSION) {
      const owner = existing ? `Vitrine ${existing}` : 'another script';
      warn(`<${tag}> is already defined by ${owner}; this copy (Vitrine ${VERSION}) is ignored.`);
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
