/**
 * Notes whose titles are equal under the link rules: both published at their own URLs,
 * links to the title go to a page listing them, the build warns, and strict mode fails.
 * On a fixture and on the quartz-docs corpus (LaTeX / Latex), which did not build before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';
import { corpusDir } from '../support/corpora.ts';
import { listOutputFiles, pagesWithDuplicateIds, readBuiltPages } from '../support/read-built-site.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/duplicates');
const read = (outDir: string, path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]!);

describe('two notes with one title', () => {
  test('are both published, and links to the title go to a page listing them', async () => {
    const { outDir, log } = await buildSite({ contentDir: FIXTURE });
    expect(log).toMatch(/LaTeX\.md:2: the title "LaTeX" is also the title of plugins\/Latex\.md \("Latex"\)/);
    expect(log).toMatch(/plugins\/Latex\.md:2: the title "Latex" is also the title of LaTeX\.md \("LaTeX"\)/);
    expect(log).toContain('1 titles shared by several notes, 2 warnings');
    const listing = read(outDir, 'notes/latex');
    const noteLinks = hrefs(listing).filter((href) => /^\/notes\/latex~[a-z2-7]{26}\/$/.test(href));
    expect(new Set(noteLinks).size).toBe(2);
    const pages = noteLinks.map((href) => read(outDir, href.slice(1, -1)));
    expect(pages.some((html) => html.includes('Typesetting maths with KaTeX.'))).toBe(true);
    expect(pages.some((html) => html.includes('The plugin that renders maths.'))).toBe(true);
    const links = read(outDir, 'notes/links');
    expect(links).toContain('<a href="/notes/latex/" class="wiki-link wiki-link-ambiguous">latex</a>');
    // A file path still names one note.
    expect(links).toMatch(/<a href="\/notes\/latex~[a-z2-7]{26}\/" class="wiki-link">plugins\/Latex<\/a>/);
    expect(listing).toContain('Linked from 1 note');
    expect(pagesWithDuplicateIds(readBuiltPages(outDir, listOutputFiles(outDir)))).toEqual([]);
  });

  test('fail the build in strict mode, naming the files', async () => {
    await expect(buildSite({ contentDir: FIXTURE, env: { STRICT: '1' } })).rejects.toThrow(
      /LaTeX\.md:2: the title "LaTeX"[\s\S]*Strict mode \(STRICT=1\): the build stops on the 2 warnings above/,
    );
  });
});

const quartz = corpusDir('quartz-docs/docs');

describe.runIf(quartz.present)('the quartz-docs corpus', () => {
  test('builds, with LaTeX and Latex on their own pages and one listing page', async () => {
    const { outDir, log } = await buildSite({ contentDir: quartz.dir });
    expect(log).toMatch(/features\/Latex\.md:\d+: the title "LaTeX" is also the title of plugins\/Latex\.md/);
    const listing = read(outDir, 'notes/latex');
    expect(hrefs(listing).filter((href) => /^\/notes\/latex~[a-z2-7]{26}\/$/.test(href))).toHaveLength(2);
    expect(pagesWithDuplicateIds(readBuiltPages(outDir, listOutputFiles(outDir)))).toEqual([]);
  });
});
