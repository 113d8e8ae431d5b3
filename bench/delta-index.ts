/**
 * The search index a rebuild would write if it indexed only the pages that changed: the pages
 * that did not change in one Pagefind index (`pagefind/`, the base) and the changed ones in a
 * second, small one (`pagefind/bundle-1/`, the delta) that the browser merges into it, as the
 * site's search already merges bundles (`lib/search/index-bundles.ts`). The base holds no
 * record of a changed page: exactly what a base filtered of its stale records would answer.
 *
 * Used by `npm run bench:search -- --delta-index`, which puts the pages of the sampled notes
 * into the delta (as if all of them had just been edited) and asks the same questions, to
 * compare a delta index with a full one on the pages a writer has just changed.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { BUNDLE_LIST_FILE, bundleList } from '../src/lib/search/index-bundles.ts';
import { pageForIndex } from '../src/lib/search/index-html.ts';
import { INDEX_FILES, pageUrl } from '../src/search/index-site.ts';

const TITLE = /data-title="([^"]*)"/;
const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#39;': "'" };

/** Rewrites `<site>/pagefind/` as a base and a delta holding the pages titled `titles`; the word list is kept. */
export async function splitIntoDelta(site: string, titles: ReadonlySet<string>): Promise<{ base: number; delta: number }> {
  const files = readdirSync(site, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind`))
    .sort();
  const base: [string, string][] = [];
  const delta: [string, string][] = [];
  for (const file of files) {
    const html = readFileSync(join(site, file), 'utf8');
    const content = pageForIndex(html);
    if (content === undefined) continue;
    const title = TITLE.exec(content)?.[1]?.replace(/&(quot|amp|lt|gt|#39);/g, (entity) => ENTITIES[entity]!);
    const url = pageUrl(file);
    (title !== undefined && titles.has(title) ? delta : base).push([url, content]);
  }
  const folder = join(site, 'pagefind');
  const words = join(site, 'pagefind-words-kept');
  rmSync(words, { recursive: true, force: true });
  renameSync(join(folder, 'words'), words);
  rmSync(folder, { recursive: true, force: true });
  await writeIndex(base, folder);
  await writeIndex(delta, join(folder, 'bundle-1'));
  for (const file of readdirSync(join(folder, 'bundle-1'), { recursive: true }).map(String)) {
    // What a merged bundle keeps of Pagefind's output, as the index step keeps it.
    if (!INDEX_FILES.test(file) && !file.includes(sep) && file.includes('.')) rmSync(join(folder, 'bundle-1', file));
  }
  writeFileSync(join(folder, BUNDLE_LIST_FILE), JSON.stringify(bundleList(2)));
  renameSync(words, join(folder, 'words'));
  return { base: base.length, delta: delta.length };
}

async function writeIndex(pages: readonly [string, string][], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const [url, content] of pages) {
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length > 0) throw new Error(`${url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
}
