import { describe, expect, test } from 'vitest';
import { parseNoteSource, titleFromFilePath } from '../../../src/lib/notes/note-source.ts';

describe('titleFromFilePath', () => {
  test.each([
    ['Task Management.md', 'Task Management'],
    ['Also available in black..md', 'Also available in black.'],
    ['@babel/preset-react.md', '@babel/preset-react'],
    ['folder/LOUD.MD', 'folder/LOUD'],
    ['Cafe\u0301.md', 'Caf\u00e9'],
    ['notes.md.md', 'notes.md'],
    ['勘定科目.md', '勘定科目'],
  ])('names %j %j', (filePath, title) => {
    expect(titleFromFilePath(filePath)).toBe(title);
  });
});

describe('parseNoteSource titles', () => {
  test.each([
    ['a double-quoted title', 'title: "Business Model of Municipal System Orders"', 'Business Model of Municipal System Orders'],
    ['double-quoted escapes', 'title: "The \\"quoted\\" word"', 'The "quoted" word'],
    [
      "single quotes with '' escapes",
      `title: 'Two types of notifications: "may see" and "want to see."'`,
      'Two types of notifications: "may see" and "want to see."',
    ],
    ["a title that starts with ''", `title: '''Somebody''s'' idea of a title."'`, `'Somebody's' idea of a title."`],
    ['a title that is only quotes inside', `title: 'It''s fine.'`, `It's fine.`],
    ['a title with "/"', 'title: "Start/expand/connect"', 'Start/expand/connect'],
    ['a title with "#"', 'title: "Social Hack Day #57"', 'Social Hack Day #57'],
    ['a title that starts with "#"', 'title: "#Generation Z values"', '#Generation Z values'],
    ['a title that starts with "&"', 'title: "&Co"', '&Co'],
    ['a title that starts with "("', 'title: "(Parenthesised) start"', '(Parenthesised) start'],
    ['a title with " | "', 'title: "Some page | Site Name"', 'Some page | Site Name'],
    ['a trailing "."', 'title: "Also available in black."', 'Also available in black.'],
    ['a Japanese title', 'title: "知的生産術"', '知的生産術'],
    ['a plain (unquoted) title', 'title: Plain words', 'Plain words'],
    ['a \\u escape', 'title: "caf\\u00e9"', 'caf\u00e9'],
    ['an NFD title, stored NFC', 'title: "Cafe\u0301"', 'Caf\u00e9'],
  ])('reads %s as YAML', (_why, titleLine, title) => {
    const source = parseNoteSource('file name.md', `---\n${titleLine}\n---\nBody text.\n`);
    expect(source.title).toBe(title);
    expect(source.problems).toEqual([]);
    expect(source.body).toBe('Body text.\n');
  });

  test('keeps every frontmatter field', () => {
    const source = parseNoteSource('n.md', '---\ntitle: "T"\ntags: [a, b]\ndraft: true\n---\n');
    expect(source.frontmatter).toEqual({ title: 'T', tags: ['a', 'b'], draft: true });
  });

  test.each([
    ['no frontmatter', 'Just a body with [[links]].\n'],
    ['frontmatter without a title', '---\ntags: [x]\n---\nBody\n'],
    ['an empty title value (null)', '---\ntitle:\n---\nBody\n'],
    ['frontmatter that does not start the file', '\n---\ntitle: "Not frontmatter"\n---\n'],
  ])('falls back to the file path as title, without a problem, for %s', (_why, raw) => {
    const source = parseNoteSource('mitsuoka/勘定科目.md', raw);
    expect(source.title).toBe('mitsuoka/勘定科目');
    expect(source.problems).toEqual([]);
  });

  test('keeps the whole file as body when there is no frontmatter', () => {
    const raw = '# Heading\n\n---\n\ntext\n';
    expect(parseNoteSource('n.md', raw)).toEqual({
      filePath: 'n.md',
      title: 'n',
      frontmatter: {},
      body: raw,
      bodyStartLine: 1,
      problems: [],
    });
  });

  test('normalises the file path to NFC', () => {
    const source = parseNoteSource('Cafe\u0301.md', 'text');
    expect(source.filePath).toBe('Caf\u00e9.md');
    expect(source.title).toBe('Caf\u00e9');
  });
});

