import { describe, expect, test } from 'vitest';
import { interfaceStrings, SITE_LANGUAGES, type InterfaceStrings } from '../../../src/lib/site/interface-strings.ts';

/** Every string of a language, functions called with sample figures, by its path. */
function flatten(strings: InterfaceStrings): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') out.set(path, String((value as (...args: unknown[]) => unknown)(3, 'Q', 5)));
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
  };
  walk(strings, '');
  return out;
}

const en = flatten(interfaceStrings('en'));
const ja = flatten(interfaceStrings('ja'));

describe('interfaceStrings', () => {
  test('ships every string in every language', () => {
    for (const language of SITE_LANGUAGES) expect([...flatten(interfaceStrings(language)).keys()]).toEqual([...en.keys()]);
  });

  // Texts that read the same in both languages: a search placeholder that names both, a separator.
  const SAME = new Set(['glossaryPage.filterPlaceholder']);
  test.each([...en.keys()].filter((key) => !SAME.has(key) && !['htmlLang', 'ogLocale', 'numberLocale', 'describe.listSeparator'].includes(key)))(
    'has Japanese for %s',
    (key) => {
      const text = ja.get(key) ?? '';
      expect(text).not.toBe(en.get(key));
      if (text.trim() !== '') expect(text).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
    },
  );

  test('puts the figures and titles into the sentence in each language', () => {
    for (const language of SITE_LANGUAGES) {
      const t = interfaceStrings(language);
      expect(t.backlinks.heading(7)).toContain('7');
      expect(t.search.allResults(12, 'Zettelkasten')).toMatch(/12.*Zettelkasten|Zettelkasten.*12/);
      expect(t.twoHop.showAll(4, 'Task Management')).toContain('Task Management');
    }
  });

  test.each([
    [1, 'Linked from 1 note'],
    [2, 'Linked from 2 notes'],
  ])('writes English plurals: %i', (count, text) => {
    expect(interfaceStrings('en').backlinks.heading(count)).toBe(text);
  });

  test('separates listed titles the way each language does', () => {
    expect(interfaceStrings('en').describe.listSeparator).toBe(', ');
    expect(interfaceStrings('ja').describe.listSeparator).toBe('、');
  });

  test('counts the home page figures in the singular when there is one', () => {
    expect(interfaceStrings('en').home.stats(1, 1, 1)).toMatch(/^1 note and 1 title that has no note yet, joined by 1 link\. /);
    expect(interfaceStrings('en').home.stats(7392, 14093, 0)).toMatch(/^7,392 notes and 14,093 titles that have no note yet, joined by 0 links\. /);
    expect(interfaceStrings('ja').home.stats(7392, 1, 2)).toMatch(/^7,392 件のノートと、まだノートのない 1 件のタイトルが、2 本のリンク/);
  });

  test.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['JA', 'ja'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('gives the strings of lang=%j in %s', (lang, language) => {
    expect(interfaceStrings(lang).htmlLang).toBe(language);
  });

  test('sets lang and og:locale per language', () => {
    expect([interfaceStrings('en').htmlLang, interfaceStrings('en').ogLocale]).toEqual(['en', 'en_US']);
    expect([interfaceStrings('ja').htmlLang, interfaceStrings('ja').ogLocale]).toEqual(['ja', 'ja_JP']);
  });
});
