// How the server's modules depend on each other: no cycle (each can be read, and tested, on
// top of the ones it imports), and nothing of the browser library but the shared contract.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importCycles, importGraph } from '../support/import-graph.js';

describe('server modules', () => {
  const graph = importGraph('server');

  it('import each other without a cycle', () => {
    assert.ok(graph.size > 10, 'the server’s modules were read');
    assert.deepEqual(importCycles(graph), []);
  });

  it('import nothing from src/ but the contract', () => {
    for (const [file, imports] of graph) {
      for (const imported of imports) {
        assert.ok(
          imported.startsWith('server/') || imported === 'src/contract/index.ts',
          `${file} imports ${imported}`,
        );
      }
    }
  });
});
