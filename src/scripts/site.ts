/**
 * The one script every page loads, as one `<script>` tag in layouts/BaseLayout.astro: each
 * component's own tag would be repeated by 75,000 pages. It starts the pieces of the page
 * that are there: the search box, the theme switch, link previews and the local graph.
 */
import { initLinkPreviews } from './link-preview.ts';
import { initLocalGraph } from './local-graph.ts';
import { initSearchBox } from './search-box.ts';
import { initThemeToggle } from './theme.ts';

export function initSite(): void {
  document.querySelectorAll<HTMLFormElement>('form[data-search-box]').forEach(initSearchBox);
  document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]').forEach(initThemeToggle);
  const popover = document.querySelector<HTMLElement>('[data-link-preview]');
  if (popover) initLinkPreviews(popover, popover.dataset.base ?? '/');
  document.querySelectorAll<HTMLElement>('[data-local-graph]').forEach(initLocalGraph);
}
