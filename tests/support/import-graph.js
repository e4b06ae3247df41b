// The static imports between the modules of a source folder, read from the files (relative
// specifiers only), and the cycles among them.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** `import … from '…'`, `export … from '…'` and `import '…'`, at the start of a line. */
const IMPORT = /(?:^|\n)\s*(?:import|export)\b(?:[^'"`;]*?\bfrom)?\s*['"]([^'"]+)['"]/g;

/** Every `.ts` file under `root`, as paths relative to the project. */
function sources(root) {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * `Map<file, Set<file>>`: what each `.ts` file under `root` imports (type imports too), as
 * project-relative paths of the `.ts` files (`./live.js` is `server/live.ts`).
 */
export function importGraph(root) {
  const graph = new Map();
  for (const file of sources(root)) {
    const imports = new Set();
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!specifier.startsWith('.')) continue;
      imports.add(normalize(join(dirname(file), specifier)).replace(/\.js$/, '.ts'));
    }
    graph.set(relative('.', file), imports);
  }
  return graph;
}

/** The import cycles in `graph`, each as the files around it (`a → b → a`). */
export function importCycles(graph) {
  const cycles = [];
  const state = new Map();
  const visit = (file, path) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const imported of graph.get(file) ?? []) visit(imported, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}
