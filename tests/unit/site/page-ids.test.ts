import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PAGE_IDS } from '../../../src/lib/site/page-ids.ts';

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
