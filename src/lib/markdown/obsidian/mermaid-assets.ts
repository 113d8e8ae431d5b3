/**
 * Mermaid's browser build (its minified ES module and the chunks it loads per kind of
 * diagram), served from the site's own files (`pages/mermaid/[...file].ts`) so the
 * Content-Security-Policy's `script-src 'self'` covers it. Only a page with a diagram imports
 * it (`scripts/mermaid-diagrams.ts`), and then only the chunks its diagrams need. Source maps
 * are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The module a page imports, under the site's base path. */
export const MERMAID_MODULE = 'mermaid/mermaid.esm.min.mjs';

const CHUNKS = 'chunks/mermaid.esm.min';

export function mermaidDist(): string {
  return join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');
}

export function mermaidAssets(dist = mermaidDist()): { path: string; body: string }[] {
  const chunks = readdirSync(join(dist, CHUNKS))
    .filter((name) => name.endsWith('.mjs'))
    .sort()
    .map((name) => ({ path: `${CHUNKS}/${name}`, body: readFileSync(join(dist, CHUNKS, name), 'utf8') }));
  return [{ path: 'mermaid.esm.min.mjs', body: readFileSync(join(dist, 'mermaid.esm.min.mjs'), 'utf8') }, ...chunks];
}
