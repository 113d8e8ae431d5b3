// Bundled for the browser: imports nothing from node:*.
/**
 * Finding pages in the global graph by title: the indices of the titles that contain the
 * query (ignoring case), best first: the whole title, then titles that start with it, then
 * the rest, shorter titles before longer ones.
 */
export function rankTitleMatches(titles: readonly string[], query: string, pageCount = titles.length, limit = 10): number[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches: { index: number; rank: number; length: number }[] = [];
  for (let index = 0; index < pageCount; index++) {
    const title = titles[index]!.toLowerCase();
    const at = title.indexOf(needle);
    if (at < 0) continue;
    matches.push({ index, rank: title === needle ? 0 : at === 0 ? 1 : 2, length: title.length });
  }
  return matches
    .sort((a, b) => a.rank - b.rank || a.length - b.length || a.index - b.index)
    .slice(0, limit)
    .map((match) => match.index);
}
