/**
 * Bad input: every kind of broken, odd or oversized note file still yields its page, the
 * problems are reported with file and line, no internal link is broken, and the other
 * corpora build with every file accounted for. The fixture is written at test time (a
 * few megabytes, and bytes that are not UTF-8).
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { corpusDir } from '../support/corpora.ts';
import { fileForHref, listOutputFiles, readBuiltPages, type BuiltPage } from '../support/read-built-site.ts';

const LONG_TITLE = `A title that goes on ${'and on '.repeat(40)}until it ends`;

/** File name → content, and the title its page must show. */
const BAD_NOTES: [file: string | Buffer, content: string | Buffer, title: string][] = [
  ['Broken yaml.md', '---\ntitle: a: b: [\n---\nBody that links to [[Target note]].', 'Broken yaml'],
  ['Numeric title.md', '---\ntitle: 42\n---\nThe title is a number.', 'Numeric title'],
  ['Empty.md', '', 'Empty'],
  ['Only frontmatter.md', '---\ntitle: "Only frontmatter"\n---\n', 'Only frontmatter'],
  ['With BOM.md', '\uFEFF---\ntitle: "With BOM"\n---\nText after a byte order mark.', 'With BOM'],
  ['CRLF.md', '---\r\ntitle: "CRLF note"\r\n---\r\nLine one\r\nLinks to [[Target note]]\r\n', 'CRLF note'],
  ['Latin-1.md', Buffer.concat([Buffer.from('---\ntitle: "Latin-1 bytes"\n---\nfirst line\ncaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]), 'Latin-1 bytes'],
  ['Cafe\u0301 in NFD.md', 'A file name in NFD, as macOS writes it.', 'Café in NFD'],
  ['What? A "quoted" <title>: yes|no*.md', 'Characters Windows forbids in file names.', 'What? A "quoted" <title>: yes|no*'],
  ['Long title.md', `---\ntitle: "${LONG_TITLE}"\n---\nA title of ${LONG_TITLE.length} characters.`, LONG_TITLE],
  ['Huge.md', `---\ntitle: "Huge"\n---\n${'A paragraph of a very large note, linking to [[Target note]].\n\n'.repeat(50_000)}`, 'Huge'],
  ['Long line.md', `---\ntitle: "Long line"\n---\n${'word '.repeat(200_000)}[[Target note]]`, 'Long line'],
  ['Many links.md', `---\ntitle: "Many links"\n---\n${Array.from({ length: 10_000 }, (_, i) => `[[Link target ${i % 100}]]`).join(' ')}`, 'Many links'],
  ['Deep nesting.md', `---\ntitle: "Deep nesting"\n---\n${'>'.repeat(1000)} deep quote [[Target note]]\n\n${Array.from({ length: 300 }, (_, i) => `${'    '.repeat(i)}- level ${i}`).join('\n')}`, 'Deep nesting'],
  ['Bracket flood.md', `---\ntitle: "Bracket flood"\n---\nLinks to [[Target note]] then ${'[[a '.repeat(25_000)}`, 'Bracket flood'],
  ['Nested HTML.md', `---\ntitle: "Nested HTML"\n---\nLinks to [[Target note]]\n\n${'<div>'.repeat(20_000)}`, 'Nested HTML'],
  ['Path links.md', '---\ntitle: "Path links"\n---\nMarkdown links: [to the target](Target%20note.md), [nowhere](missing-file.md) and [out](../../etc/passwd).', 'Path links'],
  ['Target note.md', '---\ntitle: "Target note"\n---\nEverything links here.', 'Target note'],
];

function noteFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.md$/i.test(file) && !file.split('/').some((part) => part.startsWith('.'))).length;
}

/** Every page of a built site, and the internal hrefs that lead to no file. */
function readSite(outDir: string): { pages: BuiltPage[]; broken: string[] } {
  const files = listOutputFiles(outDir);
  const pages = readBuiltPages(outDir, files);
  const broken = pages.flatMap((page) =>
    page.hrefs.flatMap((href) => {
      // Relative hrefs count too: the browser resolves them against the page.
      const url = new URL(href, `http://site${encodeURI(page.path)}`);
      const file = url.host === 'site' && !href.startsWith('#') ? fileForHref(url.pathname) : undefined;
      return file === undefined || files.has(file) ? [] : [`${page.path} → ${href}`];
    }),
  );
  return { pages, broken };
}

describe('a folder of bad notes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wiki-bad-input-'));
  let log: string;
  let site: ReturnType<typeof readSite>;
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of BAD_NOTES) writeFileSync(join(dir, String(file)), content);
    const built = await buildSite({ contentDir: dir });
    log = built.log;
    site = readSite(built.outDir);
  });

  test('gives every file its page, with the title it should have', () => {
    const notes = site.pages.filter((page) => page.kind === 'note');
    expect(notes).toHaveLength(BAD_NOTES.length);
    expect(noteFiles(dir)).toBe(BAD_NOTES.length);
    expect(notes.map((page) => page.h1).sort()).toEqual(BAD_NOTES.map(([, , title]) => title).sort());
  });

  test('names each problem with its file and line', () => {
    expect(log).toMatch(/Broken yaml\.md:2: frontmatter is not valid YAML/);
    expect(log).toMatch(/Numeric title\.md:2: title is not a non-empty string \(42\)/);
    expect(log).toMatch(/Latin-1\.md:5: bytes here are not UTF-8/);
    expect(log).toMatch(/Path links\.md:4: the Markdown link \[nowhere\]\(missing-file\.md\) leads to no note/);
    expect(log).toMatch(/Path links\.md:4: the Markdown link \[out\]\(\.\.\/\.\.\/etc\/passwd\) leads to no note/);
    expect(log).toMatch(/Bracket flood\.md:4: this line has 50000 brackets that pair with nothing/);
    expect(log).toMatch(/Nested HTML\.md: the note could not be rendered as written/);
    expect(log).toMatch(/\d+ notes, \d+ pages for missing links, 7 warnings/);
  });

  test('breaks no internal link, and every note links where it should', () => {
    expect(site.broken).toEqual([]);
    const target = site.pages.find((page) => page.h1 === 'Target note')!;
    expect(target.backlinkTitles.sort()).toEqual(['Bracket flood', 'Broken yaml', 'CRLF note', 'Deep nesting', 'Huge', 'Long line', 'Nested HTML', 'Path links'].sort());
    const pathLinks = site.pages.find((page) => page.h1 === 'Path links')!;
    expect(pathLinks.hrefs).toContain('/notes/target_note/');
    expect(pathLinks.hrefs.filter((href) => /missing-file|passwd/.test(href))).toEqual([]);
    const manyLinks = site.pages.find((page) => page.h1 === 'Many links')!;
    expect(new Set(manyLinks.hrefs.filter((href) => href.startsWith('/notes/link_target_'))).size).toBe(100);
  });
});

