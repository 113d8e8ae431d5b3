/**
 * The site's link graph, read back from the collection once per build process (in `astro dev`,
 * once per load of the notes): every page's backlinks and every note's outgoing links, as the
 * loader stored them. Pages that need more than their own entry (2-hop links) read it here
 * instead of the store holding the result for every note.
 */
import type { LinkGraph } from '../lib/links/link-graph.ts';
import type { NoteSlug } from '../lib/titles/slugs.ts';
import type { PageLabel } from '../lib/links/two-hop-links.ts';
import { allPages, isNote, pagesRevision, slugOf } from './pages.ts';

export interface SiteGraph {
  graph: LinkGraph;
  pageLabel: (slug: NoteSlug) => PageLabel;
}

/** Read once per build, and again in `astro dev` after every load of the notes. */
let siteGraph: { revision: string; graph: Promise<SiteGraph> } | undefined;

export function readSiteGraph(): Promise<SiteGraph> {
  const revision = pagesRevision();
  if (siteGraph?.revision !== revision) siteGraph = { revision, graph: buildSiteGraph() };
  return siteGraph.graph;
}

function buildSiteGraph(): Promise<SiteGraph> {
  return allPages().then((pages) => {
    const bySlug = new Map(pages.map((page) => [slugOf(page), page]));
    const graph: LinkGraph = {
      backlinksBySlug: new Map(pages.map((page) => [slugOf(page), page.data.backlinks])),
      outgoingBySlug: new Map(pages.filter(isNote).map((note) => [slugOf(note), note.data.outgoing])),
      missingPages: [],
    };
    const pageLabel = (slug: NoteSlug): PageLabel => {
      const page = bySlug.get(slug);
      return { slug, title: page?.data.title ?? slug, isMissing: !page || page.data.kind === 'missing' };
    };
    return { graph, pageLabel };
  });
}
