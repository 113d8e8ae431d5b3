/**
 * The search box in the header: results as you type, a WAI-ARIA combobox (up/down to move,
 * Enter to open, Escape to close), `/` or Ctrl/Cmd+K to focus it from anywhere.
 */
import type { SearchHit } from './pagefind-search.ts';
import type { renderHit } from './search-hit.ts';
import type { InterfaceStrings } from '../lib/site/interface-strings.ts';
import { pageStrings } from './page-strings.ts';

const SHOWN = 8;
/** Of them, at most this many titles that start with the query (Scrapbox's "jump to page"). */
const TITLES_SHOWN = 5;

/** The search code (Pagefind's API, the title list, how a hit is shown), loaded when the box is first used. */
const searchCode = () => import('./pagefind-search.ts');
const hitCode = () => import('./search-hit.ts');

export function initSearchBox(form: HTMLFormElement): void {
  const base = import.meta.env.BASE_URL;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const { popup, list, status } = addComboboxParts(form, input);
  let hits: SearchHit[] = [];
  let active = -1;

  const allResultsUrl = () => `${base}search/?q=${encodeURIComponent(input.value.trim().toWellFormed())}`;
  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];

  function open(isOpen: boolean): void {
    popup.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) setActive(-1);
  }

  function setActive(index: number): void {
    const all = options();
    active = all.length === 0 ? -1 : index;
    all.forEach((option, i) => {
      option.classList.toggle('is-active', i === active);
      option.setAttribute('aria-selected', String(i === active));
    });
    const current = all[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function show(query: string, found: SearchHit[], total: number, searchedInstead: string | undefined, t: InterfaceStrings['search'], render: typeof renderHit): void {
    hits = found;
    list.setAttribute('aria-label', t.results);
    list.replaceChildren(
      ...found.map((hit, i) => option(`search-option-${i}`, render(hit, t.noNoteYet))),
      ...(total > found.length ? [option('search-option-all', allResultsLink(query, total, t))] : []),
    );
    status.textContent = (total === 0 ? t.noNotesMatch(query) : t.resultCount(total)) + (searchedInstead ? ` ${t.searchedInstead(searchedInstead)}` : '');
    open(true);
    setActive(-1);
  }

  function allResultsLink(query: string, total: number, t: InterfaceStrings['search']): HTMLElement {
    const link = document.createElement('a');
    link.className = 'search-all';
    link.href = allResultsUrl();
    link.textContent = t.allResults(total, query);
    return link;
  }

  let latest = 0;
  async function update(): Promise<void> {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    try {
      const [{ searchNotes }, { renderHit }] = await Promise.all([searchCode(), hitCode()]);
      // Only the latest keystroke searches. The first ones all wait for the search code, and
      // they may resume in any order: `searchNotes` answers only its newest call, so an older
      // keystroke resuming last would silence the answer to the newest.
      if (ticket !== latest) return;
      const strings = pageStrings();
      // The titles first, while the full-text hits load (the status line waits for them).
      const onTitles = (titles: SearchHit[]) =>
        void strings.then(({ search }) => {
          if (ticket !== latest) return;
          hits = titles;
          list.setAttribute('aria-label', search.results);
          list.replaceChildren(...titles.map((hit, i) => option(`search-option-${i}`, renderHit(hit, search.noNoteYet))));
          status.textContent = '';
          open(true);
          setActive(-1);
        });
      const answer = await searchNotes(base, query, { limit: SHOWN, titles: TITLES_SHOWN, debounce: 120, onTitles });
      if (answer && ticket === latest) show(query, answer.hits, answer.total, answer.searchedInstead, (await strings).search, renderHit);
    } catch (error) {
      const t = (await pageStrings()).search;
      list.setAttribute('aria-label', t.results);
      status.textContent = t.unavailable;
      open(true);
      console.error(error);
    }
  }

  input.addEventListener(
    'focus',
    () => {
      void searchCode().then(({ preloadSearch }) => preloadSearch(base));
      void pageStrings();
    },
    { once: true },
  );
  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (event) => {
    const count = options().length;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      if (popup.hidden) open(true);
      setActive((active + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const link = options()[active >= 0 ? active : 0]?.querySelector('a');
      if (link) window.location.assign(link.href);
      else if (input.value.trim()) window.location.assign(allResultsUrl());
    } else if (event.key === 'Escape') {
      if (!popup.hidden) open(false);
      else input.blur();
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) open(false);
  });
  input.addEventListener('focus', () => {
    if (hits.length > 0 || status.textContent) open(true);
  });
  focusShortcuts(input);
}

/**
 * What the box needs only when script runs, kept out of the page's HTML: the combobox state
 * on the input, the `/` hint, and the results popup (a listbox and a live status line). The
 * listbox gets its name with the first results, when the page's strings have loaded.
 */
function addComboboxParts(form: HTMLFormElement, input: HTMLInputElement): { popup: HTMLElement; list: HTMLUListElement; status: HTMLElement } {
  const attributes = {
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'site-search-results',
    'aria-autocomplete': 'list',
    'aria-keyshortcuts': '/ Control+K Meta+K',
  };
  for (const [name, value] of Object.entries(attributes)) input.setAttribute(name, value);
  const hint = element('kbd', 'search-shortcut');
  hint.setAttribute('aria-hidden', 'true');
  hint.textContent = '/';
  const popup = element('div', 'search-popup');
  popup.hidden = true;
  const list = element('ul');
  list.id = 'site-search-results';
  list.setAttribute('role', 'listbox');
  const status = element('p', 'search-status');
  status.setAttribute('aria-live', 'polite');
  popup.append(list, status);
  input.after(hint);
  form.append(popup);
  return { popup, list, status };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  return made;
}

function option(id: string, content: HTMLElement): HTMLLIElement {
  const item = document.createElement('li');
  item.id = id;
  item.setAttribute('role', 'option');
  item.setAttribute('aria-selected', 'false');
  item.append(content);
  return item;
}

/** `/` (outside text fields) and Ctrl/Cmd+K focus the box. */
function focusShortcuts(input: HTMLInputElement): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const modK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (slash || modK) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}
