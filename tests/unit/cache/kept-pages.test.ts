import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fateOfEntry, foldersHolding, foldersToPrune, stalePages } from '../../../src/lib/cache/kept-pages.ts';

describe('foldersHolding', () => {
  test('gives every folder above each file, the output folder as ""', () => {
    expect([...foldersHolding(['notes/a/index.html', 'notes/b/c/index.html', 'index.html'])].sort()).toEqual(['', 'notes', 'notes/a', 'notes/b', 'notes/b/c']);
  });

  test('is empty for no files', () => {
    expect(foldersHolding([]).size).toBe(0);
  });
});

describe('fateOfEntry', () => {
  const kept = new Set(['notes/a/index.html']);
  const folders = foldersHolding(kept);
  test.each([
    ['a kept page file', 'notes/a/index.html', false, 'keep'],
    ['a folder holding one', 'notes', true, 'look inside'],
    ['a folder holding none (the bundles, the search index)', '_astro', true, 'set aside'],
    ['a file beside a kept page', 'notes/a/extra.txt', false, 'set aside'],
    ['a folder where a kept page file was', 'notes/a/index.html', true, 'set aside'],
    ['a file where a folder holding a kept page was', 'notes', false, 'set aside'],
  ] as const)('%s: %s', (_case, path, isFolder, fate) => {
    expect(fateOfEntry(path, isFolder, kept, folders)).toBe(fate);
  });
});

describe('stalePages and foldersToPrune', () => {
  test('removes the kept pages this build did not write, and then their folders, deepest first', () => {
    const stale = stalePages(['notes/old/index.html', 'notes/kept/index.html', 'media/gone.png', 'titles/3.json'], new Set(['notes/kept/index.html', 'titles/3.json']));
    expect(stale).toEqual(['media/gone.png', 'notes/old/index.html']);
    expect(foldersToPrune(stale)).toEqual(['notes/old', 'media', 'notes']);
  });

  // Folders have no dot and files have one, so no path is both a file and a folder.
  const file = fc
    .tuple(fc.constantFrom('', 'a/', 'b/', 'a/c/', 'notes/a/'), fc.constantFrom('index.html', 'x.html', '1.json', 'y.webp'))
    .map(([folder, name]) => folder + name);

  test('a rebuild over a kept folder leaves exactly the files of this build, and removes none of them (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(file), fc.uniqueArray(file), fc.uniqueArray(file), fc.uniqueArray(file), (oldPages, oldOther, newPages, newOther) => {
        const keptFiles = new Set(oldPages);
        const keptFolders = foldersHolding(keptFiles);
        // The start: walk the old folder from the top; an entry set aside takes all it holds.
        const remaining = [...new Set([...oldPages, ...oldOther])].filter((path) => {
          const parts = path.split('/');
          return parts.every((_, i) => fateOfEntry(parts.slice(0, i + 1).join('/'), i < parts.length - 1, keptFiles, keptFolders) !== 'set aside');
        });
        expect(remaining.sort()).toEqual([...keptFiles].sort());
        // The build writes its files, over kept ones at the same path; the end removes the stale.
        const written = new Set([...newPages, ...newOther]);
        const stale = stalePages(remaining, written);
        expect(stale.filter((path) => written.has(path))).toEqual([]);
        const result = new Set([...remaining.filter((path) => !stale.includes(path)), ...written]);
        expect([...result].sort()).toEqual([...written].sort());
      }),
    );
  });
});