describe('parseNoteSource file format', () => {
  test('drops a byte order mark before the frontmatter', () => {
    const source = parseNoteSource('n.md', '\uFEFF---\ntitle: "With BOM"\n---\nBody\n');
    expect(source.title).toBe('With BOM');
    expect(source.body).toBe('Body\n');
    expect(source.bodyStartLine).toBe(4);
  });

  test('drops a byte order mark from a file without frontmatter', () => {
    expect(parseNoteSource('n.md', '\uFEFFBody\n').body).toBe('Body\n');
  });

  test('reads CRLF line ends', () => {
    const source = parseNoteSource('n.md', '---\r\ntitle: "CRLF note"\r\ntags: [a]\r\n---\r\nLine one\r\nLine two\r\n');
    expect(source.title).toBe('CRLF note');
    expect(source.frontmatter).toEqual({ title: 'CRLF note', tags: ['a'] });
    expect(source.body).toBe('Line one\r\nLine two\r\n');
    expect(source.bodyStartLine).toBe(5);
  });

  test.each([
    ['one field', '---\ntitle: "A"\n---\nBody', 4, 'Body'],
    ['three fields', '---\ntitle: "A"\ntags: [a]\ndraft: false\n---\n\nBody', 6, '\nBody'],
    ['the closing --- at the end of the file', '---\ntitle: "A"\n---', 3, ''],
    ['spaces after the ---', '---  \ntitle: "A"\n---\t\nBody', 4, 'Body'],
  ])('finds where the body starts with %s', (_why, raw, line, body) => {
    const source = parseNoteSource('n.md', raw);
    expect(source.title).toBe('A');
    expect(source.bodyStartLine).toBe(line);
    expect(source.body).toBe(body);
  });

  test('ends the frontmatter at the first closing ---, leaving a thematic break in the body', () => {
    const source = parseNoteSource('n.md', '---\ntitle: "A"\n---\nText\n\n---\nThis page is auto-translated.\n');
    expect(source.body).toBe('Text\n\n---\nThis page is auto-translated.\n');
  });

  test('reads an empty frontmatter block (---, ---) as frontmatter', () => {
    const source = parseNoteSource('Empty.md', '---\n---\nBody\n');
    expect(source.title).toBe('Empty');
    expect(source.body).toBe('Body\n');
    expect(source.bodyStartLine).toBe(3);
  });
});

