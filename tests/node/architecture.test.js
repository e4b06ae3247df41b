// The layers of ARCHITECTURE.md, checked on the import graph of src/ and server/:
//   contract ← core ← stores ← families (wishlist, login, votes, stories) ← src/index.ts, src/cdn,
//   and the framework entries src/react, src/vue, src/svelte
// and server/ on contract alone. Nothing points back up, no import forms a cycle (type-only
// and dynamic imports count), and a family imports another family's element only in its
// `static dependencies`, the one declared place.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const FAMILIES = ['wishlist', 'login', 'votes', 'stories'];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** `import … from`, `export … from`, `import '…'` and `import('…')`, relative ones only. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const found = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')].find(
    (path) => existsSync(path) && statSync(path).isFile(),
  );
  assert.ok(found, `${relative(root, from)} imports ${specifier}, which does not exist`);
  return found;
}

/** The text of `static dependencies = { … }` in a module, or ''. */
function dependenciesBlock(text) {
  const start = text.search(/static\s+(?:override\s+)?dependencies\b/);
  if (start < 0) return '';
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return '';
}

const files = [...sources(join(root, 'src')), ...sources(join(root, 'server'))];
const graph = new Map();
const edges = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const block = dependenciesBlock(text);
  const targets = [];
  for (const match of text.matchAll(IMPORT)) {
    const target = resolveImport(file, match[2]);
    targets.push(target);
    // A static import is declared when a name it brings is used in the block; a dynamic one
    // when it is written inside it.
    const names = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*$/.exec(
      text.slice(
        Math.max(0, match.index - 400),
        match.index + match[0].length - match[2].length - 2,
      ),
    )?.[1];
    const declared =
      block.includes(match[0]) ||
      (names !== undefined &&
        names.split(',').some((name) => {
          const local = name
            .trim()
            .split(/\s+as\s+/)
            .pop();
          return local && new RegExp(`\\b${local}\\b`).test(block);
        }));
    edges.push({ from: file, to: target, declared });
  }
  graph.set(file, targets);
}

function layer(file) {
  const path = relative(root, file);
  if (path.startsWith('server/')) return { name: 'server' };
  const [, top] = path.split('/');
  if (
    ['src/index.ts', 'src/hydrate.ts'].includes(path) ||
    ['cdn', 'ssr', 'react', 'vue', 'svelte'].includes(top)
  ) {
    return { name: 'entry', rank: 4 };
  }
  if (top === 'contract') return { name: 'contract', rank: 0 };
  if (top === 'core') return { name: 'core', rank: 1 };
  if (top === 'stores') return { name: 'stores', rank: 2 };
  if (FAMILIES.includes(top)) return { name: top, rank: 3, family: top };
  throw new Error(`${path} is in no layer of ARCHITECTURE.md`);
}

describe('the architecture', () => {
  it('has no import cycle in src/ or server/', () => {
    const state = new Map();
    const stack = [];
    const cycles = [];
    const visit = (file) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') {
          cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)));
        } else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    assert.deepEqual(
      cycles.map((cycle) => cycle.join(' → ')),
      [],
    );
  });

  it('points only down: contract ← core ← stores ← families ← src/index.ts and src/cdn', () => {
    const wrong = [];
    for (const { from, to, declared } of edges) {
      const a = layer(from);
      const b = layer(to);
      const say = () => wrong.push(`${relative(root, from)} → ${relative(root, to)}`);
      if (a.name === 'server') {
        if (b.name !== 'server' && b.name !== 'contract') say();
      } else if (b.name === 'server' || b.rank > a.rank) say();
      else if (a.family && b.family && a.family !== b.family && !declared) say();
    }
    assert.deepEqual(wrong, []);
  });

  it('lets a family show another family’s element only through `static dependencies`', () => {
    const crossing = edges
      .filter(({ from, to }) => {
        const a = layer(from).family;
        const b = layer(to).family;
        return a && b && a !== b;
      })
      .map(({ from, to }) => `${relative(root, from)} → ${relative(root, to)}`);
    // The list is short on purpose: a new entry is a new coupling between families.
    assert.deepEqual([...new Set(crossing)].sort(), [
      'src/stories/hotspot.ts → src/votes/vote.ts',
      'src/stories/hotspot.ts → src/wishlist/card-actions.ts',
    ]);
  });
});
