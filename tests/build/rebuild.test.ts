/**
 * Rebuilding: a note is rendered again only when its text or the resolution of its links
 * changed, and the pages still show the change. Read from the loader's summary line
 * ("N rendered, M from the cache") and from the built pages.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { FIXTURE_SITE } from '../support/fixture-site.ts';

const contentDir = mkdtempSync(join(tmpdir(), 'wiki-rebuild-'));

const renderCounts = (log: string) => {
  const match = /\[(\d+) rendered, (\d+) from the cache\]/.exec(log);
  if (!match) throw new Error(`no render summary in the build log:\n${log}`);
  return { rendered: Number(match[1]), cached: Number(match[2]) };
};
const page = (outDir: string, slug: string) => readFileSync(join(outDir, 'notes', slug, 'index.html'), 'utf8');

describe('rebuilding after changes', () => {
  let first: { outDir: string; log: string };
  beforeAll(async () => {
    cpSync(FIXTURE_SITE, contentDir, { recursive: true });
    first = await buildSite({ contentDir });
  });

  test('the first build renders every note', () => {
    expect(renderCounts(first.log)).toEqual({ rendered: 8, cached: 0 });
  });

  test('a rebuild with nothing changed renders nothing and gives the same pages', async () => {
    const again = await buildSite({ contentDir });
    expect(renderCounts(again.log)).toEqual({ rendered: 0, cached: 8 });
    for (const slug of ['tacit_knowledge', 'municipal_purchasing_power', 'municipal_system_standardization']) {
      expect(page(again.outDir, slug)).toBe(page(first.outDir, slug));
    }
  });

  test('editing a note renders that note only, and its page and backlinks show the edit', async () => {
    appendFileSync(join(contentDir, 'Tacit knowledge.md'), '\n\nA new line about [[Municipal purchasing power]] and [[Brand new idea]].\n');
    const edited = await buildSite({ contentDir });
    expect(renderCounts(edited.log)).toEqual({ rendered: 1, cached: 7 });
    expect(page(edited.outDir, 'tacit_knowledge')).toContain('A new line about');
    expect(page(edited.outDir, 'municipal_purchasing_power')).toContain('A new line about');
    // A title only this note links: no page, the link drawn as mentioned only here.
    expect(existsSync(join(edited.outDir, 'notes', 'brand_new_idea'))).toBe(false);
    expect(page(edited.outDir, 'tacit_knowledge')).toMatch(/<span class="wiki-link wiki-link-single-mention" title="Mentioned only here[^"]*" id="mention:1">Brand new idea<\/span>/);
  });

  test('a second note linking a title only one note linked brings its page back at the same URL, and removing that note removes it again', async () => {
    writeFileSync(join(contentDir, 'Second mention.md'), 'This one links [[brand new idea]] too.\n');
    const linked = await buildSite({ contentDir });
    // The first note is not rendered again: how its link is drawn is decided when its page is assembled.
    expect(renderCounts(linked.log)).toEqual({ rendered: 1, cached: 8 });
    const idea = page(linked.outDir, 'brand_new_idea');
    expect(idea).toContain('Tacit knowledge');
    expect(idea).toContain('Second mention');
    expect(page(linked.outDir, 'tacit_knowledge')).toMatch(/<a href="\/notes\/brand_new_idea\/" class="wiki-link wiki-link-missing">Brand new idea<\/a>/);
    expect(page(linked.outDir, 'tacit_knowledge')).not.toContain('wiki-link-single-mention');

    rmSync(join(contentDir, 'Second mention.md'));
    const unlinked = await buildSite({ contentDir });
    expect(renderCounts(unlinked.log)).toEqual({ rendered: 0, cached: 8 });
    expect(existsSync(join(unlinked.outDir, 'notes', 'brand_new_idea'))).toBe(false);
    expect(page(unlinked.outDir, 'tacit_knowledge')).toContain('<span class="wiki-link wiki-link-single-mention"');
    expect(page(unlinked.outDir, 'tacit_knowledge')).not.toContain('href="/notes/brand_new_idea/"');
  });

  test('adding a note renders it and the notes that link to its title, nothing else', async () => {
    // "municipal system standardization" is a missing title linked from two notes.
    expect(page(first.outDir, 'business_model_of_municipal_system_orders')).toMatch(/class="wiki-link wiki-link-missing"[^>]*>municipal system standardization/);
    writeFileSync(join(contentDir, 'Municipal system standardization.md'), '---\ntitle: "Municipal system standardization"\n---\nMaking every system the same.\n');
    const added = await buildSite({ contentDir });
    expect(renderCounts(added.log)).toEqual({ rendered: 3, cached: 6 });
    const linking = page(added.outDir, 'business_model_of_municipal_system_orders');
    expect(linking).toMatch(/href="\/notes\/municipal_system_standardization\/" class="wiki-link">municipal system standardization/);
    expect(page(added.outDir, 'municipal_system_standardization')).toContain('Making every system the same.');
  });

  test('a build over an earlier site replaces it: a removed note leaves no page, and nothing is left aside', async () => {
    writeFileSync(join(contentDir, 'Orphan.md'), 'A note nothing links to.\n');
    const { outDir } = await buildSite({ contentDir });
    expect(existsSync(join(outDir, 'notes', 'orphan', 'index.html'))).toBe(true);
    rmSync(join(contentDir, 'Orphan.md'));
    await buildSite({ contentDir, outDir });
    expect(existsSync(join(outDir, 'notes', 'orphan'))).toBe(false);
    expect(page(outDir, 'tacit_knowledge')).toContain('A new line about');
    expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(readdirSync(dirname(outDir)).filter((name) => name.startsWith(`${basename(outDir)}.old-`))).toEqual([]);
  });
});
