// Bundled for the browser: imports nothing from node:*.
/**
 * The keyboard in the list of a graph's pages (`scripts/graph-page-list.ts`): the arrow keys
 * step to the next or previous link, stopping at the ends, Home and End go to the first and
 * last. A key pressed with Alt, Ctrl or Meta is left to the browser.
 */

const STEPS = new Map<string, (at: number, last: number) => number>([
  ['ArrowDown', (at, last) => Math.min(at + 1, last)],
  ['ArrowRight', (at, last) => Math.min(at + 1, last)],
  ['ArrowUp', (at) => Math.max(at - 1, 0)],
  ['ArrowLeft', (at) => Math.max(at - 1, 0)],
  ['Home', () => 0],
  ['End', (_at, last) => last],
]);

export interface StepKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Whether the list takes this key (it steps), rather than the browser. */
export function isStepKey(event: StepKey): boolean {
  return STEPS.has(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey;
}

/** The index `key` steps to from the link at `at` of a list whose last index is `last`; undefined for a key that does not step. */
export function stepTo(key: string, at: number, last: number): number | undefined {
  return STEPS.get(key)?.(at, last);
}
