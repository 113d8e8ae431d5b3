/**
 * Every relative link in the README and the manual (`docs/*.md`, `bench/*.md`) leads to a file
 * of the project, and every `#anchor` to a heading of the page it names: moving a section from
 * one page to another must not leave a link behind.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { expect, test } from 'vitest';

function markdownPages(): string[] {
  const pages = ['README.md'];
  for (const dir of ['docs', 'bench']) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) if (file.endsWith('.md')) pages.push(join(dir, file));
  }
  return pages;
}

/** The text less fenced code blocks and code spans, where `[x](y)` is an example, not a link. */
function proseOf(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as `-`. */
function headingAnchor(heading: string): string {
  return heading
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(page: string): Set<string> {
  const anchors = new Set<string>();
  const text = readFileSync(page, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  for (const match of text.matchAll(/^#{1,6} +(.+?) *#* *$/gm)) anchors.add(headingAnchor(match[1]!));
  return anchors;
}

function relativeLinks(page: string): string[] {
  const links: string[] = [];
  for (const match of proseOf(readFileSync(page, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z+.-]*:/i.test(target)) continue;
    links.push(target);
  }
  return links;
}

test('reads anchors as GitHub writes them', () => {
  expect(headingAnchor('Build from another folder: `CONTENT_DIR`')).toBe('build-from-another-folder-content_dir');
  expect(headingAnchor('Callouts, math, highlights, comments, block ids and diagrams')).toBe(
    'callouts-math-highlights-comments-block-ids-and-diagrams',
  );
  expect(headingAnchor('Search quality — `npm run bench:search`')).toBe('search-quality--npm-run-benchsearch');
});

test.each(markdownPages())('every relative link in %s leads to a file and heading that are there', (page) => {
  const broken: string[] = [];
  for (const target of relativeLinks(page)) {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path === '' ? page : normalize(join(dirname(page), decodeURI(path)));
    if (!existsSync(file)) broken.push(`${target}: no file ${file}`);
    else if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(file).has(decodeURIComponent(anchor))) {
      broken.push(`${target}: no heading #${anchor} in ${file}`);
    }
  }
  expect(broken).toEqual([]);
});

test('finds the links of the README', () => {
  expect(relativeLinks('README.md').length).toBeGreaterThan(0);
});