describe('parseNoteSource problems', () => {
  test.each([
    ['a number', '---\ntitle: 2024\n---\n', 2, '2024'],
    ['a boolean', '---\ntitle: true\n---\n', 2, 'true'],
    ['a list', '---\ntags: [a]\ntitle: [a, b]\n---\n', 3, '["a","b"]'],
    ['a map', '---\ntitle:\n  en: English\n---\n', 2, '{"en":"English"}'],
    ['an empty string', '---\ndraft: false\n\ntitle: ""\n---\n', 4, '""'],
    ['only spaces', "---\ntitle: '   '\n---\n", 2, '"   "'],
  ])('reports a title that is %s at its file line and uses the file path', (_why, raw, line, shown) => {
    const source = parseNoteSource('dir/note.md', raw);
    expect(source.title).toBe('dir/note');
    expect(source.problems).toHaveLength(1);
    expect(source.problems[0]).toMatchObject({ filePath: 'dir/note.md', line });
    expect(source.problems[0]?.message).toContain(shown);
    expect(source.problems[0]?.message).toContain('"dir/note"');
    expect(source.problems[0]?.message).toContain('Quote the title');
  });

  test('reports a non-string title at its line in a CRLF file', () => {
    const source = parseNoteSource('n.md', '---\r\ndraft: true\r\ntitle: 12\r\n---\r\n');
    expect(source.problems[0]?.line).toBe(3);
  });

  test.each([
    ['an unquoted ": " on the first line', '---\ntitle: a: b\n---\nBody', 2],
    ['an unquoted ": " after other fields', '---\ntags: [a]\ndraft: false\ntitle: Start: expand\n---\nBody', 4],
    ['an unclosed double quote', '---\ntags: x\n\ntitle: "unclosed\n---\nBody', 4],
    ['a repeated key', '---\ntitle: "x"\ntitle: "y"\n---\nBody', 3],
    ['an unclosed flow list in a CRLF file', '---\r\ntitle: "A"\r\ntags: [a,\r\n---\r\nBody', 3],
  ])('reports invalid YAML (%s) at the 1-based file line and uses the file path', (_why, raw, line) => {
    const source = parseNoteSource('pages/Broken.md', raw);
    expect(source.title).toBe('pages/Broken');
    expect(source.frontmatter).toEqual({});
    expect(source.body).toBe('Body');
    expect(source.problems).toHaveLength(1);
    expect(source.problems[0]?.filePath).toBe('pages/Broken.md');
    expect(source.problems[0]?.message).toContain('not valid YAML');
    expect(source.problems[0]?.message).toContain('"pages/Broken"');
    expect(source.problems[0]?.line).toBe(line);
  });

  test('reports invalid YAML with a message naming the file\u2019s fallback title and the fix', () => {
    const [problem] = parseNoteSource('Broken.md', '---\ntitle: a: b\n---\n').problems;
    expect(problem?.message).toMatch(/^frontmatter is not valid YAML \(.+\); the note is published with the title "Broken"\. Fix the YAML/);
  });
});

