/**
 * What a translated note is a translation of. Auto-translated notes end with a footer:
 *
 *   ---
 *   This page is auto-translated from [/nishio/原題](https://scrapbox.io/nishio/原題) using DeepL. If you …
 *
 * The footer is read into data and cut from the body, so the page can say at the top what
 * the original is, and the footer's boilerplate is neither shown twice nor searched.
 * Frontmatter `original_title` and `source` (a URL) win over the (first) footer, so notes
 * from elsewhere can say the same without one.
 */

export interface TranslationSource {
  /** The original page's title, in its own language. */
  title: string;
  /** Where the original can be read. */
  url: string;
  /** The wiki project the original belongs to, e.g. `nishio`, when known. */
  project?: string | undefined;
  /** The machine translation engine, e.g. `DeepL`, when the footer names one. */
  engine?: string | undefined;
}

export interface ExtractedFooters {
  /** The body with its footers blanked out (their lines kept empty, so line numbers hold). */
  body: string;
  /** One for each footer, in order; Scrapbox pages merged into one note keep a footer each. */
  sources: TranslationSource[];
  /** 1-based body lines of footers that looked like translation footers but could not be read. */
  unreadableLines: number[];
}

// A footer is a line of its own, usually after a `---` line; mostly the last line, but merged
// or extended notes have footers in the middle too.
const FOOTER_LINE = /(^|\r?\n)(?:---[ \t]*\r?\n)?([ \t]*This page is auto-translated from [^\r\n]*)/g;
// The link's URL is not Markdown-safe in the corpus (spaces, unbalanced parentheses), so it
// runs to the `)` that is followed by " using", "." or the end.
const FOOTER =
  /^This page is auto-translated from \[\/([^/\]\n]+)\/([^\n]+?)\]\((https?:\/\/[^\n]+?)\)(?= using |\.|\s*$)(?: using ([A-Za-z][\w-]*(?: [A-Z][\w-]*)*))?/;

/** Cuts the translation footers out of a note's Markdown body and reads them. */
export function extractTranslationFooters(body: string): ExtractedFooters {
  const sources: TranslationSource[] = [];
  const unreadableLines: number[] = [];
  const kept = body.replace(FOOTER_LINE, (whole, _lineStart: string, footer: string, offset: number) => {
    const parsed = FOOTER.exec(footer.trim());
    if (!parsed) {
      unreadableLines.push(body.slice(0, offset + whole.length).split('\n').length);
      return whole;
    }
    const [, project, title = '', url = '', engine] = parsed;
    sources.push({ title: title.trim(), url: url.trim(), project, engine });
    // Keep the line breaks, so later problems still name the right line.
    return whole.replace(/[^\n]/g, '');
  });
  return { body: kept, sources, unreadableLines };
}

/** The frontmatter's own statement of the source, which wins over a footer's. */
export function sourcesWithFrontmatter(
  frontmatter: Record<string, unknown>,
  fromFooters: TranslationSource[],
): TranslationSource[] {
  const title = frontmatter.original_title;
  const url = frontmatter.source;
  if (typeof title !== 'string' && typeof url !== 'string') return fromFooters;
  const [first, ...rest] = fromFooters;
  const main: TranslationSource = {
    ...first,
    title: typeof title === 'string' ? title : (first?.title ?? ''),
    url: typeof url === 'string' ? url : (first?.url ?? ''),
  };
  return [main, ...rest];
}
