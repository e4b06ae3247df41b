const said = new Set<string>();

/**
 * Prints a `[vitrine]` console warning. With a `once` key the warning is printed a single
 * time per page, so a loop over bad data cannot flood the console.
 */
export function warn(message: string, once?: string): void {
  if (once !== undefined) {
    if (said.has(once)) return;
    said.add(once);
  }
  console.warn(`[vitrine] ${message}`);
}
