/**
 * Frontmatter `tags:` (Obsidian, Quartz) as links, and where `#hashtags` lead: each tag links to the page of that title
 * under the same rules as a `[[wiki link]]`, so a tag without a note gets a missing-title
 * page that lists every note tagged with it. A vault that keeps tag notes the Quartz way
 * (`tags/<tag>.md`) has the tag lead there when no note has the tag as its title.
 */
import type { TitleIndex } from '../titles/title-index.ts';
import type { WikiLinkOccurrence } from './link-nodes.ts';
import { resolveWikiLink } from './wiki-links.ts';
import type { ResolvedWikiLink } from './resolved-wiki-link.ts';

/**
 * The tags a note's frontmatter names, in order, each once: `tags: [a, b]`, a YAML list, or
 * one string of tags separated by commas (`tags: a, b`). A leading `#` is dropped.
 */
export function frontmatterTags(frontmatter: Record<string, unknown>): string[] {
  const value = frontmatter.tags;
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const tags: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const tag = String(item).trim().replace(/^#+/, '').trim();
    if (tag !== '' && !tag.startsWith('[') && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** A note's tag with the page it leads to. */
export interface TagLink {
  tag: string;
  link: ResolvedWikiLink;
}

/** Where a tag (frontmatter or `#hashtag`) leads. */
export function resolveTag(tag: string, index: TitleIndex): ResolvedWikiLink {
  const link = resolveWikiLink(tag, index);
  if (link.kind !== 'missing') return link;
  const tagNote = resolveWikiLink(`tags/${tag}`, index);
  return tagNote.kind === 'note' ? { ...tagNote, label: tag } : link;
}

/** The tags as links, and as occurrences for the link graph (backlinks, 2-hop, graph). */
export function tagLinks(tags: readonly string[], index: TitleIndex): { links: TagLink[]; occurrences: WikiLinkOccurrence[] } {
  const links = tags.map((tag) => ({ tag, link: resolveTag(tag, index) }));
  const occurrences = links.map(({ tag, link }): WikiLinkOccurrence => ({
    text: tag,
    link,
    // On the tag's page, the backlink from a tagged note reads "#tag".
    context: { before: '', linkText: `#${tag}`, after: '' },
    line: undefined,
    tag: 'frontmatter',
  }));
  return { links, occurrences };
}
