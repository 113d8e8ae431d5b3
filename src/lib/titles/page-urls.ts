/**
 * Who gets which URL when several pages want one: the title index's allocation, apart so
 * that it reads as one rule. Pages are compared as case-insensitive file systems compare
 * names (`fileSystemKey`), so that no two pages share a folder there either.
 */
import { fileSystemKey, slugWithSuffix, type NoteSlug, type SlugHash } from './slugs.ts';
import type { TitleKey } from './titles.ts';

/** A page that has a URL from the start: a note, or the page listing the notes of a shared title. */
export interface UrlClaim {
  key: TitleKey;
  title: string;
  /** Undefined for a listing page. */
  filePath: string | undefined;
  wanted: NoteSlug;
  slug: NoteSlug;
}

/**
 * Gives every claim a URL no other claim has, even on a case-insensitive file system: in
 * each group of claims that want one URL, the first by title key, then file path (a listing
 * page, which has none, first) keeps it, and the others get it with `~` and a hash of
 * their key and file added. Returns, for each claim that lost, the claim that kept the URL.
 */
export function allocateUrls(claims: UrlClaim[], hash: SlugHash): Map<UrlClaim, UrlClaim> {
  const order = (a: UrlClaim, b: UrlClaim) => compareText(a.key, b.key) || compareText(a.filePath ?? '', b.filePath ?? '');
  const groups = new Map<string, UrlClaim[]>();
  for (const claim of claims) {
    const fsKey = fileSystemKey(claim.wanted);
    const group = groups.get(fsKey);
    if (group) group.push(claim);
    else groups.set(fsKey, [claim]);
  }
  const taken = new Set(groups.keys());
  const holders = new Map<UrlClaim, UrlClaim>();
  const losers = [...groups.values()].filter((group) => group.length > 1).flatMap((group) => {
    const [holder, ...others] = group.sort(order);
    for (const other of others) holders.set(other, holder!);
    return others;
  });
  for (const claim of losers.sort(order)) {
    claim.slug = freeSlug(claim.wanted, (attempt) => `${claim.key}\n${claim.filePath ?? ''}\n${attempt}`, (candidate) => taken.has(fileSystemKey(candidate)), hash);
    taken.add(fileSystemKey(claim.slug));
  }
  return holders;
}

/** `wanted` if it is free, else `wanted` with `~` and the hash of the first free attempt. */
export function freeSlug(wanted: NoteSlug, attemptText: (attempt: number) => string, isTaken: (slug: NoteSlug) => boolean, hash: SlugHash): NoteSlug {
  let slug = wanted;
  for (let attempt = 1; isTaken(slug); attempt++) slug = slugWithSuffix(wanted, hash(attemptText(attempt)));
  return slug;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
