import { describe, expect, test } from 'vitest';
import { resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';
import { fileSystemKey, shortHash, slugForKey, type NoteSlug } from '../../../src/lib/titles/slugs.ts';
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

describe('buildTitleIndex when two pages want one URL', () => {
  // A hash that gives every key the same 26 characters: long titles that begin alike collide,
  // as two titles would if someone found a SHA-256 collision.
  const collidingHash = (text: string) => (text.includes('\n') ? shortHash(text) : 'a'.repeat(26));
  const prefix = 'a long title that begins alike '.repeat(8);
  const first = { title: `${prefix} one`, filePath: 'one.md' };
  const second = { title: `${prefix} two`, filePath: 'two.md' };

  test.each([
    ['in file order', [first, second]],
    ['in reverse order', [second, first]],
  ])('publishes both at their own URLs, the first by title key keeping the one its title gives (%s)', (_order, input) => {
    const index = buildTitleIndex(input, { hash: collidingHash });
    const one = index.noteByKey(titleKey(first.title))!;
    const two = index.noteByKey(titleKey(second.title))!;
    const wanted = slugForKey(titleKey(first.title), collidingHash);
    expect(slugForKey(titleKey(second.title), collidingHash)).toBe(wanted);
    expect(one.slug).toBe(wanted);
    expect(two.slug).not.toBe(wanted);
    expect(two.slug).toMatch(/~[a-z2-7]{26}$/);
    expect(two.slug.slice(0, 100)).toBe(wanted.slice(0, 100));
    expect(index.noteBySlug(one.slug)).toBe(one);
    expect(index.noteBySlug(two.slug)).toBe(two);
    expect(index.urlNotices).toEqual([{ note: two, wanted, reason: 'taken', holder: { title: first.title, filePath: 'one.md', slug: wanted } }]);
  });

  test('gives a missing title whose URL a note has a URL of its own, and links to it lead there, not to the note', () => {
    const index = buildTitleIndex([first], { hash: collidingHash });
    const note = index.noteByKey(titleKey(first.title))!;
    const key = titleKey(second.title);
    expect(slugForKey(key, collidingHash)).toBe(note.slug);
    const slug = index.slugForMissing(key);
    expect(slug).not.toBe(note.slug);
    expect(index.slugForMissing(key)).toBe(slug);
    const link = resolveWikiLink(second.title, index);
    expect(link).toMatchObject({ kind: 'missing', key, slug });
  });

  test('keeps a missing title whose URL no page has on the URL its title gives', () => {
    const index = buildTitleIndex([first]);
    expect(index.slugForMissing(titleKey(second.title))).toBe(slugForKey(titleKey(second.title)));
  });

  test('gives a listing page and a note that want one URL each their own', () => {
    const index = buildTitleIndex(
      [
        { title: `${prefix} shared`, filePath: 'a.md' },
        { title: `${prefix} SHARED`, filePath: 'b.md' },
        first,
      ],
      { hash: collidingHash },
    );
    const listing = index.ambiguousByKey(titleKey(`${prefix} shared`))!;
    const note = index.noteByKey(titleKey(first.title))!;
    expect(listing.slug).not.toBe(note.slug);
    expect(new Set([listing.slug, note.slug, ...listing.notes.map((ref) => ref.slug)]).size).toBe(4);
    expect(index.urlNotices).toHaveLength(1);
  });

  test('keeps apart two titles that only a case-insensitive file system confuses (ı and i), and says so', () => {
    const index = buildTitleIndex([
      { title: 'Kapı', filePath: 'door.md' },
      { title: 'Kapi', filePath: 'kapi.md' },
    ]);
    const kapi = index.noteByKey(titleKey('Kapi'))!;
    const door = index.noteByKey(titleKey('Kapı'))!;
    expect(kapi.slug).toBe('kapi');
    expect(door.slug).toMatch(/^kapı~[a-z2-7]{26}$/);
    expect(index.urlNotices).toEqual([{ note: door, wanted: 'kapı', reason: 'taken', holder: { title: 'Kapi', filePath: 'kapi.md', slug: 'kapi' } }]);
    // A link to a missing title that would meet a note's URL there does not lead to the note.
    const only = buildTitleIndex([{ title: 'Kapi', filePath: 'kapi.md' }]);
    expect(resolveWikiLink('Kapı', only)).toMatchObject({ kind: 'missing' });
    expect(fileSystemKey(only.slugForMissing(titleKey('Kapı')))).not.toBe('kapi');
  });

  test.each([
    ['long-path', Array(40).fill('deep').join('/')],
    ['device-name', 'Aux'],
    ['page-file', 'Notes/index.html'],
  ])('reports a note whose URL is rewritten for the file system (%s)', (reason, title) => {
    const index = buildTitleIndex([{ title, filePath: 'x.md' }]);
    const note = index.notes[0]!;
    expect(index.urlNotices).toEqual([{ note, wanted: note.slug, reason }]);
  });

  test('reports nothing for ordinary titles', () => {
    expect(buildTitleIndex(notes).urlNotices).toEqual([]);
  });
});
