/** Sorting the glossary by either column and filtering it as the reader types. */
import { titleKey } from '../lib/titles/titles.ts';
import { interfaceStrings } from '../lib/site/interface-strings.ts';

const collators = [new Intl.Collator('en', { numeric: true, sensitivity: 'base' }), new Intl.Collator('ja', { numeric: true })];

export function initGlossary(root: HTMLElement): void {
  const body = root.querySelector('tbody')!;
  const rows = [...body.rows].map((row) => ({
    row,
    cells: [...row.cells].map((cell) => cell.textContent ?? ''),
    keys: [...row.cells].map((cell) => titleKey(cell.textContent ?? '')),
  }));
  const filter = root.querySelector<HTMLInputElement>('#glossary-filter')!;
  const count = root.querySelector<HTMLElement>('.glossary-count')!;
  const headers = [...root.querySelectorAll<HTMLTableCellElement>('th')];

  root.querySelectorAll<HTMLButtonElement>('button[data-sort]').forEach((button) => {
    button.addEventListener('click', () => {
      const column = Number(button.dataset.sort);
      const header = headers[column]!;
      const descending = header.getAttribute('aria-sort') === 'ascending';
      headers.forEach((h) => h.setAttribute('aria-sort', 'none'));
      header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const collator = collators[column]!;
      rows.sort((a, b) => collator.compare(a.cells[column]!, b.cells[column]!) * (descending ? -1 : 1));
      body.append(...rows.map(({ row }) => row));
    });
  });

  const apply = () => {
    const wanted = titleKey(filter.value);
    let shown = 0;
    for (const { row, keys } of rows) {
      const match = wanted === '' || keys.some((key) => key.includes(wanted));
      row.hidden = !match;
      if (match) shown++;
    }
    count.textContent = wanted === '' ? '' : interfaceStrings(document.documentElement.lang).glossaryPage.shown(shown, rows.length);
  };
  filter.addEventListener('input', apply);
}
