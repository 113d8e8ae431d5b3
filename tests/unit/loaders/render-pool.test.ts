import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../../bench/synthetic-corpus.ts';
import { parseNoteSource } from '../../../src/lib/notes/note-source.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { DEADLINE_MIN_CHARS, deadlineFor, renderNotes } from '../../../src/loaders/render-pool.ts';

describe('renderNotes', () => {
  test('worker threads give exactly what one thread gives, in the same order', async () => {
    const sources = [...generateCorpus({ notes: 450, seed: 7 })].map((note) => parseNoteSource(note.fileName, note.text));
    const input = sources.map((source) => ({ title: source.title, filePath: source.filePath }));
    const index = buildTitleIndex(input);
    const jobs = sources.map((source) => ({ filePath: source.filePath, markdown: source.body }));
    const inWorkers = await renderNotes(jobs, input, index, '/wiki/', {}, 2);
    const inThread = await renderNotes(jobs, input, index, '/wiki/', {}, 1);
    expect(inWorkers).toHaveLength(450);
    expect(inWorkers).toEqual(inThread);
    expect(inWorkers.some((note) => note.html.includes('href="/wiki/notes/'))).toBe(true);
  // Only a guard against a hang: 450 notes take about 15 s on a quiet machine, several times
  // that when the two cores are shared with builds.
  }, 5 * 60_000);

  test('a few notes render in this thread', async () => {
    const index = buildTitleIndex([{ title: 'A', filePath: 'A.md' }]);
    const [note] = await renderNotes([{ filePath: 'B.md', markdown: 'to [[a]]' }], [{ title: 'A', filePath: 'A.md' }], index, '/', {}, 2);
    expect(note?.html).toBe('<p>to <a href="/notes/a/" class="wiki-link">a</a></p>');
  });
});

describe('the deadline per note', () => {
  const titles = [{ title: 'A', filePath: 'A.md' }];
  const index = buildTitleIndex(titles);
  const STALL = 'stall here';

  test('gives a long note a deadline, and a larger one more time, in proportion to its size', () => {
    expect(deadlineFor({ filePath: 'a.md', markdown: 'x'.repeat(DEADLINE_MIN_CHARS - 1) }, 10_000)).toBeUndefined();
    expect(deadlineFor({ filePath: 'a.md', markdown: 'x'.repeat(DEADLINE_MIN_CHARS) }, 10_000)).toBe(10_200);
    expect(deadlineFor({ filePath: 'a.md', markdown: 'x'.repeat(3_000_000) }, 10_000)).toBe(70_000);
  });

  test('a note past the deadline, twice, is published as plain text with its links and a warning; the others as usual', async () => {
    const jobs = [
      { filePath: 'one.md', markdown: 'to *[[A]]*' },
      { filePath: 'stuck.md', markdown: `# Stuck\n\n${STALL} and [[A]]\n\n${'Long enough to have a deadline. '.repeat(DEADLINE_MIN_CHARS / 30)}` },
      { filePath: 'three.md', markdown: '**three**' },
    ];
    const [one, stuck, three] = await renderNotes(jobs, titles, index, '/', {}, 2, 3000, { stallOn: STALL });
    expect(one?.html).toBe('<p>to <em><a href="/notes/a/" class="wiki-link">A</a></em></p>');
    expect(three?.html).toBe('<p><strong>three</strong></p>');
    expect(stuck?.html).not.toContain('<h1');
    expect(stuck?.html).toContain('# Stuck');
    expect(stuck?.links.map(({ link }) => link.kind)).toEqual(['note']);
    expect(stuck?.problems[0]?.message).toMatch(/^rendering took more than 3 s, twice .*cut off by time/);
  }, 60_000);
});
