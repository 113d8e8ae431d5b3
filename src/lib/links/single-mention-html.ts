/**
 * Draws the links to single mentions (`single-mentions.ts`) in a note's HTML, once the link
 * graph is known. A rendering is cached by its note's text alone, and whether a title is a
 * single mention depends on the other notes: so the renderer draws every link to a missing
 * title alike, and this runs when the page is assembled, on the HTML the page shows and its
 * cache key hashes. A second note linking the title turns the text back into a link.
 *
 * Such a link becomes text with a tooltip (a `<span>`: there is no page to go to, and link
 * previews fetch only `<a href>`). The first one of each title in the note that makes it gets
 * an id, `mention:1`, `mention:2`…, which the search's title list leads to; a heading id never
 * holds `:`, and an id the note already has is skipped.
 */
import { HASHTAG_CLASS, MENTION_ID_PREFIX, MISSING_LINK_CLASS, SINGLE_MENTION_CLASS, WIKI_LINK_CLASS } from './link-nodes.ts';

/**
 * A rendered link to a missing title (`link-href.ts`, `remark-resolve-wiki-links.ts`): its
 * text is one text node, so it holds no `<`.
 */
const MISSING_LINK = new RegExp(`<a href="([^"]*)" class="${WIKI_LINK_CLASS} ${MISSING_LINK_CLASS}( ${HASHTAG_CLASS})?">([^<]*)</a>`, 'g');

/** Where a single mention is: in the note being drawn (the one that makes it), or in a note it embeds. */
export type MentionPlace = 'here' | 'embedded';

/** The hrefs of the note's links to missing titles, each once, in order (attribute entities decoded). */
export function missingLinkHrefs(html: string): string[] {
  return [...new Set([...html.matchAll(MISSING_LINK)].map((m) => decodeAttribute(m[1]!)))];
}

/**
 * The HTML with each link whose href `placeOf` names drawn as a single mention, and the id
 * given to the first mention of each href made `here`.
 */
export function markSingleMentions(
  html: string,
  placeOf: (href: string) => MentionPlace | undefined,
  tooltip: string,
): { html: string; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  let next = 1;
  const freshId = () => {
    while (html.includes(`id="${MENTION_ID_PREFIX}${next}"`)) next++;
    return `${MENTION_ID_PREFIX}${next++}`;
  };
  const title = escapeAttribute(tooltip);
  const marked = html.replace(MISSING_LINK, (whole, rawHref: string, hashtag: string | undefined, text: string) => {
    const href = decodeAttribute(rawHref);
    const place = placeOf(href);
    if (!place) return whole;
    let id = '';
    if (place === 'here' && !ids.has(href)) {
      ids.set(href, freshId());
      id = ` id="${ids.get(href)!}"`;
    }
    const classes = [WIKI_LINK_CLASS, SINGLE_MENTION_CLASS, ...(hashtag ? [HASHTAG_CLASS] : [])].join(' ');
    return `<span class="${classes}" title="${title}"${id}>${text}</span>`;
  });
  return { html: marked, ids };
}

const NAMED: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };

function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|quot|lt|gt|apos));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : undefined;
    // Raw HTML may write anything; no href the site makes holds a code point out of range.
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[name!.toLowerCase()] ?? whole;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
