/**
 * Reading the text of a `[[wiki link]]` and resolving it to a page.
 *
 * Scrapbox rules first, Obsidian syntax only as a fallback:
 * 1. the whole link text is tried as a title (titles may contain `#` and `|`);
 * 2. a trailing Scrapbox line anchor (`#` + 24 hex digits) is dropped and the rest tried;
 * 3. `target|label` is read as an alias and `target#heading` as a heading link
 *    (`target#^id` links to an Obsidian block id, `markdown/obsidian/remark-block-ids.ts`);
 *    `#heading` alone links to a heading of the same note if it has one (otherwise it is a
 *    Scrapbox title that starts with `#`);
 * 4. nothing matched: the link goes to the page for the missing title, named by the
 *    whole link text (less a line anchor), or, for an Obsidian alias written `target|label`
 *    with no space before the `|`, by the target.
 * The rendered links and the link graph both call `resolveWikiLink`, so they cannot disagree.
 */
import { headingSlugger } from '../markdown/links/heading-ids.ts';
import { isBlockReference } from './block-references.ts';
import type { TitleIndex } from '../titles/title-index.ts';
import { displayTitle, titleKey } from '../titles/titles.ts';
import type { ResolvedWikiLink } from './resolved-wiki-link.ts';

const LINE_ANCHOR = /#[0-9a-f]{24}$/i;

/**
 * @param headingIdsOnPage the heading ids of the note the link is in, for `[[#heading]]`
 */
export function resolveWikiLink(
  rawText: string,
  index: TitleIndex,
  headingIdsOnPage: ReadonlySet<string> = new Set(),
): ResolvedWikiLink {
  // In GFM table cells a `|` inside a link must be written `\|`.
  const text = rawText.replace(/\\\|/g, '|');
  const whole = displayTitle(text);

  const via = (name: string) => index.nameKind(titleKey(name));
  const ambiguous = (name: string, label: string): ResolvedWikiLink | undefined => {
    const shared = index.ambiguousByKey(titleKey(name));
    return shared && { kind: 'ambiguous', key: shared.key, title: shared.title, slug: shared.slug, label };
  };
  const direct = index.noteByKey(titleKey(whole));
  if (direct) return { kind: 'note', note: direct, label: whole, via: via(whole) };
  const directAmbiguous = ambiguous(whole, whole);
  if (directAmbiguous) return directAmbiguous;

  const withoutAnchor = displayTitle(whole.replace(LINE_ANCHOR, ''));
  if (withoutAnchor !== whole) {
    const anchored = index.noteByKey(titleKey(withoutAnchor));
    if (anchored) return { kind: 'note', note: anchored, label: withoutAnchor, via: via(withoutAnchor) };
    const anchoredAmbiguous = ambiguous(withoutAnchor, withoutAnchor);
    if (anchoredAmbiguous) return anchoredAmbiguous;
  }

  const pipe = withoutAnchor.indexOf('|');
  const target = pipe >= 0 ? displayTitle(withoutAnchor.slice(0, pipe)) : withoutAnchor;
  const label = pipe >= 0 ? displayTitle(withoutAnchor.slice(pipe + 1)) || target : withoutAnchor;
  if (pipe >= 0 && target !== '') {
    const aliased = index.noteByKey(titleKey(target));
    if (aliased) return { kind: 'note', note: aliased, label, via: via(target) };
    const aliasedAmbiguous = ambiguous(target, label);
    if (aliasedAmbiguous) return aliasedAmbiguous;
  }

  // `Page#Heading`; the page's own title may hold `#` (`Social Hack Day #57#Agenda`), so
  // every `#` is tried, the last first.
  for (let hash = target.lastIndexOf('#'); hash >= 0; hash = hash === 0 ? -1 : target.lastIndexOf('#', hash - 1)) {
    const page = displayTitle(target.slice(0, hash));
    const heading = displayTitle(target.slice(hash + 1));
    if (page === '') {
      if (headingIdsOnPage.has(anchorId(heading))) {
        return { kind: 'same-page-heading', headingId: anchorId(heading), label };
      }
      continue;
    }
    const note = index.noteByKey(titleKey(page));
    if (note) return { kind: 'note', note, headingId: heading ? anchorId(heading) : undefined, label, via: via(page) };
    // Which of the notes has the heading is for the reader to pick on the listing page.
    const pageAmbiguous = ambiguous(page, label);
    if (pageAmbiguous) return pageAmbiguous;
  }

  // An Obsidian alias (`target|label`) has no space before the pipe; in Scrapbox text a
  // ` | ` is part of a title, usually a web page's.
  const isObsidianAlias = pipe > 0 && !/\s/.test(withoutAnchor[pipe - 1] ?? '');
  const missingTitle = isObsidianAlias ? target : withoutAnchor;
  const key = titleKey(missingTitle);
  // By key only: a title no note has never leads to a note, whatever URL its title gives.
  return { kind: 'missing', key, title: missingTitle, slug: index.slugForMissing(key), label: isObsidianAlias ? label : withoutAnchor };
}

/** The id of `#fragment`: an Obsidian block id (`^id`) as written, otherwise a heading's id. */
function anchorId(fragment: string): string {
  return isBlockReference(fragment) ? fragment : headingId(fragment);
}

/** The id of the first heading of that text on a page (`markdown/links/heading-ids.ts`): "Main" is `main-1`. */
export function headingId(heading: string): string {
  return headingSlugger().slug(heading);
}
