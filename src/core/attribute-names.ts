/**
 * What a misspelt attribute most likely meant, and the advice that says so: loaded only by a
 * page that has one (see `checkAttributes`), and by `<vitrine-share>` for its share choices.
 */

/** Optimal string alignment distance: Levenshtein, with a swap of two neighbours as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known attribute a misspelt one most likely means, or nothing when none is close.
 * `product_id` → `product-id`, `durration` → `duration`; on `<vitrine-share>`,
 * `share-target` → `targets` (the element's own name as a prefix is read past).
 */
export function nearestAttribute(
  tag: string,
  name: string,
  known: readonly string[],
): string | undefined {
  const family = tag.replace(/^vitrine-/, '').split('-');
  const spellings = new Set([name, name.replace(/_/g, '-')]);
  for (const word of family) {
    for (const spelling of [...spellings]) {
      if (spelling.startsWith(`${word}-`)) spellings.add(spelling.slice(word.length + 1));
    }
  }
  let nearest: string | undefined;
  let distance = Infinity;
  for (const candidate of known) {
    for (const spelling of spellings) {
      const d = editDistance(spelling, candidate);
      // Close means a slip of the keyboard: a third of the word at most, and never more than 3.
      const allowed = Math.min(3, Math.max(1, Math.floor(candidate.length / 3)));
      if (d <= allowed && d < distance) {
        nearest = candidate;
        distance = d;
      }
    }
  }
  return nearest;
}

/**
 * What to tell the marketer about attribute `name`, which the element does not know: the
 * known one it most likely means, or the list of those it knows.
 */
export function unknownAttributeAdvice(
  tag: string,
  name: string,
  known: readonly string[],
): string {
  const nearest = nearestAttribute(tag, name, known);
  return nearest
    ? `Did you mean ${nearest}?`
    : `Known attributes: ${[...known].sort().join(', ')}.`;
}
