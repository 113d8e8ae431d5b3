/**
 * No module of `src/` imports a module that imports it back, however far round: a type two
 * modules share lives in a module of its own. Type-only imports count too. The loader and the
 * pages meet in one module.
 */
import { expect, test } from 'vitest';
import { importCycles, importGraph } from '../../support/import-graph.ts';

test('finds a cycle of any length, and a module that imports itself', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts', 'd.ts']],
    ['d.ts', []],
    ['e.ts', ['e.ts']],
  ]);
  expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
});

test('reads the imports of src/, type-only and multi-line ones included', () => {
  const graph = importGraph('src');
  expect(graph.get('lib/markdown/unrendered-note.ts')).toContain('lib/markdown/rendered-note.ts');
  expect(graph.get('loaders/notes-loader.ts')).toEqual(expect.arrayContaining(['loaders/read-notes.ts', 'loaders/loader-memory.ts', 'lib/settings/settings.ts']));
});

test('src/ has no import cycle', () => {
  expect(importCycles(importGraph('src')).map((cycle) => cycle.join(' <-> '))).toEqual([]);
});

test('loaders/ and data/ meet only in loader-handoff.ts: neither imports the other', () => {
  const crossings = [...importGraph('src')].flatMap(([module, imports]) =>
    imports
      .filter((target) => (module.startsWith('loaders/') && target.startsWith('data/')) || (module.startsWith('data/') && target.startsWith('loaders/')))
      .map((target) => `${module} -> ${target}`),
  );
  expect(crossings).toEqual([]);
});
