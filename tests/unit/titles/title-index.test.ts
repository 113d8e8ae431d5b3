import { describe, expect, test } from 'vitest';
import type { NoteSlug } from '../../../src/lib/titles/slugs.ts';
import { buildTitleIndex, type IndexedNote } from '../../../src/lib/titles/title-index.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';

const notes: IndexedNote[] = [
  { title: 'Task Management', filePath: 'Task Management.md' },
  { title: 'tf-idf', filePath: 'tf-idf.md' },
  { title: 'Start/expand/connect', filePath: 'Start-expand-connect.md' },
  { title: 'Social Hack Day #57', filePath: 'Social Hack Day #57.md' },
  { title: 'Also available in black.', filePath: 'Also available in black..md' },
  { title: 'Caf\u00e9', filePath: 'Cafe.md' },
  { title: '知的生産術', filePath: '知的生産術.md' },
  { title: 'LaTeX', filePath: 'features/Latex.md' },
  { title: '@babel/preset-react', filePath: '@babel/preset-react.md' },
];
const index = buildTitleIndex(notes);

describe('buildTitleIndex', () => {
  test.each([
    ['task management', 'Task Management'],
    ['TASK_MANAGEMENT', 'Task Management'],
    ['TF-IDF', 'tf-idf'],
    ['start/expand/connect', 'Start/expand/connect'],
    ['social hack day #57', 'Social Hack Day #57'],
    ['also available in black.', 'Also available in black.'],
    ['Cafe\u0301', 'Caf\u00e9'],
    ['知的生産術', '知的生産術'],
    ['latex', 'LaTeX'],
    ['@babel/preset-react', '@babel/preset-react'],
  ])('finds %j as the note titled %j', (spelling, title) => {
    expect(index.noteByKey(titleKey(spelling))?.title).toBe(title);
  });

  test.each([
    ['a title without its trailing "."', 'Also available in black'],
    ['"/" written as a space', 'Start expand connect'],
    ['a title that is only a prefix', 'Social Hack Day'],
    ['an unknown title', 'No such note'],
  ])('finds nothing for %s (%j)', (_why, spelling) => {
    expect(index.noteByKey(titleKey(spelling))).toBeUndefined();
  });

  test('keeps the notes in input order with their title, slug and file path', () => {
    expect(index.notes.map((note) => note.filePath)).toEqual(notes.map((note) => note.filePath));
    expect(index.notes[2]).toEqual({
      title: 'Start/expand/connect',
      slug: 'start/expand/connect',
      filePath: 'Start-expand-connect.md',
    });
  });

  test.each([
    ['task_management', 'Task Management'],
    ['start/expand/connect', 'Start/expand/connect'],
    ['social_hack_day_＃57', 'Social Hack Day #57'],
    ['latex', 'LaTeX'],
  ])('finds the note that owns the URL %j', (slug, title) => {
    expect(index.noteBySlug(slug as NoteSlug)?.title).toBe(title);
  });

  test('does not give a URL to a file path name', () => {
    expect(index.noteBySlug('features/latex' as NoteSlug)).toBeUndefined();
  });

  describe('file paths as names', () => {
    test.each([
      ['features/Latex', 'LaTeX'],
      ['FEATURES/latex', 'LaTeX'],
      ['Cafe', 'Caf\u00e9'],
    ])('resolves the path %j to its note %j when no title has that key', (path, title) => {
      expect(index.noteByKey(titleKey(path))?.title).toBe(title);
    });

    test('does not take a Scrapbox export file name (the title with "/" as "-") as a name', () => {
      expect(index.noteByKey(titleKey('Start-expand-connect'))).toBeUndefined();
    });

    test('lets a title win over another note\u2019s file path', () => {
      const byTitle = buildTitleIndex([
        { title: 'Layout (old)', filePath: 'layout.md' },
        { title: 'Layout', filePath: 'pages/current.md' },
      ]);
      expect(byTitle.noteByKey(titleKey('layout'))?.filePath).toBe('pages/current.md');
      expect(byTitle.noteByKey(titleKey('pages/current'))?.title).toBe('Layout');
    });

    test('gives a file path name to neither note when two paths share a key', () => {
      const clash = buildTitleIndex([
        { title: 'First', filePath: 'Notes/Draft.md' },
        { title: 'Second', filePath: 'notes/draft.MD' },
      ]);
      expect(clash.noteByKey(titleKey('notes/draft'))).toBeUndefined();
      expect(clash.noteByKey(titleKey('first'))?.filePath).toBe('Notes/Draft.md');
    });

    test('strips ".md" in any case from the path name', () => {
      const upper = buildTitleIndex([{ title: 'Shouting', filePath: 'dir/LOUD.MD' }]);
      expect(upper.noteByKey(titleKey('dir/loud'))?.title).toBe('Shouting');
    });
  });

  describe('duplicates', () => {
    test.each([
      [
        'quartz-docs "Plugins" twice',
        { title: 'Plugins', filePath: 'plugins/index.md' },
        { title: 'Plugins', filePath: 'tags/plugin.md' },
        'plugins',
      ],
      [
        'quartz-docs LaTeX and Latex (case only)',
        { title: 'LaTeX', filePath: 'features/Latex.md' },
        { title: 'Latex', filePath: 'plugins/Latex.md' },
        'latex',
      ],
      [
        '"_" versus space',
        { title: 'Task Management', filePath: 'a.md' },
        { title: 'task_management', filePath: 'b.md' },
        'task_management',
      ],
      [
        'NFC versus NFD',
        { title: 'Caf\u00e9', filePath: 'nfc.md' },
        { title: 'Cafe\u0301', filePath: 'nfd.md' },
        'café',
      ],
    ])('publishes both notes of %s at their own URLs, and the title names neither', (_why, first, second, slug) => {
      const index = buildTitleIndex([{ title: 'Unrelated', filePath: 'unrelated.md' }, first, second]);
      const [, a, b] = index.notes;
      expect(a!.slug).not.toBe(b!.slug);
      expect(a!.slug.startsWith(`${slug}~`)).toBe(true);
      expect(b!.slug.startsWith(`${slug}~`)).toBe(true);
      const key = titleKey(first.title);
      expect(index.noteByKey(key)).toBeUndefined();
      expect(index.ambiguousByKey(key)).toEqual({ key, title: first.title, slug, notes: [a, b] });
      expect(index.ambiguousTitles).toHaveLength(1);
      expect(index.noteBySlug(a!.slug)).toBe(a);
      // Their file paths still name each of them.
      expect(index.noteByKey(titleKey(first.filePath.replace(/\.md$/, '')))).toBe(a);
    });

    test('three notes with one title are one listing page', () => {
      const index = buildTitleIndex([
        { title: 'Plugins', filePath: 'a.md' },
        { title: 'plugins', filePath: 'b.md' },
        { title: 'PLUGINS', filePath: 'c.md' },
      ]);
      expect(index.ambiguousByKey(titleKey('plugins'))?.notes.map((note) => note.filePath)).toEqual(['a.md', 'b.md', 'c.md']);
      expect(new Set(index.notes.map((note) => note.slug)).size).toBe(3);
    });

    test('gives different keys different URLs even where their plain slugs would meet', () => {
      const index = buildTitleIndex([
        { title: 'x//y', filePath: 'empty-segment.md' },
        { title: 'x/-/y', filePath: 'dash-segment.md' },
        { title: 'a#b', filePath: 'hash.md' },
        { title: 'a＃b', filePath: 'full-width-hash.md' },
      ]);
      expect(new Set(index.notes.map((note) => note.slug)).size).toBe(4);
    });

    test.each([
      ['"/" versus space', 'Product/Market Fit', 'product market fit'],
      ['a trailing "."', 'Also available in black.', 'Also available in black'],
      ['"#" inside the title', 'ScrapboxSQUARE#2', 'ScrapboxSQUARE 2'],
      ['"-" versus space', '2-hop links', '2 hop links'],
    ])('accepts titles that only look alike (%s): %j and %j', (_why, a, b) => {
      const both = buildTitleIndex([
        { title: a, filePath: 'a.md' },
        { title: b, filePath: 'b.md' },
      ]);
      expect(both.noteByKey(titleKey(a))?.filePath).toBe('a.md');
      expect(both.noteByKey(titleKey(b))?.filePath).toBe('b.md');
    });
  });
});

