/**
 * The search page, `/search/?q=…&kind=…`: the URL is the state, so a search can be shared.
 */
import { searchNotes } from './pagefind-search.ts';
import { renderHit } from './search-hit.ts';
import { pageStrings } from './page-strings.ts';

const SHOWN = 30;
/** At most this many titles first: the page titled as the query, then titles it misspells. */
const TITLES_SHOWN = 3;

export function initSearchPage(root: HTMLElement): void {
  const base = root.dataset.base ?? '/';
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const list = root.querySelector<HTMLOListElement>('.search-results')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;

  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  const kindInput = form.querySelector<HTMLInputElement>(`input[name="kind"][value="${CSS.escape(params.get('kind') ?? '')}"]`);
  if (kindInput) kindInput.checked = true;

  const kind = () => form.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.value || undefined;

  let latest = 0;
  async function update(): Promise<void> {
    const query = input.value.trim();
    const ticket = ++latest;
    const url = new URL(window.location.href);
    url.searchParams.set('q', query);
    if (kind()) url.searchParams.set('kind', kind()!);
    else url.searchParams.delete('kind');
    window.history.replaceState(null, '', url);
    const t = (await pageStrings()).search;
    if (ticket !== latest) return;
    if (query === '') {
      list.replaceChildren();
      status.textContent = t.typeSomething;
      return;
    }
    const answer = await searchNotes(base, query, { limit: SHOWN, titles: TITLES_SHOWN, prefixes: false, kind: kind(), debounce: 120 });
    if (!answer || ticket !== latest) return;
    list.replaceChildren(
      ...answer.hits.map((hit) => {
        const item = document.createElement('li');
        item.append(renderHit(hit, t.noNoteYet));
        return item;
      }),
    );
    status.textContent =
      (answer.total === 0 ? t.noPagesMatch(query) : t.pagesMatch(answer.total, query, SHOWN)) +
      (answer.searchedInstead ? ` ${t.searchedInstead(answer.searchedInstead)}` : '');
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
  input.addEventListener('input', () => void update());
  form.addEventListener('change', () => void update());
  void update();
  if (!input.value) input.focus();
}
