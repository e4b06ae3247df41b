/** Summaries of repeated runs: the median, and the spread as the lowest and highest run. */

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `{ median, min, max, runs }` of the values (rounded to `digits` decimals). */
export function summarize(values, digits = 2) {
  const round = (value) => Number(value.toFixed(digits));
  return {
    median: round(median(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    runs: values.length,
  };
}

/** "12.3 (11.8–13.0)" for a summary; the unit, if any, after the median. */
export function spread(summary, unit = '', digits = 1) {
  const fixed = (value) => value.toFixed(digits);
  return `${fixed(summary.median)}${unit} (${fixed(summary.min)}–${fixed(summary.max)})`;
}
