/**
 * Obsidian's callout types: the name written in `> [!name]` picks one of these kinds, which
 * sets the box's icon and colour (`global.css`, `.callout-<kind>`). Names are read without
 * regard to case; an unknown name is drawn as `note` and keeps its own name as the title.
 */

export const CALLOUT_KINDS = {
  note: [],
  abstract: ['summary', 'tldr'],
  info: [],
  todo: [],
  tip: ['hint', 'important'],
  success: ['check', 'done'],
  question: ['help', 'faq'],
  warning: ['caution', 'attention'],
  failure: ['fail', 'missing'],
  danger: ['error'],
  bug: [],
  example: [],
  quote: ['cite'],
} as const satisfies Record<string, readonly string[]>;

export type CalloutKind = keyof typeof CALLOUT_KINDS;

const KIND_BY_NAME = new Map<string, CalloutKind>(
  Object.entries(CALLOUT_KINDS).flatMap(([kind, aliases]) => [kind, ...aliases].map((name) => [name, kind as CalloutKind])),
);

export function calloutKind(name: string): CalloutKind {
  return KIND_BY_NAME.get(name.toLowerCase()) ?? 'note';
}

/** The title shown when none is written: the name as written, first letter upper-cased (Obsidian's). */
export function defaultCalloutTitle(name: string): string {
  const lower = name.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Every class a callout may carry, for the sanitizer. */
export const CALLOUT_CLASSES = ['callout', 'callout-title', 'callout-content', ...Object.keys(CALLOUT_KINDS).map((kind) => `callout-${kind}`)];
