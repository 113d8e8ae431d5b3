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
  const plain = log.replace(/\u001b\[[0-9;]*m/g, '');
  const pageLines = [...plain.matchAll(/├─ \S+\.html(.*)$/gm)];
  const copied = pageLines.filter((line) => /\((restored|cached)\)/.test(line[1]!)).length;
  const loader = /\(read ([\d.]+) s, render ([\d.]+) s(?: \[(\d+) rendered, (\d+) from the cache\])?, graph and store ([\d.]+) s\)/.exec(log);
  return {
    'content sync': between(/\[content\] Syncing content/, /\[content\] Synced content/),
    'loader: read': loader ? Number(loader[1]) : NaN,
    'loader: render': loader ? Number(loader[2]) : NaN,
    'loader: notes rendered': loader?.[3] ? Number(loader[3]) : NaN,
    'loader: graph+store': loader ? Number(loader[5]) : NaN,
    'bundle (vite)': between(/Building static entrypoints/, /\[vite\] ✓ built/),
    'page generation': between(/Rearranging server assets/, /^✓ Completed in/),
    'pages rendered': pageLines.length - copied,
    'pages copied from the last build': copied,
    'search index': Number(/Indexed \d+ pages for search in ([\d.]+) s/.exec(log)?.[1] ?? NaN),
    'search bundles indexed': Number(/in \d+ bundles?: (\d+) indexed/.exec(log)?.[1] ?? NaN),
    'search bundles copied': Number(/(\d+) copied from the build cache/.exec(log)?.[1] ?? NaN),
  };
}

