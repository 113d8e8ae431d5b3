/**
 * The search box in the header: titles as you type, a WAI-ARIA combobox (up/down to move,
 * Enter to open, Escape to close), `/` or Ctrl/Cmd+K to focus it from anywhere.
 *
 * It answers with the titles that hold what is typed (`lib/search/titles-only.ts`), from the
 * few title pieces the query needs, and searches the full text only when no title holds the
 * query; its last row opens the search page, which searches the full text.
 */
import type { SearchAnswer, SearchHit } from './pagefind-search.ts';
import type { renderHit } from './search-hit.ts';
import type { InterfaceStrings } from '../lib/site/interface-strings.ts';
import { comboboxAction } from '../lib/site/combobox-keys.ts';
import { pageStrings } from './page-strings.ts';

const SHOWN = 8;
/** Of them, at most this many titles that start with the query (Scrapbox's "jump to page"). */
const TITLES_SHOWN = 5;

/** The search code (Pagefind's API, the title list, how a hit is shown), loaded when the box is first used. */
const searchCode = () => import('./pagefind-search.ts');
const hitCode = () => import('./search-hit.ts');

type SearchStrings = InterfaceStrings['search'];

export function initSearchBox(form: HTMLFormElement): void {
  const base = import.meta.env.BASE_URL;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const list = resultList(form, input);
  const searchPageUrl = () => `${base}search/?q=${encodeURIComponent(input.value.trim().toWellFormed())}`;
  const answer = answerAsTyped(base, input, list, searchPageUrl);

  input.addEventListener(
    'focus',
    () => {
      void searchCode().then(({ preloadTitles }) => preloadTitles(base));
      void pageStrings();
    },
    { once: true },
  );
  input.addEventListener('input', () => void answer());
  input.addEventListener('keydown', (event) => onKey(event, input, list, searchPageUrl));
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) list.open(false);
  });
  input.addEventListener('focus', () => {
    if (list.hasContent()) list.open(true);
  });
  focusShortcuts(input);
}

/** The popup under the box: its options, which is active, and the status line. */
interface ResultList {
  open(isOpen: boolean): void;
  readonly isOpen: boolean;
  options(): HTMLElement[];
  readonly active: number;
  setActive(index: number): void;
  /** Shows the hits, then the link to the search page if any, and the status line. */
  show(hits: HTMLElement[], searchPageLink: HTMLElement | undefined, statusText: string, t: SearchStrings): void;
  /** Says the search failed. */
  showUnavailable(t: SearchStrings): void;
  clear(): void;
  hasContent(): boolean;
}

function resultList(form: HTMLFormElement, input: HTMLInputElement): ResultList {
  const { popup, list, status } = addComboboxParts(form, input);
  let active = -1;
  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const self: ResultList = {
    get isOpen() {
      return !popup.hidden;
    },
    get active() {
      return active;
    },
    options,
    open(isOpen) {
      popup.hidden = !isOpen;
      input.setAttribute('aria-expanded', String(isOpen));
      if (!isOpen) self.setActive(-1);
    },
    setActive(index) {
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
    },
    show(hits, searchPageLink, statusText, t) {
      list.setAttribute('aria-label', t.results);
      list.replaceChildren(...hits.map((hit, i) => option(`search-option-${i}`, hit)), ...(searchPageLink ? [option('search-option-all', searchPageLink)] : []));
      status.textContent = statusText;
      self.open(true);
      self.setActive(-1);
    },
    showUnavailable(t) {
      list.setAttribute('aria-label', t.results);
      status.textContent = t.unavailable;
      self.open(true);
    },
    clear() {
      list.replaceChildren();
      status.textContent = '';
      self.open(false);
    },
    hasContent: () => list.childElementCount > 0 || status.textContent !== '',
  };
  return self;
}

/** Answers the query in the box on every keystroke; only the latest keystroke's answer is shown. */
function answerAsTyped(base: string, input: HTMLInputElement, list: ResultList, searchPageUrl: () => string): () => Promise<void> {
  let latest = 0;
  return async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query === '') return list.clear();
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
          if (ticket === latest) list.show(hitRows(titles, search, renderHit), undefined, '', search);
        });
      const found = await searchNotes(base, query, { limit: SHOWN, titles: TITLES_SHOWN, debounce: 120, fullText: 'when no title holds it', onTitles });
      if (!found || ticket !== latest) return;
      const t = (await strings).search;
      list.show(hitRows(found.hits, t, renderHit), searchPageLink(query, found, t, searchPageUrl()), statusLine(query, found, t), t);
    } catch (error) {
      list.showUnavailable((await pageStrings()).search);
      console.error(error);
    }
  };
}

function hitRows(hits: SearchHit[], t: SearchStrings, render: typeof renderHit): HTMLElement[] {
  return hits.map((hit) => render(hit, t.noNoteYet));
}

/**
 * The row after the hits: the search page for the full text when the box showed titles only,
 * or for all the results when it showed some of them.
 */
function searchPageLink(query: string, found: SearchAnswer, t: SearchStrings, href: string): HTMLElement | undefined {
  if (!found.titlesOnly && found.total <= found.hits.length) return undefined;
  const link = document.createElement('a');
  link.className = 'search-all';
  link.href = href;
  link.textContent = found.titlesOnly ? t.searchFullText(query) : t.allResults(found.total, query);
  return link;
}

function statusLine(query: string, found: SearchAnswer, t: SearchStrings): string {
  if (found.titlesOnly) return t.titleCount(found.total);
  return (found.total === 0 ? t.noNotesMatch(query) : t.resultCount(found.total)) + (found.searchedInstead ? ` ${t.searchedInstead(found.searchedInstead)}` : '');
}

function onKey(event: KeyboardEvent, input: HTMLInputElement, list: ResultList, searchPageUrl: () => string): void {
  const options = list.options();
  const action = comboboxAction(event.key, { active: list.active, count: options.length, listOpen: list.isOpen, typed: input.value.trim() !== '' });
  if (event.key === 'Enter' || action.kind === 'move') event.preventDefault();
  switch (action.kind) {
    case 'move':
      if (!list.isOpen) list.open(true);
      list.setActive(action.to);
      break;
    case 'open option': {
      const link = options[action.index]?.querySelector('a');
      if (link) window.location.assign(link.href);
      break;
    }
    case 'open search page':
      window.location.assign(searchPageUrl());
      break;
    case 'close':
      list.open(false);
      break;
    case 'leave':
      input.blur();
      break;
  }
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
