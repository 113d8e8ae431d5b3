import { describe, expect, test } from 'vitest';
import { renderPlainNote } from '../../../src/lib/markdown/plain-note.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const index = buildTitleIndex([{ title: 'Target note', filePath: 'Target note.md' }]);

describe('renderPlainNote', () => {
  const result = renderPlainNote('First [[target note]] & <b>bold</b>\nline two\n\n\nThird [[Missing|x]] and [[ ]].\r\n\r\nLast', index, '/wiki/');

  test('publishes paragraphs as text, HTML shown as text, wiki links resolved as the renderer draws them', () => {
    expect(result.html).toBe(
      [
        '<p>First <a href="/wiki/notes/target_note/" class="wiki-link">target note</a> &amp; &lt;b&gt;bold&lt;/b&gt;\nline two</p>',
        '<p>Third <a href="/wiki/notes/missing/" class="wiki-link wiki-link-missing">x</a> and [[ ]].</p>',
        '<p>Last</p>',
      ].join('\n'),
    );
  });

  test('records every link with its line and the words around it, for backlinks', () => {
    expect(result.links.map(({ text, line, context }) => [text, line, context.before, context.linkText, context.after])).toEqual([
      ['target note', 1, 'First ', 'target note', ' & <b>bold</b>'],
      ['Missing|x', 5, 'Third ', 'x', ' and [[ ]].'],
    ]);
  });

  test('has an excerpt and says why the note is plain', () => {
    expect(result.excerpt).toMatch(/^First target note & <b>bold<\/b> line two Third x/);
    expect(result.problems).toEqual([{ line: undefined, message: expect.stringMatching(/published as plain paragraphs with its \[\[wiki links\]\]/) }]);
  });
});