describe('buildTitleIndex original titles', () => {
  const index = buildTitleIndex([
    { title: 'Municipal purchasing power', filePath: 'm.md', originalTitles: ['自治体の購買力'] },
    { title: 'mobility', filePath: 'mobility.md', originalTitles: ['可移動性', '遊動性'] },
    { title: '知的生産術', filePath: 'chiteki.md', originalTitles: [] },
    { title: 'Intellectual production', filePath: 'ip.md', originalTitles: ['知的生産術'] },
    { title: 'Copy A', filePath: 'a.md', originalTitles: ['同じ原題'] },
    { title: 'Copy B', filePath: 'b.md', originalTitles: ['同じ原題'] },
  ]);

  test.each([
    ['自治体の購買力', 'Municipal purchasing power'],
    ['可移動性', 'mobility'],
    ['遊動性', 'mobility'],
  ])('names the note %j translates from by it: %j', (original, title) => {
    expect(index.noteByKey(titleKey(original))?.title).toBe(title);
    expect(index.nameKind(titleKey(original))).toBe('original-title');
  });

  test('lets a title win over another note\u2019s original title', () => {
    expect(index.noteByKey(titleKey('知的生産術'))?.title).toBe('知的生産術');
    expect(index.nameKind(titleKey('知的生産術'))).toBe('title');
  });

  test('gives an original title that two notes claim to neither', () => {
    expect(index.noteByKey(titleKey('同じ原題'))).toBeUndefined();
  });

  test('gives no URL to an original title', () => {
    expect(index.noteBySlug('自治体の購買力' as NoteSlug)).toBeUndefined();
  });
});
