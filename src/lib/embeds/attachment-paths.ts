/**
 * Where an embedded file is in the content folder, as Obsidian finds it.
 *
 * - `![[picture.png]]` and `![[images/picture.png]]`: the path from the note's folder, then
 *   from the content folder, then any file whose path ends with it, anywhere in the vault
 *   (Obsidian's "shortest path when possible" links name only the file): the one in the
 *   note's own folder first, then the one with the fewest folders, then the shorter path,
 *   then code-unit order, so the choice never depends on the file system.
 * - `![alt](images/p.png)`, `![alt](../p.png)`: a relative URL from the note's folder
 *   (`/…` from the content folder), percent-decoded (`%20`); a path without `./` or `../`
 *   that is not there is looked up as above, as Obsidian does.
 * - Case is ignored when the exact case is not there (Obsidian on macOS and Windows).
 * - A path that leaves the content folder (`../../etc/passwd`) is refused: `outside`.
 * Files are the content folder's files less notes, hidden folders and `node_modules`
 * (`notes/note-files.ts`); symbolic links are not followed.
 */
import { posix } from 'node:path';

export interface AttachmentIndex {
  /** Content-relative paths, `/`-separated. */
  readonly files: ReadonlySet<string>;
  /** By lower-case NFC path: the paths that have it, sorted. */
  readonly byLowerPath: ReadonlyMap<string, readonly string[]>;
}

export type AttachmentPath = { kind: 'found'; path: string } | { kind: 'missing' } | { kind: 'outside' };

const fold = (path: string) => path.normalize('NFC').toLowerCase();
const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildAttachmentIndex(files: Iterable<string>): AttachmentIndex {
  const set = new Set<string>();
  const byLowerPath = new Map<string, string[]>();
  for (const file of files) {
    const path = file.normalize('NFC');
    set.add(path);
    const key = fold(path);
    const same = byLowerPath.get(key);
    if (same) same.push(path);
    else byLowerPath.set(key, [path]);
  }
  for (const paths of byLowerPath.values()) paths.sort(codeUnitOrder);
  return { files: set, byLowerPath };
}

/** The file a path names, exactly or ignoring case. */
function lookup(path: string, index: AttachmentIndex): string | undefined {
  const exact = path.normalize('NFC');
  if (index.files.has(exact)) return exact;
  return index.byLowerPath.get(fold(exact))?.[0];
}

/**
 * @param written the path as written in the embed
 * @param fromFile the note's file, relative to the content folder
 */
export function resolveAttachmentPath(written: string, fromFile: string, index: AttachmentIndex, syntax: 'wiki' | 'markdown'): AttachmentPath {
  let outside = false;
  for (const candidate of spellings(written, syntax)) {
    const found = resolveSpelling(candidate, fromFile, index);
    if (found.kind === 'found') return found;
    if (found.kind === 'outside') outside = true;
  }
  return outside ? { kind: 'outside' } : { kind: 'missing' };
}

/** As written, then percent-decoded; a Markdown URL less its `?query` and `#fragment`. */
function spellings(written: string, syntax: 'wiki' | 'markdown'): string[] {
  let path = written.trim();
  if (syntax === 'markdown') path = path.replace(/^<(.*)>$/, '$1').replace(/[?#].*$/, '');
  const spelled = [path];
  try {
    const decoded = decodeURIComponent(path);
    if (decoded !== path) spelled.push(decoded);
  } catch {
    // not percent-encoded
  }
  return spelled.filter((spelling) => spelling !== '' && !spelling.includes('\0'));
}

function resolveSpelling(path: string, fromFile: string, index: AttachmentIndex): AttachmentPath {
  const slashed = path.replace(/\\/g, '/');
  const folder = posix.dirname(fromFile);
  const fromRoot = slashed.startsWith('/');
  const explicitlyRelative = /^\.\.?\//.test(slashed);
  const tries = fromRoot ? [slashed.slice(1)] : explicitlyRelative ? [posix.join(folder, slashed)] : [posix.join(folder, slashed), slashed];
  let outside = false;
  for (const tried of tries) {
    const normal = posix.normalize(tried);
    if (normal === '..' || normal.startsWith('../') || posix.isAbsolute(normal)) {
      outside = true;
      continue;
    }
    const found = lookup(normal, index);
    if (found) return { kind: 'found', path: found };
  }
  if (!fromRoot && !explicitlyRelative && !slashed.split('/').includes('..')) {
    const found = byShortestPath(posix.normalize(slashed), folder, index);
    if (found) return { kind: 'found', path: found };
  }
  return outside ? { kind: 'outside' } : { kind: 'missing' };
}

/** A file anywhere whose path ends with `/suffix`: the note's folder first, then fewest folders, shortest, code-unit order. */
function byShortestPath(suffix: string, folder: string, index: AttachmentIndex): string | undefined {
  const tail = `/${fold(suffix)}`;
  const candidates: string[] = [];
  for (const [key, paths] of index.byLowerPath) if (key.endsWith(tail)) candidates.push(...paths);
  if (candidates.length === 0) return undefined;
  const depth = (path: string) => path.split('/').length;
  const inFolder = (path: string) => (posix.dirname(path) === folder ? 0 : 1);
  return candidates.sort((a, b) => inFolder(a) - inFolder(b) || depth(a) - depth(b) || a.length - b.length || codeUnitOrder(a, b))[0];
}
