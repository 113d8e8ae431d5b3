/**
 * The local graph's loader, the only graph code a page loads up front: it waits until the
 * section scrolls into view (or the reader presses "Draw the graph"), then imports the
 * drawing code and the graph file. Reading never waits for either.
 */
import type { GraphContainer, GraphView } from './graph-view.ts';
import { pageStrings } from './page-strings.ts';

export function initLocalGraph(section: HTMLElement): void {
  const container = section.querySelector<GraphContainer>('[data-graph-canvas]')!;
  const tooltip = section.querySelector<HTMLElement>('[data-graph-tooltip]')!;
  const summary = section.querySelector<HTMLElement>('[data-graph-summary]')!;
  const button = section.querySelector<HTMLButtonElement>('[data-graph-open]')!;
  const depthSelect = section.querySelector<HTMLSelectElement>('[data-graph-depth]')!;
  const base = section.dataset.base ?? '/';
  const slug = section.dataset.slug ?? '';
  let view: GraphView | undefined;

  const draw = async () => {
    view?.destroy();
    container.dataset.graphState = 'loading';
    try {
      const { drawLocalGraph } = await import('./graph-view.ts');
      view = await drawLocalGraph(container, { base, slug, depth: Number(depthSelect.value), tooltip });
      const pages = view.pageCount;
      summary.textContent = (await pageStrings()).graph.nearbyDrawn(pages, view.linkCount, Number(depthSelect.value));
    } catch (error) {
      container.dataset.graphState = 'error';
      summary.textContent = (await pageStrings()).graph.failedNearby;
      console.error(error);
    }
  };

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    button.hidden = true;
    void draw();
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) start();
  });
  observer.observe(container);
  button.addEventListener('click', start);
  depthSelect.addEventListener('change', () => {
    if (started) void draw();
    else start();
  });
}
