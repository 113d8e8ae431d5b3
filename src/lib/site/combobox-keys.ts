// Bundled for the browser: imports nothing from node:*.
/**
 * What a key does in a combobox's list (the search box in the header), as WAI-ARIA's
 * combobox pattern has it: ArrowDown and ArrowUp move through the options and wrap around,
 * Enter opens the active option (the first when none is active) or else the search page,
 * Escape closes the list, or leaves the box when the list is closed.
 */
export type ComboboxAction =
  | { kind: 'move'; to: number }
  | { kind: 'open option'; index: number }
  | { kind: 'open search page' }
  | { kind: 'close' }
  | { kind: 'leave' }
  | { kind: 'none' };

/**
 * @param active the active option, -1 for none
 * @param count how many options the list has
 * @param listOpen whether the list is shown
 * @param typed whether the box holds more than spaces
 */
export function comboboxAction(key: string, state: { active: number; count: number; listOpen: boolean; typed: boolean }): ComboboxAction {
  const { active, count, listOpen, typed } = state;
  switch (key) {
    case 'ArrowDown':
      return count > 0 ? { kind: 'move', to: (active + 1) % count } : { kind: 'none' };
    case 'ArrowUp':
      return count > 0 ? { kind: 'move', to: active <= 0 ? count - 1 : active - 1 } : { kind: 'none' };
    case 'Enter':
      if (count > 0) return { kind: 'open option', index: active >= 0 && active < count ? active : 0 };
      return typed ? { kind: 'open search page' } : { kind: 'none' };
    case 'Escape':
      return listOpen ? { kind: 'close' } : { kind: 'leave' };
    default:
      return { kind: 'none' };
  }
}
