/**
 * The graph's pages as links, for the keyboard and for readers who do not see the canvas:
 * the list is one stop in the tab order; the arrow keys (and Home, End) step through its
 * links, the graph marks the page stepped to and shows its title, and Enter opens it, as any
 * link does. Screen readers read each link as it takes the focus.
 */
import { isStepKey, stepTo } from '../lib/graph-view/list-steps.ts';
import { hrefForSlug, type NoteSlug } from '../lib/titles/slugs.ts';

export interface ListedPage {
  slug: NoteSlug;
  title: string;
  kind: 'note' | 'missing';
}

export function pageLink(page: ListedPage, base: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = hrefForSlug(page.slug, base);
  link.textContent = page.title;
  link.dataset.slug = page.slug;
  if (page.kind === 'missing') link.className = 'wiki-link-missing';
  return link;
}

/**
 * Lets the keyboard step through the links under `root` (those with `data-slug`), whatever
 * they are later replaced with; call the returned function after each change of the links.
 */
export function stepThroughLinks(root: HTMLElement, onStep: (slug: string | undefined) => void): () => void {
  const links = () => [...root.querySelectorAll<HTMLAnchorElement>('a[data-slug]')];
  root.addEventListener('keydown', (event) => {
    if (!isStepKey(event)) return;
    const list = links();
    const at = list.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    list[stepTo(event.key, at, list.length - 1)!]!.focus();
  });
  root.addEventListener('focusin', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-slug]');
    if (!link) return;
    // Tabbing back into the list lands on the link last stepped to.
    for (const other of links()) other.tabIndex = other === link ? 0 : -1;
    onStep(link.dataset.slug);
  });
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) onStep(undefined);
  });
  return () => links().forEach((link, index) => (link.tabIndex = index === 0 ? 0 : -1));
}