describe.each([
  // index.md links to its folder page with Markdown links, `[…](/features)` and `(./features)`;
  // layout.md's `[…](component.md)` names a file that is not there (it is tags/component.md).
  // Both lead to features/index.md, titled "Feature List".
  ['quartz-docs', 'quartz-docs/docs', 5, ['/notes/welcome_to_quartz_4/', '/notes/feature_list/', 2]],
  ['mitsuoka-notes-ja', 'mitsuoka-notes-ja/obsidian', 0, undefined],
] as const)('the %s corpus', (_name, relative, warnings, pathLinks) => {
  const corpus = corpusDir(relative);
  test.runIf(corpus.present)('yields a page for every note file and breaks no link, Markdown links to paths included', async () => {
    const { outDir, log } = await buildSite({ contentDir: corpus.dir });
    const { pages, broken } = readSite(outDir);
    expect(pages.filter((page) => page.kind === 'note')).toHaveLength(noteFiles(corpus.dir));
    expect(broken).toEqual([]);
    expect(pages.filter((page) => page.h1.startsWith('[')).map((page) => page.h1)).toEqual([]);
    if (pathLinks) {
      const [from, to, count] = pathLinks;
      expect(pages.find((page) => page.path === from)?.hrefs.filter((href) => href === to)).toHaveLength(count);
    }
    // The summary line names warnings only when there are some.
    expect(Number(/(\d+) warnings? \(/.exec(log)?.[1] ?? 0)).toBe(warnings);
  });
});
