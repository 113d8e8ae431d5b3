/**
 * The interface strings of the page's language (`<html lang>`), for the scripts every page
 * loads: fetched when a script first needs them, so they stay out of the first load (a note
 * page loads a few KB of script before the reader does anything).
 */
import type { InterfaceStrings } from '../lib/site/interface-strings.ts';

let loading: Promise<InterfaceStrings> | undefined;

export function pageStrings(): Promise<InterfaceStrings> {
  loading ??= import('../lib/site/interface-strings.ts').then(({ interfaceStrings }) => interfaceStrings(document.documentElement.lang));
  return loading;
}
