/**
 * The search box's popup, loaded when the box first gets focus (with the search code it
 * calls), so that the script every page loads stays small: the results list and its state,
 * answering each keystroke, and the keys (`lib/site/combobox-keys.ts`). `search-box.ts` sets
 * up the box itself.
 */
import type { InterfaceStrings } from '../lib/site/interface-strings.ts';
import { comboboxAction } from '../lib/site/combobox-keys.ts';
import { pageStrings } from './page-strings.ts';
import { searchNotes, type SearchAnswer, type SearchHit } from './pagefind-search.ts';
import { renderHit } from './search-hit.ts';

const SHOWN = 8;
/** Of them, at most this many titles that start with the query (Scrapbox's "jump to page"). */
const TITLES_SHOWN = 5;

type SearchStrings = InterfaceStrings['search'];

/** The popup's elements, made by `search-box.ts` when the page loads (the input's `aria-controls` names the list). */
export interface ComboboxParts {
  popup: HTMLElement;
  list: HTMLUListElement;
  status: HTMLElement;
}

/** What the box hands to its popup's events. */
export interface SearchBoxPopup {
  /** Answers what the box holds now. */
  answer(): Promise<void>;
  onKey(event: KeyboardEvent): void;
}

export function searchBoxPopup(base: string, form: HTMLFormElement, input: HTMLInputElement, parts: ComboboxParts): SearchBoxPopup {
  const list = resultList(input, parts);
  const searchPageUrl = () => `${base}search/?q=${encodeURIComponent(input.value.trim().toWellFormed())}`;
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) list.open(false);
  });
  input.addEventListener('focus', () => {
    if (list.hasContent()) list.open(true);
  });
  return { answer: answerAsTyped(base, input, list, searchPageUrl), onKey: (event) => onKey(event, input, list, searchPageUrl) };
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

function resultList(input: HTMLInputElement, { popup, list, status }: ComboboxParts): ResultList {
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
      const strings = pageStrings();
      // The titles first, while the full-text hits load (the status line waits for them).
      const onTitles = (titles: SearchHit[]) =>
        void strings.then(({ search }) => {
          if (ticket === latest) list.show(hitRows(titles, search), undefined, '', search);
        });
      const found = await searchNotes(base, query, { limit: SHOWN, titles: TITLES_SHOWN, debounce: 120, fullText: 'when no title holds it', onTitles });
      if (!found || ticket !== latest) return;
      const t = (await strings).search;
      list.show(hitRows(found.hits, t), searchPageLink(query, found, t, searchPageUrl()), statusLine(query, found, t), t);
    } catch (error) {
      list.showUnavailable((await pageStrings()).search);
      console.error(error);
    }
  };
}

function hitRows(hits: SearchHit[], t: SearchStrings): HTMLElement[] {
  return hits.map((hit) => renderHit(hit, t.noNoteYet));
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


function option(id: string, content: HTMLElement): HTMLLIElement {
  const item = document.createElement('li');
  item.id = id;
  item.setAttribute('role', 'option');
  item.setAttribute('aria-selected', 'false');
  item.append(content);
  return item;
}
