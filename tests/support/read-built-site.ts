/** Reads the pages of a built site: what a reader would see of each. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';

export interface BuiltPage {
  /** The URL path, decoded, e.g. `/notes/start/expand/connect/`. */
  path: string;
  kind: 'note' | 'missing' | 'other';
  h1: string;
  backlinkTitles: string[];
  /** Decoded href of every `<a>`. */
  hrefs: string[];
  /** The links drawn as "mentioned only here" in the note's text (titles only this note links): id (or '') → text. */
  singleMentions: Map<string, string>;
  /** The size of the HTML file. */
  bytes: number;
  /** Each id that more than one element of the page has: a link or label to it reaches only the first. */
  duplicateIds: string[];
}

export function listOutputFiles(outDir: string): Set<string> {
  return new Set(
    readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(outDir.length)),
  );
}

export function readBuiltPages(outDir: string, files: Set<string>): BuiltPage[] {
  const pages: BuiltPage[] = [];
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(join(outDir, file), 'utf8');
    const root = parse(html);
    const pageKind = root.querySelector('meta[name="page-kind"]');
    pages.push({
      path: file.replace(/index\.html$/, ''),
      kind: (pageKind?.getAttribute('content') as 'note' | 'missing' | undefined) ?? 'other',
      h1: root.querySelector('h1')?.text ?? '',
      backlinkTitles: root.querySelectorAll('#backlinks .backlink-title').map((a) => a.text),
      hrefs: root.querySelectorAll('a[href]').map((a) => a.getAttribute('href') ?? ''),
      singleMentions: new Map(root.querySelectorAll('.note-body .wiki-link-single-mention').map((span) => [span.getAttribute('id') ?? '', span.text])),
      bytes: Buffer.byteLength(html),
      duplicateIds: duplicatesOf(root.querySelectorAll('[id]').map((element) => element.getAttribute('id') ?? '')),
    });
  }
  return pages;
}

/** Each page that has an id twice, as `path: id, id`: what a build test expects to be none. */
export function pagesWithDuplicateIds(pages: readonly BuiltPage[]): string[] {
  return pages.filter((page) => page.duplicateIds.length > 0).map((page) => `${page.path}: ${page.duplicateIds.join(', ')}`);
}

function duplicatesOf(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/**
 * The output file a site-internal href is served from, or undefined for outside links.
 * Decoded with `decodeURI`, as static servers such as sirv (`astro preview`) do: an href
 * that encodes `:` or `,` (`%3A`, `%2C`) would not find its file there.
 */
export function fileForHref(href: string, base = '/'): string | undefined {
  if (!href.startsWith(base) || href.startsWith('//')) return undefined;
  const path = decodeURI(href.split('#')[0]!.split('?')[0]!);
  return path.endsWith('/') ? `${path}index.html` : path;
}
