/**
 * The graph of all notes at /graph/: draws it at once (the layout comes from the build),
 * finds notes by title (the best match is highlighted and centred, the next few offered),
 * and adds the missing-link pages on request. `#note=<slug>` focuses a page on arrival. Under
 * it, the named communities with their colours and best-linked notes, which the keyboard steps
 * through (each centred on the graph in turn).
 */
import { drawGlobalGraph } from './global-graph-view.ts';
import type { GraphContainer, GraphView } from './graph-types.ts';
import { loadGraphData } from './graph-view.ts';
import { isMissingAt, slugAt, type GraphData } from '../lib/graph/graph-data.ts';
import { pageLink, stepThroughLinks } from './graph-page-list.ts';
import { rankTitleMatches } from '../lib/graph/graph-search.ts';
import { hrefForSlug, type NoteSlug } from '../lib/titles/slugs.ts';
import { interfaceStrings } from '../lib/site/interface-strings.ts';

/** Matches listed under the search box besides the focused one. */
const MAX_MATCHES = 8;

export function initGlobalGraph(root: HTMLElement): void {
  const base = root.dataset.base ?? '/';
  const t = interfaceStrings(document.documentElement.lang).graph;
  const container = root.querySelector<GraphContainer>('[data-graph-canvas]')!;
  const tooltip = root.querySelector<HTMLElement>('[data-graph-tooltip]')!;
  const form = root.querySelector<HTMLFormElement>('[data-graph-search]')!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  const matchList = root.querySelector<HTMLElement>('[data-graph-matches]')!;
  const missingToggle = root.querySelector<HTMLInputElement>('[data-graph-missing]')!;
  const legend = root.querySelector<HTMLElement>('[data-graph-legend]')!;
  const groups = legend.querySelector<HTMLOListElement>('[data-graph-groups]')!;
  let view: GraphView | undefined;
  const resetSteps = stepThroughLinks(groups, (slug) => {
    if (slug) view?.focus(slug);
  });
  const count = (n: number) => n.toLocaleString(document.documentElement.lang || undefined);

  const showGroups = (data: GraphData) => {
    const notesIn = new Map<number, number>();
    for (let index = 0; index < data.noteCount; index++) notesIn.set(data.communities[index]!, (notesIn.get(data.communities[index]!) ?? 0) + 1);
    const items = data.communityLeaders.map((leaders, community) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'graph-swatch';
      swatch.style.backgroundColor = `var(--community-${community})`;
      item.append(swatch);
      leaders.forEach((index, at) => {
        if (at > 0) item.append(' · ');
        item.append(pageLink({ slug: slugAt(data, index), title: data.titles[index]!, kind: isMissingAt(data, index) ? 'missing' : 'note' }, base));
      });
      item.append(` (${t.groupNotes(count(notesIn.get(community) ?? 0))})`);
      return item;
    });
    const other = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'graph-swatch';
    swatch.style.backgroundColor = 'var(--community-other)';
    other.append(swatch, t.otherNotes(count(notesIn.get(-1) ?? 0)));
    groups.replaceChildren(...items, ...((notesIn.get(-1) ?? 0) > 0 ? [other] : []));
    resetSteps();
    legend.hidden = items.length === 0;
  };
  // A fragment, not a query: one URL for crawlers and caches, whatever the page.
  let focusedSlug = new URLSearchParams(location.hash.slice(1)).get('note') ?? undefined;

  const showFocused = (slug: NoteSlug, title: string, others: { slug: NoteSlug; title: string }[]) => {
    focusedSlug = slug;
    const found = view?.focus(slug) ?? false;
    const line = document.createElement('p');
    const open = document.createElement('a');
    open.href = hrefForSlug(slug, base);
    open.textContent = title;
    open.className = 'graph-match-focused';
    line.append(found ? t.centred : t.notDrawn, open);
    const list = document.createElement('ul');
    for (const other of others) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'graph-match-button';
      button.textContent = other.title;
      button.addEventListener('click', () => showFocused(other.slug, other.title, others.filter((o) => o !== other)));
      item.append(button);
      list.append(item);
    }
    matchList.replaceChildren(line, ...(others.length > 0 ? [list] : []));
  };

  const search = async () => {
    const data = await loadGraphData(base);
    const query = input.value;
    const pageCount = missingToggle.checked ? data.titles.length : data.noteCount;
    const ranked = rankTitleMatches(data.titles, query, pageCount, MAX_MATCHES + 1);
    if (ranked.length === 0) {
      matchList.replaceChildren(Object.assign(document.createElement('p'), { textContent: query.trim() ? t.noTitleContains(query.trim()) : '' }));
      return;
    }
    const [best, ...others] = ranked.map((index) => ({ slug: slugAt(data, index), title: data.titles[index]! }));
    showFocused(best!.slug, best!.title, others);
  };

  const draw = async () => {
    view?.destroy();
    container.dataset.graphState = 'loading';
    try {
      view = await drawGlobalGraph(container, { base, tooltip, showMissing: missingToggle.checked });
      if (focusedSlug) view.focus(focusedSlug);
      if (legend.hidden) showGroups(await loadGraphData(base));
    } catch (error) {
      container.dataset.graphState = 'error';
      matchList.textContent = t.failedGlobal;
      console.error(error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  missingToggle.addEventListener('change', () => void draw());
  void draw();
}
