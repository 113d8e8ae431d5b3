/**
 * Resolving a Markdown link written to a path (`[text](features)`, `[text](./Other note.md)`,
 * `[text](/folder/)`), as Obsidian vaults and Quartz sites write links between notes.
 *
 * A note's own folder is where a relative path starts, the content folder where a path with a
 * leading `/` starts. The path, less `.md` and a trailing `/`, is looked up as a note name
 * (file path or title, under the same key rules as a wiki link), then as a folder's
 * `index` note, then, for a relative path, as written: a bare name finds its note in any
 * folder, as in Obsidian. A path that climbs out of the content folder finds nothing. A site URL (`/notes/<slug>/`) is looked up by its slug. Links with a scheme
 * (`https:`, `mailto:`), protocol-relative ones (`//host`) and fragments (`#x`) are not paths
 * and stay as written. A path that leads to no note is reported by the caller and shown as
 * text: it would lead nowhere on this site.
 */
import { posix } from 'node:path';
import type { NoteSlug } from '../titles/slugs.ts';
import type { TitleIndex } from '../titles/title-index.ts';
import { titleKey } from '../titles/titles.ts';
import { headingId } from './wiki-links.ts';
import type { ResolvedWikiLink } from './resolved-wiki-link.ts';

export type ResolvedPathLink =
  | Extract<ResolvedWikiLink, { kind: 'note' | 'ambiguous' }>
  | {
      kind: 'unresolved';
      /** The path as the note's folder and the link make it, for the report. */
      path: string;
    };

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Whether a link URL is a path into the site rather than a URL, fragment or other scheme. */
export function isPathLink(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('//') && !SCHEME.test(trimmed);
}

/**
 * @param url the link's destination as written
 * @param fromFile the linking note's file, relative to the content folder, `/`-separated
 * @param label the link's visible text
 * @param base the site's base path (`/` or `/docs/`), for links written as site URLs
 */
export function resolvePathLink(url: string, fromFile: string, index: TitleIndex, label: string, base = '/'): ResolvedPathLink {
  const trimmed = url.trim();
  const hash = trimmed.indexOf('#');
  const beforeHash = hash >= 0 ? trimmed.slice(0, hash) : trimmed;
  const fragment = hash >= 0 ? decoded(trimmed.slice(hash + 1)) : '';
  const pathPart = decoded(beforeHash.split('?')[0]!);

  const siteSlug = slugInSiteUrl(pathPart, base);
  if (siteSlug !== undefined) {
    const note = index.noteBySlug(siteSlug);
    if (note) return { kind: 'note', note, headingId: fragment ? headingId(fragment) : undefined, label };
    const shared = index.ambiguousTitles.find((title) => title.slug === siteSlug);
    if (shared) return { kind: 'ambiguous', key: shared.key, title: shared.title, slug: shared.slug, label };
  }

  // Relative to the note's folder, kept relative so that `..` past the content folder shows.
  const joined = pathPart.startsWith('/') ? posix.normalize(pathPart).slice(1) : posix.join(posix.dirname(fromFile), pathPart);
  const path = nameOf(joined);
  if (path === undefined) return { kind: 'unresolved', path: `/${joined}` };
  // As Obsidian does, a bare name also finds a note outside the linking note's folder.
  const asWritten = pathPart.startsWith('/') ? undefined : nameOf(posix.normalize(pathPart));
  for (const name of new Set([path, `${path}/index`, ...(asWritten ? [asWritten] : [])])) {
    const key = titleKey(name);
    const note = index.noteByKey(key);
    if (note) return { kind: 'note', note, headingId: fragment ? headingId(fragment) : undefined, label, via: index.nameKind(key) };
    const shared = index.ambiguousByKey(key);
    if (shared) return { kind: 'ambiguous', key: shared.key, title: shared.title, slug: shared.slug, label };
  }
  return { kind: 'unresolved', path: `/${path}` };
}

/** A normalized path as a note name (no `.md`, no trailing `/`); undefined outside the content folder. */
function nameOf(path: string): string | undefined {
  const name = path.replace(/\/+$/, '').replace(/\.md$/i, '');
  return name === '' || name === '.' || name === '..' || name.startsWith('../') ? undefined : name;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `<base>notes/<slug>/` written as a link: the slug, else undefined. */
function slugInSiteUrl(path: string, base: string): NoteSlug | undefined {
  const prefix = `${base.endsWith('/') ? base : `${base}/`}notes/`;
  if (!path.startsWith(prefix)) return undefined;
  const slug = path.slice(prefix.length).replace(/\/+$/, '');
  return slug === '' ? undefined : (slug as NoteSlug);
}
