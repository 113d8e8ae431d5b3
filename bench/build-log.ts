/** Reading phase times out of an `astro build` log (time-stamped lines, our loader's and indexer's summaries). */

/** Seconds of each build phase, read from the build log. */
export function buildPhases(log: string): Record<string, number> {
  const clock = (pattern: RegExp) => {
    // A pattern starting with ^ must follow the time stamp directly; others anywhere on the line.
    const rest = pattern.source.startsWith('^') ? ` ${pattern.source.slice(1)}` : `.*${pattern.source}`;
    const match = new RegExp(`^(\\d\\d):(\\d\\d):(\\d\\d)${rest}`, 'm').exec(log);
    return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
  };
  const between = (from: RegExp, to: RegExp) => {
    const [a, b] = [clock(from), clock(to)];
    return a === undefined || b === undefined ? NaN : (b - a + 86400) % 86400;
  };
  const pages = generatedPages(log).filter((page) => page.path.endsWith('.html'));
  const copied = pages.filter((page) => page.copied).length;
  const kept = pages.filter((page) => page.kept).length;
  const loader = /\(read ([\d.]+) s, render ([\d.]+) s(?: \[(\d+) rendered, (\d+) from the cache\])?, graph and store ([\d.]+) s\)/.exec(log);
  return {
    'content sync': between(/\[content\] Syncing content/, /\[content\] Synced content/),
    'loader: read': loader ? Number(loader[1]) : NaN,
    'loader: render': loader ? Number(loader[2]) : NaN,
    'loader: notes rendered': loader?.[3] ? Number(loader[3]) : NaN,
    'loader: graph+store': loader ? Number(loader[5]) : NaN,
    'bundle (vite)': between(/Building static entrypoints/, /\[vite\] ✓ built/),
    'page generation': between(/Rearranging server assets/, /^✓ Completed in/),
    'pages rendered': pages.length - copied - kept,
    'pages copied from the last build': copied,
    'pages kept in place': kept,
    'search index': Number(/Indexed \d+ pages for search in ([\d.]+) s/.exec(log)?.[1] ?? NaN),
    'search bundles indexed': Number(/in \d+ bundles?: (\d+) indexed/.exec(log)?.[1] ?? NaN),
    'search bundles copied': Number(/(\d+) copied from the build cache/.exec(log)?.[1] ?? NaN),
    'search: pages read': Number(/(\d+) pages read to see what changed/.exec(log)?.[1] ?? NaN),
  };
}

/** A page of Astro's page generation, as its log tells it. */
export interface GeneratedPage {
  path: string;
  /** Copied from the build cache ("(restored)") rather than rendered. */
  copied: boolean;
  /** Found unchanged in the output folder, where the last build left it ("(cached)"), rather than rendered. */
  kept: boolean;
}

/**
 * The pages the log of `astro build` lists, in the order it lists them. Astro generates
 * several pages at once (`build.concurrency`): a rendered page's line is begun with its path
 * and ended with its time once it is written, and other pages' output lands in between, even
 * on the same line. A copied page's path and "(restored)" are written together. So each entry
 * runs from one "├─ " to the next: a copy when "(restored)" is in it, kept in place when "(cached)" is.
 */
export function generatedPages(log: string): GeneratedPage[] {
  const plain = log.replace(/\u001b\[[0-9;]*m/g, '');
  const entries = plain.split('├─ ').slice(1);
  return entries.map((entry) => ({ path: pathOf(entry), copied: entry.includes('(restored)'), kept: entry.includes('(cached)') }));
}

/**
 * The path an entry begins with. Anything may be written right after a rendered page's path
 * (the time stamp of the next line, a page's own message), so a page's path ends at its
 * first `/index.html` or `.html`; any other file's at a space or a time stamp.
 */
function pathOf(entry: string): string {
  return (/^\S*?\/index\.html/.exec(entry) ?? /^\S*?\.html/.exec(entry) ?? /^\S+?(?=\s|\d\d:\d\d:\d\d\s|$)/.exec(entry))?.[0] ?? '';
}
