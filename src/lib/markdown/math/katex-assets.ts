/**
 * KaTeX's stylesheet and fonts, served from the site's own files (`pages/katex/[...file].ts`)
 * and linked only from pages that hold math (`rehype-math.ts`, `hasMath`). Only the WOFF2
 * fonts are published, and the stylesheet names only them: every browser the site supports
 * reads WOFF2, and the others would add 40 files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the stylesheet is published, under the site's base path. */
export const KATEX_STYLESHEET = 'katex/katex.min.css';

export function katexDist(): string {
  return join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
}

/** The stylesheet with each `@font-face` reduced to its WOFF2 source. */
export function woff2OnlyStylesheet(css: string): string {
  return css.replace(/(url\(fonts\/[^)]+\.woff2\) format\("woff2"\))(?:,url\([^)]+\) format\("(?:woff|truetype)"\))+/g, '$1');
}

/** Every published file: its path under `katex/` and its bytes. */
export function katexAssets(dist = katexDist()): { path: string; body: Buffer | string; type: string }[] {
  const css = woff2OnlyStylesheet(readFileSync(join(dist, 'katex.min.css'), 'utf8'));
  const fonts = readdirSync(join(dist, 'fonts'))
    .filter((name) => name.endsWith('.woff2'))
    .sort()
    .map((name) => ({ path: `fonts/${name}`, body: readFileSync(join(dist, 'fonts', name)), type: 'font/woff2' }));
  return [{ path: 'katex.min.css', body: css, type: 'text/css' }, ...fonts];
}
