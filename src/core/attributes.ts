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
