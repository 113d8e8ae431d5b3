import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { NoteIds, PAGE_IDS } from '../../../src/lib/site/page-ids.ts';

const TEMPLATE_DIRS = ['src/layouts', 'src/components', 'src/pages'];

test('PAGE_IDS lists every id the templates write', () => {
  const ids = new Set<string>();
  for (const dir of TEMPLATE_DIRS) {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.astro'))) {
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/\bid="([^"{}]+)"/g)) ids.add(match[1]!);
    }
  }
  expect(ids.size).toBeGreaterThan(10);
  expect([...ids].filter((id) => !PAGE_IDS.has(id))).toEqual([]);
});

test('NoteIds hands out each id once, numbered as github-slugger numbers headings, and none of the page\'s', () => {
  const ids = new NoteIds();
  expect(['dup', 'dup', 'dup-1', 'dup', 'main', 'main', 'x'].map((id) => ids.claim(id))).toEqual(['dup', 'dup-1', 'dup-1-1', 'dup-2', 'main-1', 'main-2', 'x']);
});
