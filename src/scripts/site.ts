/**
 * The one script every page loads, as one `<script>` tag in layouts/BaseLayout.astro: each
 * component's own tag would be repeated by 75,000 pages. It starts the pieces of the page
 * that are there: the search box, the theme switch, link previews, the local graph and
 * Mermaid diagrams.
 */
import { initLinkPreviews } from './link-preview.ts';
import { initLocalGraph } from './local-graph.ts';
import { drawDiagrams } from './mermaid-diagrams.ts';
import { initSearchBox } from './search-box.ts';
import { initThemeToggle } from './theme.ts';

export function initSite(): void {
  document.querySelectorAll<HTMLFormElement>('form[data-search-box]').forEach(initSearchBox);
  document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]').forEach(initThemeToggle);
  const main = document.querySelector('main');
  if (main) initLinkPreviews(main.appendChild(linkPreviewPopover()), import.meta.env.BASE_URL);
  document.querySelectorAll<HTMLElement>('[data-local-graph]').forEach(initLocalGraph);
  // Mermaid itself (megabytes) is imported only by a page with a diagram.
  const diagrams = [...document.querySelectorAll<HTMLElement>('.note-body pre.mermaid')];
  if (diagrams.length > 0) void drawDiagrams(diagrams, `${import.meta.env.BASE_URL}mermaid/mermaid.esm.min.mjs`);
}

/**
 * The popover that previews a linked page (see link-preview.ts): one per page, `position:
 * fixed`, so it never moves the text. Made here rather than written into 75,000 pages.
 */
function linkPreviewPopover(): HTMLElement {
  const popover = document.createElement('div');
  popover.id = 'link-preview';
  popover.className = 'link-preview';
  popover.setAttribute('role', 'tooltip');
  popover.dataset.linkPreview = '';
  popover.hidden = true;
  return popover;
}
