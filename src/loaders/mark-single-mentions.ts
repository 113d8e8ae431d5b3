/**
 * Step 5b, once the link graph is known: each note's HTML with its links to titles that only
 * one note links drawn as "mentioned only here" (`lib/links/single-mentions.ts`,
 * `lib/links/single-mention-html.ts`), and the titles the note alone mentions listed for the
 * search's title list. Done here, not when a note renders: a rendering is cached by its own
 * text, while a title stops being a single mention when another note links it. A note that
 * embeds another shows that note's links too, so every note's HTML is looked at.
 */
import type { SingleMention } from '../lib/links/single-mentions.ts';
import { markSingleMentions, missingLinkHrefs, type MentionPlace } from '../lib/links/single-mention-html.ts';
import type { RenderedNote } from '../lib/markdown/rendered-note.ts';
import { hrefForSlug, type NoteSlug } from '../lib/titles/slugs.ts';
import type { NotePage, SingleMentionMade } from './note-pages.ts';

/**
 * Kept per rendering: `astro dev` keeps the renderings of unchanged notes between loads, so a
 * save looks again only at the notes it changed, and gives an unchanged note the same result
 * (whose HTML hash `store-entries.ts` keeps).
 */
const missingHrefs = new WeakMap<RenderedNote, string[]>();
const markedResults = new WeakMap<RenderedNote, { key: string; result: RenderedNote; ids: Map<string, string> }>();

/** @param tooltip the text of a single mention's tooltip, in the site's language */
export function markSingleMentionsIn(
  pages: readonly NotePage[],
  mentions: ReadonlyMap<NoteSlug, SingleMention>,
  base: string,
  tooltip: string,
): NotePage[] {
  if (mentions.size === 0) return [...pages];
  const byHref = new Map([...mentions.values()].map((mention) => [hrefForSlug(mention.slug, base), mention]));
  const bySource = new Map<NoteSlug, SingleMention[]>();
  for (const mention of mentions.values()) {
    const list = bySource.get(mention.sourceSlug);
    if (list) list.push(mention);
    else bySource.set(mention.sourceSlug, [mention]);
  }
  return pages.map((page) => {
    const made = bySource.get(page.note.slug) ?? [];
    let hrefs = missingHrefs.get(page.result);
    if (!hrefs) missingHrefs.set(page.result, (hrefs = missingLinkHrefs(page.result.html)));
    const placeOf = (href: string): MentionPlace | undefined => {
      const mention = byHref.get(href);
      return mention && (mention.sourceSlug === page.note.slug ? 'here' : 'embedded');
    };
    const present = hrefs.filter((href) => byHref.has(href));
    if (present.length === 0 && made.length === 0) return page;
    const key = `${tooltip}\n${present.map((href) => `${placeOf(href)} ${href}`).join('\n')}`;
    let marked = markedResults.get(page.result);
    if (marked?.key !== key) {
      const { html, ids } = present.length > 0 ? markSingleMentions(page.result.html, placeOf, tooltip) : { html: page.result.html, ids: new Map<string, string>() };
      marked = { key, result: html === page.result.html ? page.result : { ...page.result, html }, ids };
      markedResults.set(page.result, marked);
    }
    const ids = marked.ids;
    const singleMentions = made.map((mention): SingleMentionMade => ({ title: mention.title, slug: mention.slug, id: ids.get(hrefForSlug(mention.slug, base)) }));
    return { ...page, result: marked.result, singleMentions };
  });
}
