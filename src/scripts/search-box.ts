/**
 * The search box in the header: titles as you type, a WAI-ARIA combobox (up/down to move,
 * Enter to open, Escape to close), `/` or Ctrl/Cmd+K to focus it from anywhere.
 *
 * It answers with the titles that hold what is typed (`lib/search/titles-only.ts`), from the
 * few title pieces the query needs, and searches the full text only when no title holds the
 * query; its last row opens the search page, which searches the full text. This part, in the
 * script every page loads, sets up the box; its popup (`search-box-popup.ts`) and the search
 * code load when the box first gets focus. Until then the box is a plain form: Enter opens
 * the search page.
 */
import type { ComboboxParts, SearchBoxPopup } from './search-box-popup.ts';
import { pageStrings } from './page-strings.ts';

export function initSearchBox(form: HTMLFormElement): void {
  const base = import.meta.env.BASE_URL;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const parts = addComboboxParts(form, input);
  let loaded: SearchBoxPopup | undefined;
  let loading: Promise<SearchBoxPopup> | undefined;
  const popup = () =>
    (loading ??= import('./search-box-popup.ts').then(
      ({ searchBoxPopup }) => (loaded = searchBoxPopup(base, form, input, parts)),
      (error: unknown) => {
        loading = undefined; // the next keystroke tries again
        throw error;
      },
    ));

  input.addEventListener(
    'focus',
    () => {
      void popup();
      void import('./pagefind-search.ts').then(({ preloadTitles }) => preloadTitles(base));
      void pageStrings();
    },
    { once: true },
  );
  input.addEventListener('input', () => void popup().then((box) => box.answer(), console.error));
  input.addEventListener('keydown', (event) => loaded?.onKey(event));
  focusShortcuts(input);
}

/**
 * What the box needs only when script runs, kept out of the page's HTML: the combobox state
 * on the input, the `/` hint, and the results popup (a listbox and a live status line). The
 * listbox gets its name with the first results, when the page's strings have loaded.
 */
function addComboboxParts(form: HTMLFormElement, input: HTMLInputElement): ComboboxParts {
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
