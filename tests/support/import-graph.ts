/**
 * The import graph of a source folder, read from the text of its TypeScript modules: every
 * relative `import`/`export … from`/`import()`, type-only imports included (a type a module
 * imports from a module that imports it back belongs in a module of its own).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT = /(?:^|[\s;])(?:import|export)\b[^'"`;]*?\bfrom\s*['"](\.{1,2}\/[^'"?]+)(?:\?[^'"]*)?['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"?]+)['"]\s*\)|^import\s+['"](\.{1,2}\/[^'"?]+)['"]/gm;

/** Each module (path relative to `root`) and the modules of the folder it imports. */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|mts)$/.test(file) && !file.endsWith('.d.ts'));
  for (const file of files) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const imports = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolve(dirname(path), match[1] ?? match[2] ?? match[3]!);
      if (existsSync(target) && /\.(ts|mts)$/.test(target)) imports.add(relative(root, target));
    }
    graph.set(relative(root, path), [...imports].sort());
  }
  return graph;
}

/** The import cycles: each strongly connected group of two modules or more (or one that imports itself), sorted. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || graph.get(node)?.includes(node)) cycles.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
