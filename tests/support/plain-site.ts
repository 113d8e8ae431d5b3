/**
 * A built-site folder of plain pages for the search index step: each page a searchable
 * article of its own words, so that the index step can run without an Astro build.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORDS = ['knowledge', 'design', 'translation', 'wiki', 'link', 'note', 'search', 'graph', 'title', 'page', '知識', '設計'];

/** The path of page `i` inside the site. */
export const plainPagePath = (i: number): string => join('notes', `page_${i}`, 'index.html');

/** The HTML of page `i`, with `extra` words at the end of its article. */
export function plainPage(i: number, extra = ''): string {
  const words = Array.from({ length: 40 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(' ');
  return `<!doctype html><html lang="en"><head><title>Page ${i}</title></head><body><article data-pagefind-body><h1>Page ${i}</h1><p>${words} number${i}${extra}</p></article></body></html>`;
}

/** A new folder with `pages` plain pages. */
export function writePlainSite(pages: number, prefix = 'plain-site-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (let i = 0; i < pages; i++) writePlainPage(root, i);
  return root;
}

export function writePlainPage(root: string, i: number, extra = ''): void {
  mkdirSync(join(root, 'notes', `page_${i}`), { recursive: true });
  writeFileSync(join(root, plainPagePath(i)), plainPage(i, extra));
}
