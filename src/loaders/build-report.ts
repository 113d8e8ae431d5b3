/**
 * Step 6: what the build says about the notes: the translation summary, every problem as
 * `file:line: message`, and one line of counts and phase times (`npm run bench` reads it).
 * In strict mode any problem fails the build.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { SourceProblem } from '../lib/notes/note-source.ts';
import type { NotePage } from './note-pages.ts';

export interface BuildFacts {
  pages: readonly NotePage[];
  problems: readonly SourceProblem[];
  missingPages: number;
  sharedTitles: number;
  nearMisses: number;
  renderedCount: number;
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

  for (const problem of problems) {
    logger.warn(`${problem.filePath}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  }
  logger.info(
    `${pages.length} notes, ${facts.missingPages} pages for missing links` +
      (facts.sharedTitles ? `, ${facts.sharedTitles} titles shared by several notes` : '') +
      (problems.length ? `, ${problems.length} warnings` : '') +
      ` (read ${facts.seconds.read} s, render ${facts.seconds.render} s [${facts.renderedCount} rendered, ${pages.length - facts.renderedCount} from the cache], graph and store ${facts.seconds.graphAndStore} s)`,
  );
  if (problems.length > 0 && strict) {
    throw new Error(
      `Strict mode (STRICT=1): the build stops on the ${problems.length} warnings above. Fix them, or build without STRICT to publish with the fallbacks they describe.`,
    );
  }
}
