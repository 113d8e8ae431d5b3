/**
 * What the search index step learned of each built page the last time it read it: the
 * page file's identity (size, inode, and its modification and change times in nanoseconds)
 * and the fingerprint of what Pagefind gets of it (`search/index-site.ts`). A page whose file
 * identity is the same as then is not read again to learn whether its bundle changed.
 *
 * Any write to the file changes its change time, which no program can set back (`utimes`
 * sets only the access and modification times), and renaming it or copying it over gives a
 * new one too: a page Astro rendered or copied again, or one edited by hand, is read again.
 * A file that cannot be read, or that another version wrote, is ignored with one line: every
 * page is read, as without it.
 */
import type { BigIntStats } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const FORMAT = 1;

/** A page's fingerprint, or null for a page with no searchable part. */
export type Fingerprint = string | null;

/** Page file (relative to the output folder) → its file identity and fingerprint then. */
export type PageFingerprints = Map<string, { identity: string; fingerprint: Fingerprint }>;

/** A file's identity: equal for two `stat`s of a file no one has written, renamed or replaced in between. */
export function fileIdentity(stats: Pick<BigIntStats, 'size' | 'ino' | 'dev' | 'mtimeNs' | 'ctimeNs'>): string {
  return `${stats.size}:${stats.dev}:${stats.ino}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** The fingerprint known for `file` when its identity is `identity`; undefined: it must be read. */
export function knownFingerprint(known: PageFingerprints, file: string, identity: string): Fingerprint | undefined {
  const entry = known.get(file);
  return entry !== undefined && entry.identity === identity ? entry.fingerprint : undefined;
}

/** The fingerprints `file` holds, if the same indexer (its code and options, `indexer`) wrote them; else none. */
export async function readPageFingerprints(file: string, indexer: string): Promise<{ known: PageFingerprints; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { known: new Map() };
    return { known: new Map(), problem: `The page fingerprints ${file} cannot be read: every page is read again.` };
  }
  try {
    const stored = JSON.parse(text) as { format?: unknown; indexer?: unknown; pages?: unknown };
    if (stored?.format !== FORMAT || !Array.isArray(stored.pages)) throw new Error('not this format');
    const known: PageFingerprints = new Map();
    for (const entry of stored.pages as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 3) throw new Error('an entry is not [file, identity, fingerprint]');
      const [page, identity, fingerprint] = entry as unknown[];
      if (typeof page !== 'string' || typeof identity !== 'string' || (fingerprint !== null && typeof fingerprint !== 'string')) {
        throw new Error('an entry is not [file, identity, fingerprint]');
      }
      known.set(page, { identity, fingerprint });
    }
    // Another indexer may fingerprint the same page otherwise: nothing of it is used, quietly.
    return { known: stored.indexer === indexer ? known : new Map() };
  } catch {
    return { known: new Map(), problem: `The page fingerprints ${file} are not ones this version wrote: every page is read again.` };
  }
}

/** Written aside and renamed: an interrupted build never leaves half a file. */
export async function writePageFingerprints(file: string, indexer: string, pages: PageFingerprints): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const entries = [...pages].map(([page, { identity, fingerprint }]) => [page, identity, fingerprint]);
  await writeFile(`${file}.tmp`, JSON.stringify({ format: FORMAT, indexer, pages: entries }));
  await rename(`${file}.tmp`, file);
}
