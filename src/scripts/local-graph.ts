/**
 * The local graph's loader, the only graph code a page loads up front. The page's HTML holds
 * an empty frame (components/LocalGraph.astro); when the section scrolls into view, this
 * imports the drawing code, which adds the depth control, the canvas and the list of the pages
 * drawn, and the graph file.
 * Reading never waits for either.
 */
import type { GraphView } from './graph-types.ts';
import type { LocalGraphParts } from './local-graph-view.ts';
import type { InterfaceStrings } from '../lib/site/interface-strings.ts';
import { pageStrings } from './page-strings.ts';

export function initLocalGraph(section: HTMLElement): void {
  const summary = section.appendChild(summaryLine());
  const base = import.meta.env.BASE_URL;
  const slug = section.dataset.slug ?? '';
  let view: GraphView | undefined;

  const draw = async (graphView: typeof import('./local-graph-view.ts'), parts: LocalGraphParts, t: InterfaceStrings) => {
    const { container, tooltip, depthSelect } = parts;
    view?.destroy();
    container.dataset.graphState = 'loading';
    try {
      view = await graphView.drawLocalGraph(container, { base, slug, depth: Number(depthSelect.value), tooltip });
      graphView.listLocalPages(parts, view, base);
      summary.textContent = t.graph.nearbyDrawn(view.pageCount, view.linkCount, Number(depthSelect.value));
    } catch (error) {
      container.dataset.graphState = 'error';
      summary.textContent = t.graph.failedNearby;
      console.error(error);
    }
  };

  const start = async () => {
    observer.disconnect();
    const t = await pageStrings();
    summary.textContent = t.graph.nearbySummary;
    let graphView: typeof import('./local-graph-view.ts');
    try {
      graphView = await import('./local-graph-view.ts');
    } catch (error) {
      summary.textContent = t.graph.failedNearby;
      console.error(error);
      return;
    }
    const parts = graphView.addLocalGraphParts(section, t);
    parts.depthSelect.addEventListener('change', () => void draw(graphView, parts, t));
    await draw(graphView, parts, t);
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) void start();
  });
  observer.observe(section.querySelector('[data-graph-frame]')!);
}

/**
 * The line under the graph that says what it shows (or that it failed): made here, like the
 * rest of the graph, so that the 75,000 pages' HTML does not repeat it.
 */
function summaryLine(): HTMLElement {
  const line = document.createElement('p');
  line.className = 'graph-summary';
  line.dataset.graphSummary = '';
  return line;
}
