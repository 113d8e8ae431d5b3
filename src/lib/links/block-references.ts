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
