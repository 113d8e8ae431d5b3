/**
 * Bad input: every kind of broken, odd or oversized note file still yields its page, the
 * problems are reported with file and line, no internal link is broken, and the other
 * corpora build with every file accounted for. The fixture is written at test time (a
 * few megabytes, and bytes that are not UTF-8).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { corpusDir } from '../support/corpora.ts';
import { fileForHref, listOutputFiles, pagesWithDuplicateIds, readBuiltPages, type BuiltPage } from '../support/read-built-site.ts';

const LONG_TITLE = `A title that goes on ${'and on '.repeat(40)}until it ends`;

/** A YAML "billion laughs": nine levels of nine aliases each. */
const ALIAS_BOMB = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
].join('\n');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

/**
 * Issue 29: titles whose URLs met under the 32-bit FNV-1a hash slugs used to end in (found in
 * seconds by trying numbers): the first pair stopped the build, the second let a link to a
 * missing title lead to the note. A title of 2,100 segments was a path Linux refuses.
 */
const COLLIDING_PREFIX = 'A long title that collides '.padEnd(200, 'x');
const COLLIDING = [`${COLLIDING_PREFIX} one 232789`, `${COLLIDING_PREFIX} one 429192`] as const;
const CRAFTED = [`${COLLIDING_PREFIX} two 284215`, `${COLLIDING_PREFIX} two 1511600`] as const;
const DEEP_TITLE = Array(2100).fill('ab').join('/');

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
  // Issue 17: what stopped the build or was read wrong before (see the issue's report).
  ['Alias bomb.md', `---\ntitle: "Alias bomb"\n${ALIAS_BOMB}\n---\nLinks to [[Target note]].`, 'Alias bomb'],
  ['Proto keys.md', '---\ntitle: "Proto keys"\n__proto__: {polluted: true}\n---\nLinks to [[Target note]].', 'Proto keys'],
  ['Self alias.md', '---\ntitle: "Self alias"\nloop: &x [1, *x]\n---\nA value that contains itself.', 'Self alias'],
  ['UTF-16 LE.md', utf16le('---\r\ntitle: "UTF-16 LE note"\r\n---\r\nSaved as Unicode by Notepad, links to [[Target note]].\r\n'), 'UTF-16 LE note'],
  ['UTF-16 BE.md', utf16be('---\ntitle: "UTF-16 BE note"\n---\nBig-endian, links to [[Target note]].\n'), 'UTF-16 BE note'],
  ['Classic Mac.md', '---\rtitle: "Classic Mac note"\r---\rLine one\rLinks to [[Target note]]\r', 'Classic Mac note'],
  ['Mixed line ends.md', '---\r\ntitle: "Mixed line ends"\r\n---\rCR line\nLF line\r\nCRLF line [[Target note]]', 'Mixed line ends'],
  ['Zero width.md', '---\ntitle: "Zero\u200Bwidth\u200Dtitle"\n---\nA title with zero-width characters.', 'Zero\u200Bwidth\u200Dtitle'],
  ['Links to zero width.md', 'Links to [[Zerowidthtitle]] and [[Zero\u2060width\uFEFFtitle]].', 'Links to zero width'],
  ['Invisible title.md', '---\ntitle: "\u200B"\n---\nA title of one zero-width space.', 'Invisible title'],
  ['Empty links.md', 'Empty links: [[ ]], [[|]], [[#]] and [[]] then [[Target note]].', 'Empty links'],
  ['Bidi title.md', '---\ntitle: "Invoice \u202Efdp.exe"\n---\nLinks to [[Target note]] and [[Payment \u202Etxt.scr]].', 'Invoice fdp.exe'],
  // Round two of unseen input: exports from other tools, and what an attacker would write.
  ['Notion page 0123456789abcdef0123456789abcdef.md', '# Notion page\n\nLinks to [Other page](Other%20page%20fedcba9876543210fedcba9876543210.md).', 'Notion page 0123456789abcdef0123456789abcdef'],
  ['Other page fedcba9876543210fedcba9876543210.md', 'The page a Notion link names by its file.', 'Other page fedcba9876543210fedcba9876543210'],
  ['Obsidian syntax.md', '![[Target note#Heading]] [[Target note^block-id]] %%a comment%% ==highlight== [[Target note|alias]]', 'Obsidian syntax'],
  ['Scrapbox syntax.md', '[* bold] [/ italic] [https://example.com label] #tag [[Target note]]\n code:js\n  let a = 1', 'Scrapbox syntax'],
  ['NUL bytes.md', Buffer.concat([Buffer.from('---\ntitle: "NUL bytes"\n---\nbefore'), Buffer.from([0, 0, 0]), Buffer.from(' after [[Target note]]')]), 'NUL bytes'],
  ['Binary title.md', '---\ntitle: !!binary aGVsbG8=\ntags: !!set {a, b}\n---\nOdd YAML tags.', 'Binary title'],
  ['Deep YAML.md', `---\ntitle: "Deep YAML"\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nDeeply nested YAML.`, 'Deep YAML'],
  ['Far dates.md', '---\ntitle: "Far dates"\nupdated: 99999-01-01\ncreated: 1e400\n---\nDates out of range.', 'Far dates'],
  ['Frontmatter list.md', '---\n- a\n- b\n---\nFrontmatter that is a list.', 'Frontmatter list'],
  ['Line separators.md', 'One\u2028two\u2029three [[Target note]]\u0085four', 'Line separators'],
  ['HTML title.md', '---\ntitle: "</title><script>alert(1)</script>"\n---\nA title made of HTML.', '</title><script>alert(1)</script>'],
  ['UPPER.MD', 'An upper-case extension, links to [[Target note]].', 'UPPER'],
  ['Folder./Note in a dotted folder.md', 'A folder name Windows cannot open.', 'Folder./Note in a dotted folder'],
  // Issue 29: text that cannot be encoded (it stopped the build with "URI malformed").
  ['Surrogate title.md', '---\ntitle: "A \\ud800 title"\ntags: ["tag \\udc00 here", "fine tag"]\n---\nLinks to [[Target note]].', 'A \uFFFD title'],
  ['Noncharacter heading.md', '---\ntitle: "Noncharacter heading"\n---\n## Heading \uFFFF here\n\nLinks to [[Target note]].', 'Noncharacter heading'],
  ['Noncharacter link.md', 'A link to [[Link \uFDD0 text]] and [[Target note]].', 'Noncharacter link'],
  ['File \uFDEF name.md', 'A file name with a noncharacter.', 'File \uFFFD name'],
  ['Character references.md', '## &#xD800; and &#xFFFF; heading\n\n<span title="&#xD800;">&#xFFFF; &#xDC00;</span> [to nowhere](%ED%A0%80.md) [[Target note]]', 'Character references'],
  // Issue 29: ids that belong to the page, and ids a note has twice.
  [
    'Page ids.md',
    '---\ntitle: "Page ids"\n---\n## main\n\n## site-search-input\n\n## outline-heading\n\n## Backlinks\n\nA footnote[^1], links to [[#main]] and [[#Backlinks]] and [[Target note]].\n\n<a id="dup">one</a> <a id="dup">two</a> <a id="main">three</a>\n\n[^1]: The footnote.',
    'Page ids',
  ],
  ['Embeds page ids.md', '## main\n\n## Backlinks\n\nIts own footnote[^1].\n\n![[Page ids]]\n\n![[Page ids#Backlinks]]\n\n[^1]: Another footnote.', 'Embeds page ids'],
  // Issue 29: URLs that collided or could be taken, paths file systems refuse.
  ['Collision one.md', `---\ntitle: "${COLLIDING[0]}"\n---\nIts old URL was the next note's.`, COLLIDING[0]],
  ['Collision two.md', `---\ntitle: "${COLLIDING[1]}"\n---\nIts old URL was the last note's.`, COLLIDING[1]],
  ['Taken URL.md', `---\ntitle: "${CRAFTED[0]}"\n---\nLinks to a missing title made to share its old URL: [[${CRAFTED[1]}]].`, CRAFTED[0]],
  ['Folder page.md', '---\ntitle: "Folder page"\n---\nLinks to [[Folder page/index.html]].', 'Folder page'],
  ['Folder page index.md', '---\ntitle: "Folder page/index.html"\n---\nIts page path was the file of another page.', 'Folder page/index.html'],
  ['Deep title.md', `---\ntitle: "${DEEP_TITLE}"\n---\nA title of 2,100 segments.`, DEEP_TITLE],
  ['Device name.md', '---\ntitle: "CON"\n---\nA name Windows keeps for a device.', 'CON'],
  ['Kapi.md', '---\ntitle: "Kapi"\n---\nA title macOS and Windows take for the next one.', 'Kapi'],
  ['Kapı.md', '---\ntitle: "Kapı"\n---\nA Turkish word with a dotless ı.', 'Kapı'],
  // Issue 29: what made the parser or the build super-linear, at small sizes.
  ['Emphasis flood.md', `Links to [[Target note]]\n\n${'a*'.repeat(3000)}\n\n${'**_'.repeat(1000)}`, 'Emphasis flood'],
  ['Comment flood.md', `Links to [[Target note]]\n${'<!--\n'.repeat(2000)}\n${'<![CDATA[ <? <!X '.repeat(500)}`, 'Comment flood'],
  ['Hashtag line.md', `${'#hostile_tag '.repeat(1000)}\\#escaped [[Target note]]`, 'Hashtag line'],
  ['Missing sections.md', Array.from({ length: 30 }, (_, i) => `![[Sectioned note#Missing ${i}]]`).join('\n'), 'Missing sections'],
  ['Sectioned note.md', '# Sectioned note\n\n## There\n\nA section.', 'Sectioned note'],
  ['Image sizes.md', Array.from({ length: 40 }, (_, i) => `![[Dot.png|${100 + i}]]`).join('\n'), 'Image sizes'],
  ['Footnote flood.md', Array.from({ length: 300 }, (_, i) => `a[^${i}]\n\n[^${i}]: x`).join('\n\n'), 'Footnote flood'],
];

function noteFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.md$/i.test(file) && !file.split('/').some((part) => part.startsWith('.'))).length;
}

/** Every page of a built site, and the internal hrefs that lead to no file. */
function readSite(outDir: string): { outDir: string; pages: BuiltPage[]; broken: string[] } {
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
  return { outDir, pages, broken };
}

describe('a folder of bad notes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wiki-bad-input-'));
  let log: string;
  let site: ReturnType<typeof readSite>;
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of BAD_NOTES) {
      mkdirSync(dirname(join(dir, String(file))), { recursive: true });
      writeFileSync(join(dir, String(file)), content);
    }
    await sharp({ create: { width: 400, height: 200, channels: 3, background: '#2a7ab0' } }).png().toFile(join(dir, 'Dot.png'));
    // Every missing title gets a page: the tests look at the pages of hostile titles.
    const built = await buildSite({ contentDir: dir, env: { SINGLE_MENTION_PAGES: '1' } });
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
    expect(log).toMatch(/Huge\.md: the note has \d\.\d million characters, more than 1,000,000: it is rendered in \d+ parts/);
    expect(log).toMatch(/Alias bomb\.md:2: frontmatter could not be read \(Excessive alias count/);
    expect(log).toMatch(/Proto keys\.md:2: frontmatter holds the key __proto__, which is left out/);
    expect(log).toMatch(/Self alias\.md:2: frontmatter holds a value that contains itself/);
    expect(log).toMatch(/Invisible title\.md:2: title "\u200B" holds only invisible characters/);
    expect(log).toMatch(/Bidi title\.md:2: the title holds bidirectional control characters \(U\+202E\)/);
    expect(log).toMatch(/Bidi title\.md:4: the link \[\[Payment txt\.scr\]\] holds bidirectional control characters/);
    for (const empty of ['[[ ]]', '[[|]]', '[[#]]']) {
      expect(log).toContain(`Empty links.md:1: the link ${empty} names no page`);
    }
    expect(log).toMatch(/Binary title\.md:2: title is not a non-empty string/);
    expect(log).toMatch(/Deep YAML\.md:3: frontmatter is not valid YAML/);
    expect(log).not.toMatch(/UTF-16 [LB]E\.md.*not UTF-8|Classic Mac\.md|Mixed line ends\.md|Notion page|Other page/);
    // An embed of a section the note does not have is a link and a warning.
    expect(log).toMatch(/Obsidian syntax\.md:1: the embed !\[\[Target note#Heading\]\] names a section that "Target note" does not have/);
    // Issue 29: lone surrogates and noncharacters, on the line of the frontmatter key or the text.
    expect(log).toMatch(/Surrogate title\.md:2: the frontmatter value of "title" holds text that cannot be encoded: U\+D800 \(a lone surrogate\) is replaced with U\+FFFD/);
    expect(log).toMatch(/Surrogate title\.md:3: the frontmatter value of "tags" holds text that cannot be encoded: U\+DC00 \(a lone surrogate\)/);
    expect(log).toMatch(/Noncharacter heading\.md:4: text here cannot be encoded: U\+FFFF \(a noncharacter\)/);
    expect(log).toMatch(/Noncharacter link\.md:1: text here cannot be encoded: U\+FDD0 \(a noncharacter\)/);
    expect(log).toMatch(/File \uFDEF name\.md: the file name holds text that cannot be encoded: U\+FDEF/);
    expect(log).toMatch(/Character references\.md:3: the Markdown link \[to nowhere\]\(%ED%A0%80\.md\) leads to no note/);
    expect(log).not.toMatch(/URI malformed/);
    // Issue 29: one warning for each note whose URL is not the one its title gives.
    expect(log).toMatch(/Folder page index\.md:2: the title "Folder page\/index\.html" has a segment "index\.html", the name of a page's own file: this note is at \/notes\/folder_page\/index\.html~~[a-z2-7]{26}\//);
    expect(log).toMatch(/Deep title\.md:2: the title "(ab\/){20}[^"]*" is too long a path for a URL \(more than 1024 bytes or 32 segments/);
    expect(log).toMatch(/Device name\.md:2: the title "CON" has a segment that Windows keeps for a device/);
    expect(log).toMatch(/Kapı\.md:2: the title "Kapı" gives the URL \/notes\/kapı\/, which Kapi\.md \("Kapi"\) takes on macOS and Windows/);
    expect(log).not.toMatch(/Collision (one|two)\.md|Taken URL\.md|Kapi\.md:|Folder page\.md/);
    // Issue 29: floods shown as text, each with a warning on its paragraph.
    expect(log).toMatch(/Emphasis flood\.md:3: the paragraph starting here has 3000 runs of `\*` or `_`/);
    expect(log).toMatch(/Emphasis flood\.md:5: the paragraph starting here has 2000 runs of `\*` or `_`/);
    expect(log).toMatch(/Comment flood\.md:1: the paragraph starting here has 2000 `<!--`/);
    expect(log).toMatch(/Comment flood\.md:2003: the paragraph starting here has 1500 `<!--`/);
    expect(log).toMatch(/Missing sections\.md:30: the embed !\[\[Sectioned note#Missing 29\]\] names a section/);
    expect(log).toMatch(/\d+ notes, \d+ pages for missing links, 65 warnings/);
  });

  test('publishes by the documented fallback what used to stop the build or read wrong', () => {
    const page = (h1: string) => site.pages.find((candidate) => candidate.h1 === h1)!;
    // Links that name no page stay text: no page is titled "|" or "#".
    expect(site.pages.filter((candidate) => ['|', '#', '＃', ''].includes(candidate.h1.trim()) && candidate.kind !== 'other')).toEqual([]);
    // Zero-width characters do not make another title.
    expect(page('Links to zero width').hrefs.filter((href) => href.startsWith('/notes/zero'))).toEqual(['/notes/zerowidthtitle/', '/notes/zerowidthtitle/']);
    expect(page('Zero\u200Bwidth\u200Dtitle').path).toBe('/notes/zerowidthtitle/');
    // Bidi controls are gone from every title shown, and from the missing title linked.
    expect(site.pages.filter((candidate) => /[\u202A-\u202E\u2066-\u2069]/.test(candidate.h1))).toEqual([]);
    expect(site.pages.some((candidate) => candidate.h1 === 'Payment txt.scr' && candidate.kind === 'missing')).toBe(true);
    // Issue 29: a title made to share a note's old URL has a page of its own, and the notes
    // whose URLs met each have theirs.
    expect(page(CRAFTED[0]).hrefs.filter((href) => href.startsWith('/notes/a_long'))).toEqual([site.pages.find((candidate) => candidate.h1 === CRAFTED[1])!.path]);
    expect(site.pages.find((candidate) => candidate.h1 === CRAFTED[1])!.kind).toBe('missing');
    expect(page(COLLIDING[0]).path).not.toBe(page(COLLIDING[1]).path);
    expect(page('Folder page').hrefs).toContain(page('Folder page/index.html').path);
    expect(page('Kapı').path).not.toBe(page('Kapi').path);
    // A Notion link names its page's file.
    expect(page('Notion page 0123456789abcdef0123456789abcdef').hrefs).toContain('/notes/other_page_fedcba9876543210fedcba9876543210/');
  });

  test('shows text that cannot be encoded as U+FFFD, in titles, tags, headings and links', () => {
    const page = (h1: string) => site.pages.find((candidate) => candidate.h1 === h1)!;
    expect(page('A \uFFFD title').path).toBe('/notes/a_\uFFFD_title/');
    expect(page('A \uFFFD title').hrefs.map((href) => decodeURI(href))).toContain('/notes/tag_\uFFFD_here/');
    expect(site.pages.some((candidate) => candidate.h1 === 'tag \uFFFD here' && candidate.kind === 'missing')).toBe(true);
    expect(site.pages.some((candidate) => candidate.h1 === 'Link \uFFFD text' && candidate.kind === 'missing')).toBe(true);
    const heading = readFileSync(join(site.outDir, page('Noncharacter heading').path, 'index.html'), 'utf8');
    expect(heading).toContain('>Heading \uFFFD here</h2>');
    const references = readFileSync(join(site.outDir, page('Character references').path, 'index.html'), 'utf8');
    expect(references).toContain('\uFFFD and \uFFFD heading</h2>');
    // No page keeps a lone surrogate or a noncharacter of the notes.
    for (const candidate of site.pages) {
      const html = readFileSync(join(site.outDir, candidate.path.endsWith('/') ? `${candidate.path}index.html` : candidate.path), 'utf8');
      expect(html.match(/[\p{Cs}\p{Noncharacter_Code_Point}]/u)?.[0], candidate.path).toBeUndefined();
    }
  });

  test('gives no page an id twice; headings named like the page\'s own ids get the next free id', () => {
    expect(pagesWithDuplicateIds(site.pages)).toEqual([]);
    const page = site.pages.find((candidate) => candidate.h1 === 'Page ids')!;
    const root = parse(readFileSync(join(site.outDir, page.path, 'index.html'), 'utf8'));
    // The skip link and the outline's label still reach the page's own elements.
    expect(root.querySelector('a[href="#main"]')).not.toBeNull();
    expect(root.getElementById('main')?.tagName).toBe('MAIN');
    expect(root.getElementById('outline-heading')?.closest('nav')?.classList.contains('outline')).toBe(true);
    expect(root.getElementById('backlinks')?.closest('.note-body')).toBeNull();
    expect(root.querySelectorAll('.note-body h2').map((heading) => heading.id)).toEqual(['main-1', 'site-search-input-1', 'outline-heading-1', 'backlinks-1', 'footnote-label']);
    // The outline and [[#heading]] links lead to the note's headings.
    expect(root.querySelectorAll('nav.outline a').map((link) => link.getAttribute('href'))).toEqual(expect.arrayContaining(['#main-1', '#site-search-input-1', '#outline-heading-1', '#backlinks-1']));
    expect(page.hrefs).toEqual(expect.arrayContaining(['#main-1', '#backlinks-1']));
    expect(root.querySelectorAll('.note-body [id^="dup"]').map((anchor) => anchor.id)).toEqual(['dup', 'dup-1']);
    // The embedding page: its own headings and footnote, the embedded note's without ids.
    const embedding = site.pages.find((candidate) => candidate.h1 === 'Embeds page ids')!;
    const html = readFileSync(join(site.outDir, embedding.path, 'index.html'), 'utf8');
    expect(parse(html).querySelectorAll('.note-embed').length).toBe(2);
    expect(parse(html).querySelectorAll('.note-body h2').map((heading) => heading.id).filter(Boolean)).toEqual(['main-1', 'backlinks-1', 'footnote-label']);
  });

  test('keeps SHA-256 out of the pages\' scripts: the title list spells out every slug with a hash', () => {
    const scripts = readdirSync(join(site.outDir, '_astro')).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    // 1116352408 (0x428a2f98) is SHA-256's first round constant, as the bundler writes it.
    const withSha = scripts.filter((file) => /1116352408|0x428a2f98/i.test(readFileSync(join(site.outDir, '_astro', file), 'utf8')));
    expect(withSha).toEqual([]);
  });

  test('keeps every page within the caps: a note linking a title 50,000 times adds 3 contexts to its page', () => {
    const target = site.pages.find((page) => page.h1 === 'Target note')!;
    expect(target.bytes).toBeLessThan(200_000);
    const html = readFileSync(join(site.outDir, target.path, 'index.html'), 'utf8');
    expect(html).toContain('and 49,997 more mentions');
    // Only a note's own text makes its page large: the pages over 200 KB are the notes of 1 MB
    // or more of text (Huge 3 MB, Long line 1 MB, Nested HTML 100 KB of tags shown as text,
    // Many links 10,000 links).
    const oversized = site.pages.filter((page) => page.bytes > 200_000).map((page) => page.h1);
    expect(oversized.sort()).toEqual(['Huge', 'Long line', 'Many links', 'Nested HTML']);
  });

  test('breaks no internal link, and every note links where it should', () => {
    expect(site.broken).toEqual([]);
    const target = site.pages.find((page) => page.h1 === 'Target note')!;
    expect(target.backlinkTitles.sort()).toEqual(
      [
        'Bracket flood', 'Broken yaml', 'CRLF note', 'Deep nesting', 'Huge', 'Long line', 'Nested HTML', 'Path links',
        'Alias bomb', 'Proto keys', 'UTF-16 LE note', 'UTF-16 BE note', 'Classic Mac note', 'Mixed line ends', 'Empty links', 'Invoice fdp.exe',
        'Obsidian syntax', 'Scrapbox syntax', 'NUL bytes', 'Line separators', 'UPPER',
        'A \uFFFD title', 'Noncharacter heading', 'Noncharacter link', 'Character references', 'Page ids', 'Emphasis flood', 'Comment flood', 'Hashtag line',
      ].sort(),
    );
    const pathLinks = site.pages.find((page) => page.h1 === 'Path links')!;
    expect(pathLinks.hrefs).toContain('/notes/target_note/');
    expect(pathLinks.hrefs.filter((href) => /missing-file|passwd/.test(href))).toEqual([]);
    // One link per hashtag, the escaped one text; each of 40 sizes of one image shown at its size.
    const hashtags = site.pages.find((page) => page.h1 === 'Hashtag line')!;
    expect(hashtags.hrefs.filter((href) => href === '/notes/hostile_tag/')).toHaveLength(1000);
    expect(hashtags.hrefs).not.toContain('/notes/escaped/');
    const images = readFileSync(join(site.outDir, site.pages.find((page) => page.h1 === 'Image sizes')!.path, 'index.html'), 'utf8');
    expect([...images.matchAll(/<img [^>]*width="(\d+)"/g)].map((match) => Number(match[1]))).toEqual(Array.from({ length: 40 }, (_, i) => 100 + i));
    expect(new Set([...images.matchAll(/src="([^"]+\.webp)"/g)].map((match) => match[1])).size).toBeLessThanOrEqual(3);
    const manyLinks = site.pages.find((page) => page.h1 === 'Many links')!;
    expect(new Set(manyLinks.hrefs.filter((href) => href.startsWith('/notes/link_target_'))).size).toBe(100);
  });
});

describe.each([
  // index.md links to its folder page with Markdown links, `[…](/features)` and `(./features)`;
  // layout.md's `[…](component.md)` names a file that is not there (it is tags/component.md).
  // Both lead to features/index.md, titled "Feature List".
  ['quartz-docs', 'quartz-docs/docs', 5, ['/notes/welcome_to_quartz_4/', '/notes/feature_list/', 2]],
  // Its two warnings: the pasted images it embeds are not in the source repository either.
  ['mitsuoka-notes-ja', 'mitsuoka-notes-ja/obsidian', 2, undefined],
] as const)('the %s corpus', (_name, relative, warnings, pathLinks) => {
  const corpus = corpusDir(relative);
  test.runIf(corpus.present)('yields a page for every note file and breaks no link, Markdown links to paths included', async () => {
    const { outDir, log } = await buildSite({ contentDir: corpus.dir });
    const { pages, broken } = readSite(outDir);
    expect(pages.filter((page) => page.kind === 'note')).toHaveLength(noteFiles(corpus.dir));
    expect(broken).toEqual([]);
    expect(pagesWithDuplicateIds(pages)).toEqual([]);
    expect(pages.filter((page) => page.h1.startsWith('[')).map((page) => page.h1)).toEqual([]);
    if (pathLinks) {
      const [from, to, count] = pathLinks;
      expect(pages.find((page) => page.path === from)?.hrefs.filter((href) => href === to)).toHaveLength(count);
    }
    // The summary line names warnings only when there are some.
    expect(Number(/(\d+) warnings? \(/.exec(log)?.[1] ?? 0)).toBe(warnings);
  });
});
