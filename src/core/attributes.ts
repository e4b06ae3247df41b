import { readLocalizedText, type LocalizedText } from '../contract/index.js';
import { warn } from './warn.js';

/** What a warning about an attribute says, besides the attribute and its value. */
export interface AttributeAdvice {
  /** What the value should be: "a whole number from 1 to 6". */
  expected: string;
  /** What the element does instead: "level 2 is used". */
  instead: string;
  /** A value that works, written as the marketer would write it: `heading-level="3"`. */
  example: string;
}

/**
 * Tells the marketer, once per element kind, attribute and value, in one voice: what was
 * wrong, what the element does instead, and what to write.
 */
export function warnAttribute(
  tag: string,
  name: string,
  value: string,
  { expected, instead, example }: AttributeAdvice,
): void {
  warn(
    `<${tag}> ${name}="${value}" is not ${expected}; ${instead}. Write ${example}, for example.`,
    `attribute:${tag}:${name}:${value}`,
  );
}

/**
 * A `heading-level` attribute: 1 to 6, to fit the page's outline; `fallback` when absent,
 * and, with a warning, when wrong.
 */
export function headingLevel(tag: string, value: string, fallback = 2): number {
  if (value === '') return fallback;
  const level = Number(value);
  if (Number.isInteger(level) && level >= 1 && level <= 6) return level;
  warnAttribute(tag, 'heading-level', value, {
    expected: 'a heading level from 1 to 6',
    instead: `level ${fallback} is used`,
    example: 'heading-level="3"',
  });
  return fallback;
}

/** Attributes every HTML element may carry, which no Vitrine element needs to declare. */
const GLOBAL_ATTRIBUTES = new Set([
  'id',
  'class',
  'style',
  'slot',
  'part',
  'exportparts',
  'hidden',
  'lang',
  'dir',
  'title',
  'tabindex',
  'role',
  'inert',
  'translate',
  'is',
  'autofocus',
  'accesskey',
  'draggable',
  'spellcheck',
  'nonce',
  'popover',
]);

/**
 * Tells the marketer, once per element kind and attribute, about each attribute the element
 * does not know (ARIA, `data-*` and the global HTML attributes are always fine), naming the
 * nearest known one. Every element calls it; the words for a misspelt attribute (and the
 * search for what it meant) load only when the page has one.
 */
export function checkAttributes(
  tag: string,
  names: Iterable<string>,
  known: readonly string[],
): void {
  const unknown = [...names].filter(
    (name) =>
      !known.includes(name) && !GLOBAL_ATTRIBUTES.has(name) && !/^(aria-|data-|on)/.test(name),
  );
  if (unknown.length === 0) return;
  const say = (advice: (name: string) => string) => {
    for (const name of unknown) {
      warn(
        `<${tag}> has no attribute "${name}"; it is ignored. ${advice(name)}`,
        `unknown-attribute:${tag}:${name}`,
      );
    }
  };
  import('./attribute-names.js').then(
    (names) => say((name) => names.unknownAttributeAdvice(tag, name, known)),
    () => say(() => `Known attributes: ${[...known].sort().join(', ')}.`),
  );
}

/** How marketers write "off" in a CMS field; HTML reads every one of them as on. */
const OFF = new Set(['false', 'no', 'off', '0']);
/** How marketers write "on" in a CMS field. */
const ON = new Set(['', 'true', 'yes', 'on', '1']);

/**
 * An attribute that is on unless the marketer says off (`available`): `"false"`, `"no"`,
 * `"off"` and `"0"` are off, absent or `"true"`, `"yes"`, `"on"`, `"1"` on; anything else is
 * on, after a warning.
 */
export function onUnlessOff(tag: string, name: string, value: string | null): boolean {
  if (value === null) return true;
  const word = value.trim().toLowerCase();
  if (OFF.has(word)) return false;
  if (!ON.has(word)) {
    warnAttribute(tag, name, value, {
      expected: 'true or false',
      instead: `${name} is read as true`,
      example: `${name}="false"`,
    });
  }
  return true;
}

/**
 * A converter for a boolean attribute that reads `"false"`, `"no"`, `"off"` and `"0"` as off,
 * as a marketer means them, and says how boolean attributes work. Present with any other
 * value (or none), the attribute is on; absent, off.
 */
export function booleanAttribute(tag: string, name: string) {
  return {
    fromAttribute(value: string | null): boolean {
      if (value === null) return false;
      const off = OFF.has(value.trim().toLowerCase());
      if (off) {
        warn(
          `<${tag}> ${name}="${value}" is read as off, but ${name} is a boolean attribute: present means on, whatever its value. Remove ${name} to turn it off; write ${name} alone to turn it on.`,
          `boolean:${tag}:${name}:${value}`,
        );
      }
      return !off;
    },
    toAttribute(value: boolean): string | null {
      return value ? '' : null;
    },
  };
}

/**
 * A text attribute that may give the text in several languages, as JSON:
 * `name='{"en": "Moon Bag", "fr": "Sac Lune"}'`. Plain text is itself; JSON that is not such
 * an object is shown as written, after a warning.
 */
export function textAttribute(tag: string, name: string, value: string): LocalizedText {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{')) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    parsed = undefined;
  }
  const text = typeof parsed === 'object' ? readLocalizedText(parsed) : undefined;
  if (text !== undefined) return text;
  warnAttribute(tag, name, value, {
    expected: 'plain text, or JSON of language tags to texts',
    instead: 'it is shown as written',
    example: `${name}='{"en": "Moon Bag", "fr": "Sac Lune"}'`,
  });
  return value;
}

/**
 * Reflects a text property without leaving an empty attribute behind: a heart with no variant
 * carries no `variant-id=""` (one attribute write less per widget, nothing for page CSS such
 * as `[variant-id]` to match).
 */
export const reflectedText = {
  toAttribute: (value: string | null | undefined): string | null => value || null,
};