describe('parseNoteSource, hostile frontmatter and line ends', () => {
  const ALIAS_BOMB = [
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
  ].join('\n');

  test('an alias bomb is not expanded: the note keeps its body, under its file path, with a warning on line 2', () => {
    const source = parseNoteSource('bomb.md', `---\ntitle: "Bomb"\n${ALIAS_BOMB}\n---\nBody [[link]].`);
    expect(source.title).toBe('bomb');
    expect(source.frontmatter).toEqual({});
    expect(source.body).toBe('Body [[link]].');
    expect(source.problems).toEqual([
      { filePath: 'bomb.md', line: 2, message: expect.stringMatching(/^frontmatter could not be read \(Excessive alias count/) },
    ]);
  });

  test('a __proto__ key and a value that contains itself are left out, with a warning each; the rest is kept', () => {
    const source = parseNoteSource('proto.md', '---\ntitle: "Proto"\n__proto__: {polluted: true}\nloop: &x [1, *x]\nkept: yes\n---\n');
    expect(source.title).toBe('Proto');
    expect(Object.keys(source.frontmatter)).toEqual(['title', 'loop', 'kept']);
    expect(source.frontmatter.loop).toEqual([1, null]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => JSON.stringify(source.frontmatter)).not.toThrow();
    expect(source.problems.map(({ message }) => message)).toEqual([
      expect.stringMatching(/holds the key __proto__, which is left out/),
      expect.stringMatching(/holds a value that contains itself/),
    ]);
  });

  test('binary and sets become lists', () => {
    const source = parseNoteSource('t.md', '---\nb: !!binary aGk=\ns: !!set {x, y}\n---\n');
    expect(source.frontmatter).toEqual({ b: [104, 105], s: ['x', 'y'] });
  });

  test('classic Mac line ends (CR only) are line ends: the frontmatter is read', () => {
    const source = parseNoteSource('mac.md', '---\rtitle: "Mac note"\r---\rLine one\rLine two\r');
    expect(source.title).toBe('Mac note');
    expect(source.body).toBe('Line one\nLine two\n');
    expect(source.bodyStartLine).toBe(4);
    expect(source.problems).toEqual([]);
  });

  test('CRLF stays as written', () => {
    expect(parseNoteSource('w.md', '---\r\ntitle: "W"\r\n---\r\nA\r\n').body).toBe('A\r\n');
  });

  test('bidi controls are taken out of the title, with a warning naming them and the title line', () => {
    const source = parseNoteSource('bidi.md', '---\nid: 1\ntitle: "Invoice \u202Efdp.exe"\n---\n');
    expect(source.title).toBe('Invoice fdp.exe');
    expect(source.problems).toEqual([{ filePath: 'bidi.md', line: 3, message: expect.stringMatching(/bidirectional control characters \(U\+202E\)/) }]);
  });

  test('bidi controls in a file name used as title are taken out too', () => {
    const source = parseNoteSource('Payment \u202Etxt.scr.md', 'body');
    expect(source.title).toBe('Payment txt.scr');
    expect(source.problems).toEqual([{ filePath: 'Payment \u202Etxt.scr.md', line: undefined, message: expect.stringMatching(/U\+202E/) }]);
  });

  test('a title of only invisible characters falls back to the file path, with a warning', () => {
    const source = parseNoteSource('Invisible.md', '---\ntitle: "\u200B\u2060"\n---\n');
    expect(source.title).toBe('Invisible');
    expect(source.problems).toEqual([{ filePath: 'Invisible.md', line: 2, message: expect.stringMatching(/holds only invisible characters/) }]);
  });

  test('a lone surrogate from a YAML escape becomes U+FFFD in the title and every other value, with a warning on each key line', () => {
    const source = parseNoteSource('s.md', '---\nid: 1\ntitle: "A \\ud800 title"\ntags: ["ok", "bad \\udc00 tag"]\nnested: {deep: ["\\ud800"]}\n---\nBody\n');
    expect(source.title).toBe('A \uFFFD title');
    expect(source.frontmatter).toEqual({ id: 1, title: 'A \uFFFD title', tags: ['ok', 'bad \uFFFD tag'], nested: { deep: ['\uFFFD'] } });
    expect(source.problems).toEqual([
      { filePath: 's.md', line: 3, message: expect.stringMatching(/^the frontmatter value of "title" holds text that cannot be encoded: U\+D800 \(a lone surrogate\) is replaced with U\+FFFD/) },
      { filePath: 's.md', line: 4, message: expect.stringMatching(/"tags" .* U\+DC00 \(a lone surrogate\)/) },
      { filePath: 's.md', line: 5, message: expect.stringMatching(/"nested" .* U\+D800/) },
    ]);
  });

  test('noncharacters written as UTF-8 become U+FFFD in frontmatter and body, with one warning on the first line', () => {
    const source = parseNoteSource('n.md', '---\ntitle: "T"\n---\nfine\n## Heading \uFFFF\n[[Link \uFDD0 text]] \u{10FFFF}\n');
    expect(source.title).toBe('T');
    expect(source.body).toBe('fine\n## Heading \uFFFD\n[[Link \uFFFD text]] \uFFFD\n');
    expect(source.problems).toEqual([
      { filePath: 'n.md', line: 5, message: expect.stringMatching(/^text here cannot be encoded: U\+FFFF \(a noncharacter\), U\+FDD0 \(a noncharacter\), U\+10FFFF \(a noncharacter\) are replaced/) },
    ]);
  });

  test('a noncharacter in a file name used as title becomes U+FFFD, with a warning', () => {
    const source = parseNoteSource('Odd \uFFFE name.md', 'body');
    expect(source.title).toBe('Odd \uFFFD name');
    expect(titleFromFilePath('Odd \uFFFE name.md')).toBe('Odd \uFFFD name');
    expect(source.problems).toEqual([{ filePath: 'Odd \uFFFE name.md', line: undefined, message: expect.stringMatching(/the file name holds text that cannot be encoded: U\+FFFE/) }]);
  });
});
