/**
 * Reusing a note's rendering from the previous build. A rendered note depends on its own
 * Markdown, the site's base path, the code that renders it, and how each of its wiki links
 * resolves against all titles. The first three make the note's `sourceKey`; the last is its
 * `linkKey`, recomputed from the link texts alone (no Markdown parsing) on every build. A
 * note is rendered again only when one of them changed: editing a note renders that note,
 * and adding a note renders only the notes whose links now reach it.
 */
import { createHash } from 'node:crypto';
import type { RenderedNote } from './note-renderer.ts';
import type { TitleIndex } from './title-index.ts';
import { resolveWikiLink } from './wiki-links.ts';

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
 * How the note's links resolve now. Resolved without the note's own heading ids: those
 * follow from the link labels, which this resolution fixes, so equal keys mean equal output.
 */
export function linkKey(linkTexts: readonly string[], index: TitleIndex): string {
  return hashOf(JSON.stringify(linkTexts.map((text) => resolveWikiLink(text, index))));
}

/** The cached rendering of a note if it is still what rendering would give, else undefined. */
export function reusableRendering(
  cache: RenderCache,
  filePath: string,
  currentSourceKey: string,
  index: TitleIndex,
): RenderedNote | undefined {
  const cached = cache.get(filePath);
  if (!cached || cached.sourceKey !== currentSourceKey) return undefined;
  const texts = cached.result.links.map((link) => link.text);
  return cached.linkKey === linkKey(texts, index) ? cached.result : undefined;
}
