// Bundled for the browser as well: imports nothing.
/**
 * Array edits that take any number of items. `array.splice(i, n, ...items)`,
 * `array.push(...items)` and `Math.min(...items)` pass every item as an argument, and past
 * about 100,000 of them V8 throws "Maximum call stack size exceeded": one note of 125,000
 * headings or 200,000 hashtags on a line stopped the build that way.
 */

/** `array.splice(start, deleteCount, ...items)` for any number of items. */
export function spliceMany<T>(array: T[], start: number, deleteCount: number, items: readonly T[]): void {
  const tail = array.slice(start + deleteCount);
  array.length = start;
  pushMany(array, items);
  pushMany(array, tail);
}

/** `array.push(...items)` for any number of items. */
export function pushMany<T>(array: T[], items: readonly T[]): void {
  for (const item of items) array.push(item);
}

/** The smallest number, or `Infinity` for none, for any number of them. */
export function minOf(numbers: Iterable<number>): number {
  let min = Infinity;
  for (const number of numbers) if (number < min) min = number;
  return min;
}
