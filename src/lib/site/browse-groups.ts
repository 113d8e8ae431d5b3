/**
 * Groups for browsing every note alphabetically: one page per initial, so the list stays
 * usable at tens of thousands of notes.
 */
import { compareTitles } from '../links/link-graph.ts';

export interface BrowseGroup {
  /** URL segment: `a` to `z`, `0-9`, `ja` (Japanese) or `other`. */
  id: string;
  label: string;
}

const DIGITS: BrowseGroup = { id: '0-9', label: '0–9' };
const JAPANESE: BrowseGroup = { id: 'ja', label: '日本語' };
const OTHER: BrowseGroup = { id: 'other', label: 'Other' };

/** The group a title is listed under, by its first letter (accents and case ignored). */
export function browseGroupOf(title: string): BrowseGroup {
  const first = [...title.normalize('NFD').replace(/\p{M}/gu, '').trim()][0] ?? '';
  const lower = first.toLowerCase();
  if (/^[a-z]$/.test(lower)) return { id: lower, label: lower.toUpperCase() };
  if (/^[0-9]$/.test(first)) return DIGITS;
  if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(first)) return JAPANESE;
  return OTHER;
}

/** Fixed order of the groups: letters, digits, Japanese, everything else. */
export const GROUP_ORDER: readonly string[] = [
  ...'abcdefghijklmnopqrstuvwxyz',
  DIGITS.id,
  JAPANESE.id,
  OTHER.id,
];

export interface GroupedTitles<T> {
  group: BrowseGroup;
  items: T[];
}

/** Items grouped by initial, groups in `GROUP_ORDER`, items by title; empty groups left out. */
export function groupByInitial<T>(items: readonly T[], titleOf: (item: T) => string): GroupedTitles<T>[] {
  const byId = new Map<string, GroupedTitles<T>>();
  for (const item of items) {
    const group = browseGroupOf(titleOf(item));
    let entry = byId.get(group.id);
    if (!entry) byId.set(group.id, (entry = { group, items: [] }));
    entry.items.push(item);
  }
  for (const entry of byId.values()) entry.items.sort((a, b) => compareTitles(titleOf(a), titleOf(b)));
  return [...byId.values()].sort((a, b) => GROUP_ORDER.indexOf(a.group.id) - GROUP_ORDER.indexOf(b.group.id));
}
