import { describe, expect, test } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { cutText, excerptFromTree } from '../../../src/lib/markdown/note-excerpt.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { createNoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';

const excerpt = (markdown: string, maxLength?: number) => excerptFromTree(fromMarkdown(markdown), maxLength);

describe('excerptFromTree', () => {
  test.each([
    ['paragraphs are joined by a space', 'First line.\n\nSecond line.', 'First line. Second line.'],
    ['list items are separate words', '- one\n- two\n    - three', 'one two three'],
    ['headings count as text', '# Start\nbody', 'Start body'],
    ['code blocks are left out', 'before\n\n```\nconst x = 1;\n```\n\nafter', 'before after'],
    ['inline code stays', 'run `npm test` now', 'run npm test now'],
    ['raw HTML is left out', "<img src='x.png' alt='nishio.icon'> said so", 'said so'],
    ['image alt text is left out', '![a diagram](d.png) shows it', 'shows it'],
    ['link text stays, not the URL', '[Kawaguchi](https://x.com/k) wrote', 'Kawaguchi wrote'],
    ['white space is collapsed', 'a\tb\n c  d', 'a b c d'],
    ['empty note', '', ''],
    ['only code', '```\nx\n```', ''],
  ])('%s', (_name, markdown, expected) => {
    expect(excerpt(markdown)).toBe(expected);
  });

  test('quotes and nested lists are read in order', () => {
    expect(excerpt('Intro\n- item\n    - > quoted words')).toBe('Intro item quoted words');
  });

  test('stops reading once it has enough text', () => {
    const long = Array.from({ length: 500 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const text = excerpt(long, 50);
    expect(Array.from(text).length).toBeLessThanOrEqual(50);
    expect(text.startsWith('Paragraph 0. Paragraph 1.')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('cutText', () => {
  test('keeps text that fits', () => {
    expect(cutText('short text', 20)).toBe('short text');
  });
  test('cuts English at a space and adds an ellipsis', () => {
    expect(cutText('the quick brown fox jumps over the lazy dog', 20)).toBe('the quick brown fox…');
  });
  test('cuts Japanese anywhere, counting characters not UTF-16 units', () => {
    const text = '知的生産の技術について考える𠮷野家の話をする';
    const cut = cutText(text, 10);
    expect(cut).toBe('知的生産の技術につ…');
    expect(Array.from(cutText('𠮷'.repeat(30), 10))).toHaveLength(10);
  });
  test('drops a trailing comma before the ellipsis', () => {
    expect(cutText('alpha beta, gamma delta epsilon', 12)).toBe('alpha beta…');
  });
});

describe('the renderer hands out the excerpt', () => {
  test('wiki links read as their labels, missing or not', async () => {
    const index = buildTitleIndex([{ title: 'Task Management', filePath: 'Task Management.md' }]);
    const renderer = await createNoteRenderer(index, '/');
    const result = await renderer.render('See [[task management]] and [[Nowhere]].\n\n```\ncode\n```', 'n.md');
    expect(result.excerpt).toBe('See task management and Nowhere.');
  });
});
