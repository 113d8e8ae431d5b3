/**
 * Every package the code imports is declared in package.json, and every declared package is
 * imported or run by something: an undeclared import works only while another package
 * happens to bring it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const SOURCE_DIRS = ['src', 'bench', 'tests'];
const ROOT_FILES = ['astro.config.mjs', 'vitest.config.ts'];
/** Packages that only declare types: imported by one name, declared by another. */
const TYPES_PACKAGES: Record<string, string> = { mdast: '@types/mdast', hast: '@types/hast' };
/** Declared and used, but not through an import: why each is there. */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  node: 'brings the Node 24 the build runs on (see README, "Node version")',
  typescript: 'astro check',
  '@astrojs/check': 'astro check',
  '@types/node': 'types of node:* modules',
  katex: "its stylesheet and fonts are served from the site's own files (src/lib/markdown/math/katex-assets.ts); rehype-katex renders with it",
  mermaid: "its browser build is served from the site's own files and imported only by pages with a diagram (src/lib/markdown/obsidian/mermaid-assets.ts, src/scripts/mermaid-diagrams.ts)",
};

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const declared = new Set([...Object.keys(packageJson.dependencies), ...Object.keys(packageJson.devDependencies)]);

function sourceFiles(): string[] {
  const files = ROOT_FILES.slice();
  for (const dir of SOURCE_DIRS) {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (/\.(ts|mjs|astro)$/.test(file) && !file.startsWith('fixtures/')) files.push(join(dir, file));
    }
  }
  return files;
}

/** The package a bare specifier names: `@scope/name` or `name`, less any subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function importedPackages(): Map<string, string> {
  const importedBy = new Map<string, string>();
  const specifiers = /(?:^|[\s;])(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  for (const file of sourceFiles()) {
    for (const match of readFileSync(file, 'utf8').matchAll(specifiers)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (/^[./]/.test(specifier) || specifier.startsWith('node:') || specifier.startsWith('astro:')) continue;
      if (builtinModules.includes(specifier)) continue;
      const name = packageOf(specifier);
      if (!importedBy.has(name)) importedBy.set(name, file);
    }
  }
  return importedBy;
}

test('every imported package is declared in package.json', () => {
  const undeclared = [...importedPackages()]
    .filter(([name]) => !declared.has(TYPES_PACKAGES[name] ?? name))
    .map(([name, file]) => `${name} (imported by ${file})`);
  expect(undeclared).toEqual([]);
});

test('every declared package is imported or has a stated use', () => {
  const imported = new Set([...importedPackages().keys()].map((name) => TYPES_PACKAGES[name] ?? name));
  const unused = [...declared].filter((name) => !imported.has(name) && !(name in USED_WITHOUT_IMPORT));
  expect(unused).toEqual([]);
});

test('the scan finds the imports it is meant to check', () => {
  const imported = importedPackages();
  // One of each form: a static import, a type-only import, and a dynamic import.
  expect(imported.get('remark-gfm')).toBe('src/lib/markdown/note-renderer.ts');
  expect(imported.has('mdast')).toBe(true);
  expect(imported.has('@astrojs/sitemap')).toBe(true);
});
