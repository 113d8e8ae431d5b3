/**
 * Names a folder can hold that are not UTF-8 text: a zip made on Japanese Windows (Shift_JIS
 * names), files from older tools (Latin-1), two names that read alike, and embedded files with
 * such names; beside them a named pipe and a symbolic link called `.md`. The build publishes
 * every note under a name read from its bytes, serves the embedded files, and names each
 * problem once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { fileForHref, listOutputFiles, pagesWithDuplicateIds, readBuiltPages, type BuiltPage } from '../support/read-built-site.ts';

const sjis = (text: string): Buffer => SJIS[text]!;
/** Shift_JIS bytes of the few names used here (Node has no Shift_JIS encoder). */
const SJIS: Record<string, Buffer> = {
  テスト: Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]),
  スキャン: Buffer.from([0x83, 0x58, 0x83, 0x4c, 0x83, 0x83, 0x83, 0x93]),
  資料: Buffer.from([0x8e, 0x91, 0x97, 0xbf]),
};
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text);

/** Path segments as bytes → content. */
const FILES: [segments: Buffer[], content: string | Buffer][] = [
  [[Buffer.concat([sjis('テスト'), utf8('.md')])], 'A Shift_JIS name. Links to [[Target]], embeds ![[スキャン.png]] and ![[Scan\uFFFD.pdf]].'],
  [[sjis('資料'), latin1('Caf\xe9.md')], 'A Latin-1 name in a Shift_JIS folder. Links to [[Target]].'],
  [[latin1('R\xe9sum\xe9.md')], 'The e-acute r\u00e9sum\u00e9. Links to [[Target]].'],
  [[latin1('R\xe8sum\xe8.md')], 'The e-grave one. Links to [[Target]].'],
  [[utf8('Target.md')], 'The target.'],
];

let log: string;
let outDir: string;
let pages: BuiltPage[];
let files: Set<string>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wiki-bad-names-'));
  for (const [segments, content] of FILES) {
    const path = Buffer.concat([utf8(dir), ...segments.flatMap((segment) => [utf8('/'), segment])]);
    mkdirSync(path.subarray(0, path.lastIndexOf('/')), { recursive: true });
    writeFileSync(path, content);
  }
  const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#2a7ab0' } }).png().toBuffer();
  writeFileSync(Buffer.concat([utf8(`${dir}/`), sjis('スキャン'), utf8('.png')]), png);
  writeFileSync(Buffer.concat([utf8(`${dir}/`), latin1('Scan\xe9.pdf')]), '%PDF-1.4\n');
  execFileSync('mkfifo', [join(dir, 'Pipe.md')]);
  symlinkSync('/etc/hostname', join(dir, 'Link.md'));
  const built = await buildSite({ contentDir: dir });
  log = built.log;
  outDir = built.outDir;
  files = listOutputFiles(outDir);
  pages = readBuiltPages(outDir, files);
});

describe('a folder whose names are not UTF-8', () => {
  test('publishes every note under the name read from its bytes, both of two that read alike', () => {
    const notes = pages.filter((page) => page.kind === 'note').map((page) => page.h1);
    expect(notes.sort()).toEqual(['R\uFFFDsum\uFFFD', 'Target', 'テスト', '資料/Caf\uFFFD', expect.stringMatching(/^R\uFFFDsum\uFFFD~[0-9a-f]{8}$/)].sort());
    const target = pages.find((page) => page.h1 === 'Target')!;
    expect(target.backlinkTitles).toHaveLength(4);
  });

  test('serves the files they embed, and breaks no link', () => {
    const note = pages.find((page) => page.h1 === 'テスト')!;
    const media = note.hrefs.filter((href) => href.startsWith('/media/'));
    expect(media).toEqual([expect.stringMatching(/^\/media\/[0-9a-f]{20}\.pdf$/)]);
    expect(existsSync(join(outDir, media[0]!))).toBe(true);
    const broken = pages.flatMap((page) => page.hrefs.filter((href) => href.startsWith('/') && !files.has(fileForHref(new URL(href, 'http://site').pathname) ?? '')));
    expect(broken).toEqual([]);
    expect([...files].filter((file) => /^\/media\/[0-9a-f]{20}-\d+\.webp$/.test(file)).length).toBeGreaterThan(0);
    expect(pagesWithDuplicateIds(pages)).toEqual([]);
  });

  test('names each file once, with its bytes, and what was not published', () => {
    expect(log).toMatch(/テスト\.md: the name "\\x83e\\x83X\\x83g\.md" is not UTF-8 and was read as Shift_JIS/);
    expect(log).toMatch(/資料\/Caf\uFFFD\.md: the name "\\x8E\\x91\\x97\\xBF" is not UTF-8 and was read as Shift_JIS; the name "Caf\\xE9\.md" is not UTF-8 and was read as UTF-8 with �/);
    expect(log).toMatch(/R\uFFFDsum\uFFFD~[0-9a-f]{8}\.md: the name "R\\xE9sum\\xE9\.md" is not UTF-8 .*another file's name reads the same, so this one is published as/);
    expect(log).toMatch(/R\uFFFDsum\uFFFD\.md: the name "R\\xE8sum\\xE8\.md" is not UTF-8/);
    expect(log).toMatch(/スキャン\.png: the name "\\x83X\\x83L\\x83\\x83\\x83\\x93\.png" is not UTF-8 and was read as Shift_JIS; embeds find it by that name/);
    expect(log).toMatch(/Scan\uFFFD\.pdf: the name "Scan\\xE9\.pdf" is not UTF-8/);
    expect(log).toMatch(/Pipe\.md: this is not a regular file/);
    expect(log).toMatch(/Link\.md: this is a symbolic link/);
    expect(log).toMatch(/5 notes, \d+ pages for missing links, 8 warnings/);
  });
});
