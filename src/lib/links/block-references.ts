/**
 * Obsidian's block references: `^id` (letters, digits, `-`) names a block of a note; the
 * block's anchor, and the `#fragment` of a link to it, is `^id` as written.
 * (`markdown/obsidian/remark-block-ids.ts` gives blocks their anchors.)
 */

/** The anchor (element id and URL fragment) of a block id written `^id`. */
export function blockAnchor(id: string): string {
  return `^${id}`;
}

/** Whether a link's `#fragment` names a block (`^id`) rather than a heading. */
export function isBlockReference(fragment: string): boolean {
  return /^\^[A-Za-z0-9-]+$/.test(fragment);
}

/** The part of a link occurrence this check reads (`WikiLinkOccurrence`). */
interface BlockLink {
  text: string;
  line: number | undefined;
  embed?: true;
  link: { kind: string; headingId?: string | undefined; note?: { filePath: string; title: string } };
}

/**
 * The links of one note to a block id (`[[Note#^id]]`) that the other note does not have,
 * as problems: the link still goes to the note (the browser ignores an unknown fragment).
 * Embeds are left out: `embeds/note-embeds.ts` reports those as it shows them.
 * @param htmlOf the rendered HTML of a note, by file path
 */
export function missingBlockLinks(links: readonly BlockLink[], htmlOf: (filePath: string) => string): { line: number | undefined; message: string }[] {
  return links.flatMap(({ text, line, embed, link }) => {
    const anchor = link.headingId;
    if (embed || link.kind !== 'note' || !link.note || anchor === undefined || !isBlockReference(anchor)) return [];
    if (htmlOf(link.note.filePath).includes(` id="${anchor}"`)) return [];
    return [{ line, message: `the link [[${text}]] names a block id that "${link.note.title}" does not have: it links to the top of that note. Write ${anchor} at the end of the block there` }];
  });
}
