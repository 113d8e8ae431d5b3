/**
 * The graph of all notes at /graph/: draws it at once (the layout comes from the build),
 * finds notes by title (the best match is highlighted and centred, the next few offered),
 * and adds the missing-link pages on request. `#note=<slug>` focuses a page on arrival. Under
 * it, the named communities with their colours and best-linked notes, which the keyboard steps
 * through (each centred on the graph in turn). What needs no DOM is `lib/graph-view/global-graph-page.ts`.
 */
import { drawGlobalGraph } from './global-graph-view.ts';
import type { GraphContainer, GraphView } from './graph-types.ts';
import { loadGraphData } from './graph-view.ts';
import type { GraphData } from '../lib/graph/graph-data.ts';
import { communityLegend, focusedSlugFromHash, othersAfterChoosing, titleMatches } from '../lib/graph-view/global-graph-page.ts';
import { pageLink, stepThroughLinks } from './graph-page-list.ts';
import { hrefForSlug, type NoteSlug } from '../lib/titles/slugs.ts';
import { interfaceStrings, type InterfaceStrings } from '../lib/site/interface-strings.ts';

/** Matches listed under the search box besides the focused one. */
const MAX_MATCHES = 8;

/** The page's elements (pages/graph.astro). */
interface GlobalGraphParts {
  container: GraphContainer;
  tooltip: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  matchList: HTMLElement;
  missingToggle: HTMLInputElement;
  legend: HTMLElement;
  groups: HTMLOListElement;
}

/** What the page's steps share: its parts and strings, the drawn graph and the page focused. */
interface GlobalGraphPage {
  base: string;
  t: InterfaceStrings['graph'];
  parts: GlobalGraphParts;
  view: GraphView | undefined;
  focusedSlug: string | undefined;
  /** Puts the legend's first link in the tab order, after the legend changed. */
  resetSteps: () => void;
}

export function initGlobalGraph(root: HTMLElement): void {
  const parts = globalGraphParts(root);
  const page: GlobalGraphPage = {
    base: root.dataset.base ?? '/',
    t: interfaceStrings(document.documentElement.lang).graph,
    parts,
    view: undefined,
    focusedSlug: undefined,
    resetSteps: () => {},
  };
  page.resetSteps = stepThroughLinks(parts.groups, (slug) => {
    if (slug) page.view?.focus(slug);
  });
  page.focusedSlug = focusedSlugFromHash(location.hash);
  parts.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(page);
  });
  parts.missingToggle.addEventListener('change', () => void draw(page));
  void draw(page);
}

function globalGraphParts(root: HTMLElement): GlobalGraphParts {
  const form = root.querySelector<HTMLFormElement>('[data-graph-search]')!;
  const legend = root.querySelector<HTMLElement>('[data-graph-legend]')!;
  return {
    container: root.querySelector<GraphContainer>('[data-graph-canvas]')!,
    tooltip: root.querySelector<HTMLElement>('[data-graph-tooltip]')!,
    form,
    input: form.querySelector<HTMLInputElement>('input')!,
    matchList: root.querySelector<HTMLElement>('[data-graph-matches]')!,
    missingToggle: root.querySelector<HTMLInputElement>('[data-graph-missing]')!,
    legend,
    groups: legend.querySelector<HTMLOListElement>('[data-graph-groups]')!,
  };
}

/** Draws the graph (again, when the missing titles are switched on or off), then focuses the page asked for and fills the legend once. */
async function draw(page: GlobalGraphPage): Promise<void> {
  const { container, tooltip, missingToggle, legend, matchList } = page.parts;
  page.view?.destroy();
  container.dataset.graphState = 'loading';
  try {
    page.view = await drawGlobalGraph(container, { base: page.base, tooltip, showMissing: missingToggle.checked });
    if (page.focusedSlug) page.view.focus(page.focusedSlug);
    if (legend.hidden) showGroups(page, await loadGraphData(page.base));
  } catch (error) {
    container.dataset.graphState = 'error';
    matchList.textContent = page.t.failedGlobal;
    console.error(error);
  }
}

/** The legend: each named community's colour, best-linked notes and size, then the notes in none. */
function showGroups(page: GlobalGraphPage, data: GraphData): void {
  const { t, parts } = page;
  const count = (n: number) => n.toLocaleString(document.documentElement.lang || undefined);
  const legend = communityLegend(data);
  const items = legend.groups.map((group) => {
    const item = legendItem(`var(--community-${group.community})`);
    group.leaders.forEach((leader, at) => {
      if (at > 0) item.append(' · ');
      item.append(pageLink(leader, page.base));
    });
    item.append(` (${t.groupNotes(count(group.noteCount))})`);
    return item;
  });
  const other = legendItem('var(--community-other)');
  other.append(t.otherNotes(count(legend.otherNotes)));
  parts.groups.replaceChildren(...items, ...(legend.otherNotes > 0 ? [other] : []));
  page.resetSteps();
  parts.legend.hidden = items.length === 0;
}

/** A legend line, opening with a swatch of `colour`. */
function legendItem(colour: string): HTMLLIElement {
  const item = document.createElement('li');
  const swatch = document.createElement('span');
  swatch.className = 'graph-swatch';
  swatch.style.backgroundColor = colour;
  item.append(swatch);
  return item;
}

/** Finds the titles containing the search box's words: the best is focused, the next offered. */
async function search(page: GlobalGraphPage): Promise<void> {
  const data = await loadGraphData(page.base);
  const query = page.parts.input.value;
  const [best, ...others] = titleMatches(data, query, page.parts.missingToggle.checked, MAX_MATCHES + 1);
  if (!best) {
    page.parts.matchList.replaceChildren(Object.assign(document.createElement('p'), { textContent: query.trim() ? page.t.noTitleContains(query.trim()) : '' }));
    return;
  }
  showFocused(page, best, others);
}

/** Focuses a matched page on the graph, says whether it is drawn, and offers the other matches as buttons. */
function showFocused(page: GlobalGraphPage, match: { slug: NoteSlug; title: string }, others: { slug: NoteSlug; title: string }[]): void {
  page.focusedSlug = match.slug;
  const found = page.view?.focus(match.slug) ?? false;
  const line = document.createElement('p');
  const open = document.createElement('a');
  open.href = hrefForSlug(match.slug, page.base);
  open.textContent = match.title;
  open.className = 'graph-match-focused';
  line.append(found ? page.t.centred : page.t.notDrawn, open);
  const list = document.createElement('ul');
  for (const other of others) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'graph-match-button';
    button.textContent = other.title;
    button.addEventListener('click', () => showFocused(page, other, othersAfterChoosing(others, other)));
    item.append(button);
    list.append(item);
  }
  page.parts.matchList.replaceChildren(line, ...(others.length > 0 ? [list] : []));
}
