/**
 * The browser bundles: every module the page scripts (`src/scripts/`) reach in `src/lib` says
 * at its top that it is bundled for the browser, and none of them imports a Node module. A
 * module that says so and is no longer reached is flagged too, so the marks stay true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const SCRIPTS = 'src/scripts';
const LIB = 'src/lib';
const BROWSER_MARK = '// Bundled for the browser: imports nothing from node:*.';

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"?]+)['"]/gm;
const ANY_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(dir, file));
}

/** Every module reachable from the page scripts through relative imports, type imports left out. */
function browserModules(): Set<string> {
  const reached = new Set<string>();
  const queue = tsFiles(SCRIPTS);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      // `import type` is erased: it brings no code into the bundle.
      const statementStart = text.lastIndexOf('\n', match.index) + 1;
      if (/^import\s+type\b|^export\s+type\b/.test(text.slice(statementStart))) continue;
      queue.push(relative(process.cwd(), resolve(dirname(file), match[1]!)));
    }
  }
  return reached;
}

const reached = browserModules();
const libModules = [...reached].filter((file) => file.startsWith(`${LIB}/`)).sort();

test('the page scripts reach the lib modules they are known to bundle', () => {
  expect(libModules).toEqual(expect.arrayContaining(['src/lib/titles/slugs.ts', 'src/lib/search/search-query.ts', 'src/lib/graph/graph-data.ts']));
});

test.each(libModules)('%s says at its top that it is bundled for the browser', (file) => {
  expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(BROWSER_MARK);
});

test.each([...reached].sort())('%s imports nothing from Node', (file) => {
  const imports = [...readFileSync(file, 'utf8').matchAll(ANY_IMPORT)].map((match) => match[1]!);
  expect(imports.filter((specifier) => specifier.startsWith('node:') || /^(fs|path|os|crypto|url|worker_threads|child_process)(\/|$)/.test(specifier))).toEqual([]);
});

test('no lib module carries the browser mark without being bundled', () => {
  const marked = tsFiles(LIB).filter((file) => readFileSync(file, 'utf8').startsWith(BROWSER_MARK));
  expect(marked.filter((file) => !reached.has(file))).toEqual([]);
});
