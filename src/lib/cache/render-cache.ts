/**
 * Reusing a note's rendering from the previous build. A rendered note depends on its own
 * Markdown, the site's base path, the code that renders it, and how each of its wiki links
 * resolves against all titles. The first three make the note's `sourceKey`; the last is its
 * `linkKey`, recomputed from the link texts alone (no Markdown parsing) on every build. A
 * note is rendered again only when one of them changed: editing a note renders that note,
 * and adding a note renders only the notes whose links now reach it.
 */
import { createHash } from 'node:crypto';
import type { RenderedNote } from '../markdown/rendered-note.ts';
import type { TitleIndex } from '../titles/title-index.ts';
import { resolvePathLink } from '../links/path-links.ts';
import { resolveWikiLink } from '../links/wiki-links.ts';

export interface CachedRendering {
  sourceKey: string;
  linkKey: string;
  result: RenderedNote;
}

/** Every cached rendering, by note file path. */
export type RenderCache = Map<string, CachedRendering>;

export function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}

export function sourceKey(rendererVersion: string, base: string, filePath: string, markdown: string): string {
  return hashOf(rendererVersion, base, filePath, markdown);
}

/**
 * How the note's links resolve now: its wiki links and its Markdown links to paths. Wiki
 * links are resolved without the note's own heading ids: those follow from the link labels,
 * which this resolution fixes, so equal keys mean equal output.
 */
export function linkKey(rendered: Pick<RenderedNote, 'links' | 'pathLinks'>, filePath: string, base: string, index: TitleIndex): string {
  const wikiLinks = rendered.links.flatMap((link) => (link.path === undefined ? [resolveWikiLink(link.text, index)] : []));
  const pathLinks = rendered.pathLinks.map((url) => resolvePathLink(url, filePath, index, '', base));
  return hashOf(JSON.stringify(wikiLinks), JSON.stringify(pathLinks));
}

/** The cached rendering of a note if it is still what rendering would give, else undefined. */
export function reusableRendering(
  cache: RenderCache,
  filePath: string,
  currentSourceKey: string,
  base: string,
  index: TitleIndex,
): RenderedNote | undefined {
  const cached = cache.get(filePath);
  if (!cached || cached.sourceKey !== currentSourceKey) return undefined;
  return cached.linkKey === linkKey(cached.result, filePath, base, index) ? cached.result : undefined;
}

/**
 * The cached rendering of a note whose source is unchanged, its links not checked: only for
 * a cache whose every entry was made or checked against the titles of now (`titlesKey`
 * equal), so that every link resolves as it did. An edit that changes no title saves the
 * check (1 s at 24,000 notes), in `astro dev` and in a build.
 */
export function renderingOfSameSource(cache: RenderCache, filePath: string, currentSourceKey: string): RenderedNote | undefined {
  const cached = cache.get(filePath);
  return cached?.sourceKey === currentSourceKey ? cached.result : undefined;
}

/**
 * What a note's links resolve against: every page name in the index (and the base path of
 * path links). `indexInputJson`: what the index is built from, as JSON.
 */
export function titlesKey(base: string, indexInputJson: string): string {
  return hashOf(base, indexInputJson);
}
