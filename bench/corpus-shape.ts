/**
 * The shape of a corpus of Scrapbox-export notes, by a simple count independent of the site's
 * link reading: what `bench/synthetic-corpus.ts` is calibrated to, and what its test checks.
 *
 *   node bench/corpus-shape.ts DIR        (a folder of notes, e.g. ../shared/corpora/nishio-en/pages)
 *
 * Links are `[[…]]` and `#hashtags` outside code; a link reaches a note when its text, less a
 * line anchor and with `_` read as a space, is a note's title ignoring case. A missing title is
 * counted by the distinct notes that link it (a note that links it twice counts once).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusShape {
  notes: number;
  bytes: number;
  /** Median, 90th and 99th percentile of a note's size in bytes. */
  noteBytes: { median: number; p90: number; p99: number };
  /** Wiki links and hashtags. */
  linkOccurrences: number;
  wikiLinkOccurrences: number;
  hashtagOccurrences: number;
  /** Median links per note, and the share of notes with none. */
  linksPerNote: { mean: number; median: number; noneShare: number };
  /** Share of wiki link occurrences that reach a note (hashtags left out, as in the real figures). */
  toNoteShare: number;
  missingTitles: number;
  /** Missing titles by how many distinct notes link them. */
  missingLinkedBy: { one: number; two: number; threeOrMore: number };
  /** Share of notes whose last line is a translation footer naming a Japanese original title. */
  japaneseFooterShare: number;
}

const LINE_ANCHOR = /#[0-9a-f]{24}$/i;
const keyOf = (text: string) => text.replace(LINE_ANCHOR, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/** The title in the frontmatter, as the generator and the Scrapbox export write it. */
function titleOf(text: string): string | undefined {
  const match = /^---\n title: (?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)')\n/.exec(text.replace(/^---\ntitle/, '---\n title'));
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]!.replace(/''/g, "'");
}

/** The link texts of a note: wiki links, then hashtags, outside fenced code and code spans. */
export function linksOf(text: string): { wiki: string[]; hashtags: string[] } {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const wiki: string[] = [];
  const hashtags: string[] = [];
  let inFence = false;
  for (const line of body.split('\n')) {
    if (/^\s*(?:- )?```/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const text = line.replace(/`[^`]*`/g, '');
    for (const match of text.matchAll(/\[\[([^[\]\n]+)\]\]/g)) wiki.push(match[1]!);
    const outsideLinks = text.replace(/\[\[[^\]]*\]\]|\[[^\]]*\]\([^)]*\)|<[^>]*>/g, ' ');
    for (const match of outsideLinks.matchAll(/(?<=^|[\s(])#([A-Za-z][^\s#()[\]]*?)(?=[.,;:!?)]*(?:\s|$))/g)) hashtags.push(match[1]!);
  }
  return { wiki, hashtags };
}

export function measureShape(notes: Iterable<{ fileName: string; text: string }>): CorpusShape {
  const titleKeys = new Set<string>();
  const read: { links: string[]; hashtags: number; bytes: number; title: string | undefined; japaneseFooter: boolean }[] = [];
  for (const { fileName, text } of notes) {
    const title = titleOf(text) ?? fileName.replace(/\.md$/, '');
    titleKeys.add(keyOf(title));
    const { wiki, hashtags } = linksOf(text);
    const footer = /\nThis page is auto-translated from \[\/nishio\/([^\]\n]*)\]/.exec(text);
    read.push({
      links: [...wiki, ...hashtags],
      hashtags: hashtags.length,
      bytes: Buffer.byteLength(text),
      title,
      japaneseFooter: footer !== null && /[\u3040-\u30ff\u4e00-\u9fff]/.test(footer[1]!),
    });
  }
  const linkers = new Map<string, Set<number>>();
  let toNote = 0;
  let occurrences = 0;
  let hashtagOccurrences = 0;
  read.forEach((note, i) => {
    hashtagOccurrences += note.hashtags;
    note.links.forEach((link, j) => {
      occurrences++;
      const key = keyOf(link);
      if (titleKeys.has(key)) {
        if (j < note.links.length - note.hashtags) toNote++;
        return;
      }
      let set = linkers.get(key);
      if (!set) linkers.set(key, (set = new Set()));
      set.add(i);
    });
  });
  const missingLinkedBy = { one: 0, two: 0, threeOrMore: 0 };
  for (const set of linkers.values()) {
    if (set.size === 1) missingLinkedBy.one++;
    else if (set.size === 2) missingLinkedBy.two++;
    else missingLinkedBy.threeOrMore++;
  }
  const sizes = read.map((note) => note.bytes).sort((a, b) => a - b);
  const counts = read.map((note) => note.links.length).sort((a, b) => a - b);
  const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    notes: read.length,
    bytes: sizes.reduce((sum, size) => sum + size, 0),
    noteBytes: { median: at(sizes, 0.5), p90: at(sizes, 0.9), p99: at(sizes, 0.99) },
    linkOccurrences: occurrences,
    wikiLinkOccurrences: occurrences - hashtagOccurrences,
    hashtagOccurrences,
    linksPerNote: { mean: occurrences / Math.max(1, read.length), median: at(counts, 0.5), noneShare: counts.filter((n) => n === 0).length / Math.max(1, read.length) },
    toNoteShare: toNote / Math.max(1, occurrences - hashtagOccurrences),
    missingTitles: linkers.size,
    missingLinkedBy,
    japaneseFooterShare: read.filter((note) => note.japaneseFooter).length / Math.max(1, read.length),
  };
}

function* notesIn(dir: string): Generator<{ fileName: string; text: string }> {
  for (const fileName of readdirSync(dir).filter((name) => name.endsWith('.md')).sort()) {
    yield { fileName, text: readFileSync(join(dir, fileName), 'utf8') };
  }
}

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/corpus-shape.ts DIR');
    process.exit(2);
  }
  console.log(JSON.stringify(measureShape(notesIn(resolve(dir))), null, 2));
}
