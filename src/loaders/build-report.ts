/**
 * Step 6: what the build says about the notes: the translation summary, every problem as
 * `file:line: message`, and one line of counts and phase times (`npm run bench` reads it).
 * In strict mode any problem fails the build.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { DateSource } from '../lib/notes/note-dates.ts';
import type { SourceProblem } from '../lib/notes/source-problem.ts';
import type { NotePage } from './note-pages.ts';
import type { EmbedCounts } from './assemble-notes.ts';
import type { GitHistory } from './read-git-history.ts';

export interface BuildFacts {
  pages: readonly NotePage[];
  problems: readonly SourceProblem[];
  missingPages: number;
  /** Titles no note has that only one note links: no page (`lib/links/single-mentions.ts`). */
  singleMentions?: number;
  sharedTitles: number;
  nearMisses: number;
  /** Where the notes' dates came from, and what git said. */
  dates: { from: Record<DateSource, number>; history: GitHistory };
  renderedCount: number;
  /** What the notes embed (`![[…]]`, images), and how much of it was shown. */
  embeds: EmbedCounts;
  /** Seconds of each phase, as printed. */
  seconds: { read: string; render: string; graphAndStore: string };
}

export function reportBuild(logger: AstroIntegrationLogger, facts: BuildFacts, strict: boolean): void {
  const { pages, problems } = facts;
  const viaOriginal = pages.reduce(
    (sum, { result }) => sum + result.links.filter(({ link }) => link.kind === 'note' && link.via === 'original-title').length,
    0,
  );
  const damaged = pages.reduce((sum, { damagedLinks }) => sum + damagedLinks.length, 0);
  const translated = pages.filter(({ translations }) => translations.length > 0).length;
  const unreadableFooters = pages.reduce((sum, { footers }) => sum + footers.unreadableLines.length, 0);
  logger.info(
    `translations: ${translated} notes name their original; ${viaOriginal} links reached a note by its original title; ` +
      `translation issues: ${damaged} damaged links, ${facts.nearMisses} missing titles close to a note's title, ` +
      `${unreadableFooters} unreadable footers ` +
      '(listed on /translation-issues/)',
  );

  logger.info(datesLine(facts.dates));
  const embeds = embedsLine(facts.embeds);
  if (embeds) logger.info(embeds);

  for (const problem of problems) {
    logger.warn(printable(`${problem.filePath}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`));
  }
  logger.info(
    `${pages.length} notes, ${facts.missingPages} pages for missing links` +
      (facts.sharedTitles ? `, ${facts.sharedTitles} titles shared by several notes` : '') +
      (problems.length ? `, ${problems.length} warnings` : '') +
      ` (read ${facts.seconds.read} s, render ${facts.seconds.render} s [${facts.renderedCount} rendered, ${pages.length - facts.renderedCount} from the cache], graph and store ${facts.seconds.graphAndStore} s)`,
  );
  if (facts.singleMentions) {
    logger.info(`${facts.singleMentions} missing titles are linked by one note only: no page, their links drawn as mentioned only here (SINGLE_MENTION_PAGES=1 gives them pages)`);
  }
  if (problems.length > 0 && strict) {
    throw new Error(
      `Strict mode (STRICT=1): the build stops on the ${problems.length} warnings above. Fix them, or build without STRICT to publish with the fallbacks they describe.`,
    );
  }
}

/**
 * Where the notes' dates came from, in one line; with a shallow clone, that its dates are
 * too recent and how to get the whole history.
 */
export function datesLine({ from, history }: BuildFacts['dates']): string {
  const counts = `dates: ${from.git} notes from git, ${from.frontmatter} from frontmatter, ${from.file} from file times`;
  if (history.kind === 'none') return `${counts} (${history.reason})`;
  const uncommitted = from.file > 0 ? ' (not committed, or changed since)' : '';
  const read = ` (git history read in ${history.seconds.toFixed(1)} s)`;
  const shallow = history.isShallow
    ? '; the repository is a shallow clone, so notes last changed before its oldest commit are dated by that commit: ' +
      'fetch the whole history (git fetch --unshallow, or fetch-depth: 0 for actions/checkout) for their true dates'
    : '';
  return `${counts}${uncommitted}${read}${shallow}`;
}

/** What the notes embed, in one line; nothing when no note embeds anything. */
export function embedsLine({ notes, images, files }: EmbedCounts): string | undefined {
  if (notes.written + images.written + files.written === 0) return undefined;
  return (
    `embeds: ${notes.written} of notes, ${notes.shown} shown; ${images.written} of images, ${images.shown} shown ` +
    `(${images.encoded} encoded, ${images.reused} from the cache); ${files.written} of other files, ${files.linked} linked`
  );
}

/**
 * A warning as one line of plain text: control characters from file names, titles or link
 * texts (a new line, an escape sequence that would clear or recolour the terminal) shown as
 * `\xHH` / `\uHHHH`, so every problem stays one line that names its file.
 */
export function printable(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}
