/** One search result as a link: title, the matching section if any, and the excerpt. */
import { KIND_MISSING } from '../lib/search/search-query.ts';
import type { SearchHit } from './pagefind-search.ts';

/** @param noNoteYet the badge of a title without a note, in the page's language */
export function renderHit(hit: SearchHit, noNoteYet: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'search-hit';
  link.href = hit.url;
  const title = document.createElement('span');
  title.className = 'search-hit-title';
  title.textContent = hit.title;
  link.append(title);
  if (hit.kind === KIND_MISSING) {
    const badge = document.createElement('span');
    badge.className = 'search-hit-badge';
    badge.textContent = noNoteYet;
    link.append(' ', badge);
  }
  if (hit.original) {
    const original = document.createElement('span');
    original.className = 'search-hit-original';
    original.lang = 'ja';
    original.textContent = hit.original;
    link.append(' ', original);
  }
  if (hit.section) {
    const section = document.createElement('span');
    section.className = 'search-hit-section';
    section.textContent = `› ${hit.section}`;
    link.append(section);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'search-hit-excerpt';
  // Pagefind's excerpt is the page's text, escaped, with the matches in <mark>.
  excerpt.innerHTML = hit.excerpt;
  link.append(excerpt);
  return link;
}
