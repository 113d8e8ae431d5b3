/** Lines of Markdown outside fenced code, for the pre-passes that rewrite lines before parsing. */

const FENCE = /^\s*(?:>\s*)*(`{3,}|~{3,})/;

/**
 * Calls `visit` with each line that is not in fenced code and not a fence itself (a fence may
 * stand in a block quote); a fence closes on the same character, at least as long.
 */
export function forEachLineOutsideFences(lines: readonly string[], visit: (line: string, index: number) => void): void {
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const marker = FENCE.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence === undefined) visit(line, i);
  });
}
