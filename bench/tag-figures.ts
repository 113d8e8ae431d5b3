/**
 * What reading `#hashtags` and frontmatter `tags:` as links does to a body of notes: how many
 * hashtags become links, to how many titles, how many pages for missing titles only they
 * make, and the most frequent, so a reader can judge them (issue 15). Every note is rendered
 * with the site's own pipeline in one process, as `render-floor.ts` does.
 *
 *   node bench/tag-figures.ts --content <notes folder> [--top 20]
 *
 * Prints one JSON object.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { frontmatterTags, tagLinks } from '../src/lib/links/tags.ts';
import { createNoteRenderer } from '../src/lib/markdown/note-renderer.ts';
import { listNoteFiles } from '../src/lib/notes/note-files.ts';
import { parseNoteSource } from '../src/lib/notes/note-source.ts';
import { buildTitleIndex } from '../src/lib/titles/title-index.ts';
import { extractTranslationFooters } from '../src/lib/translation/translation-source.ts';

const { values: args } = parseArgs({ options: { content: { type: 'string' }, top: { type: 'string', default: '20' } } });
if (!args.content) throw new Error('usage: node bench/tag-figures.ts --content <dir> [--top 20]');
const contentDir = resolve(args.content);

const files = await listNoteFiles(contentDir);
const limit = pLimit(64);
const sources = await Promise.all(files.map((file) => limit(async () => parseNoteSource(file, await readFile(join(contentDir, file), 'utf8')))));
const bodies = sources.map((source) => extractTranslationFooters(source.body));
const index = buildTitleIndex(
  sources.map((source, i) => ({ title: source.title, filePath: source.filePath, originalTitles: bodies[i]!.sources.map((t) => t.title) })),
);

const renderer = await createNoteRenderer(index, '/');
const missingByOther = new Set<string>();
const missingByTag = new Map<string, string>();
const hashtagCounts = new Map<string, number>();
let hashtags = 0;
let hashtagsToNotes = 0;
let notesWithHashtags = 0;
let frontmatterTagCount = 0;
let notesWithTags = 0;
for (const [i, source] of sources.entries()) {
  const { links } = await renderer.render(bodies[i]!.body, source.filePath);
  const tags = tagLinks(frontmatterTags(source.frontmatter), index).occurrences;
  if (tags.length > 0) notesWithTags++;
  frontmatterTagCount += tags.length;
  let hadHashtag = false;
  for (const occurrence of [...links, ...tags]) {
    const { link } = occurrence;
    if (occurrence.tag === 'hashtag') {
      hadHashtag = true;
      hashtags++;
      if (link.kind === 'note') hashtagsToNotes++;
      const written = occurrence.context.linkText;
      hashtagCounts.set(written, (hashtagCounts.get(written) ?? 0) + 1);
    }
    if (link.kind !== 'missing') continue;
    if (occurrence.tag) missingByTag.set(link.key, link.title);
    else missingByOther.add(link.key);
  }
  if (hadHashtag) notesWithHashtags++;
}
const newPages = [...missingByTag.keys()].filter((key) => !missingByOther.has(key));
const top = [...hashtagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, Number(args.top));
console.log(
  JSON.stringify(
    {
      notes: files.length,
      hashtagLinks: hashtags,
      hashtagLinksToNotes: hashtagsToNotes,
      distinctHashtags: hashtagCounts.size,
      notesWithHashtags,
      frontmatterTags: frontmatterTagCount,
      notesWithFrontmatterTags: notesWithTags,
      newMissingPages: newPages.length,
      mostFrequent: top.map(([tag, count]) => `${tag} ${count}`),
    },
    null,
    1,
  ),
);
