import { warn } from './warn.js';

/** The library version, written into every registration so that clashes can be told apart. */
export const VERSION = '0.1.0';

/**
 * Another element an element shows: its class, or a function that loads it on first use
 * (code the page should not pay for until a shopper needs it).
 */
export type Dependency = CustomElementConstructor | (() => Promise<CustomElementConstructor>);

/** An element class that names the elements it shows (Shoelace's `static dependencies`). */
export interface ElementClass extends CustomElementConstructor {
  dependencies?: Readonly<Record<string, Dependency>>;
}

const versions = ((globalThis as { __vitrineVersions?: Map<string, string> }).__vitrineVersions ??=
  new Map<string, string>());

// A class has a prototype; a function that loads one (an arrow function) has none. (Not
// `instanceof HTMLElement`: in Node, a React server render, there is no HTMLElement.)
const isClass = (dependency: Dependency): dependency is CustomElementConstructor =>
  dependency.prototype !== undefined;

/**
 * Registers a custom element unless the tag is already taken, and the elements it depends
 * on first (those loaded on first use wait for `defineDependency`). A host page that loads
 * two copies of Vitrine (say the CDN file and a bundled one) keeps the first copy's elements
 * and gets a warning if the versions differ, instead of a `NotSupportedError`.
 */
export function defineElement(tag: string, ctor: ElementClass): void {
  if (typeof customElements === 'undefined') return;
  for (const [name, dependency] of Object.entries(ctor.dependencies ?? {})) {
    if (isClass(dependency)) defineElement(name, dependency);
  }
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

/**
 * Registers `tag`, one of `ctor`'s declared dependencies, loading it first when it is loaded
 * on first use. Never rejects: a dependency that cannot load is warned about once.
 */
export async function defineDependency(ctor: ElementClass, tag: string): Promise<void> {
  const dependency = ctor.dependencies?.[tag];
  if (!dependency || typeof customElements === 'undefined' || customElements.get(tag)) return;
  try {
    defineElement(tag, isClass(dependency) ? dependency : await dependency());
  } catch (error) {
    warn(`could not load <${tag}>: ${String(error)}`, `load:${tag}`);
  }
}

let scheduled: (registrations: () => void) => void = (registrations) => registrations();

/**
 * Runs a tag module's registrations (`src/cdn/tags`): at once, or as the CDN loader schedules
 * them (see `scheduleRegistrations`).
 * @internal
 */
export function register(registrations: () => void): void {
  scheduled(registrations);
}

/**
 * How the tag modules' registrations run from now on. The CDN loader gives each its own
 * task: a family's code is evaluated in one, its elements upgraded and first rendered in the
 * next, so that neither keeps a shopper's tap waiting behind the other (a long task).
 * @internal
 */
export function scheduleRegistrations(schedule: (registrations: () => void) => void): void {
  scheduled = schedule;
}
