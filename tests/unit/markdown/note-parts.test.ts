import { encodeMarker, markersIn } from '../../../src/lib/embeds/embed-markers.ts';
import { describe, expect, test } from 'vitest';
import { createNoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { countResolvedBlocks, FLOOD_PART_CHARS, joinRenderedParts, MAX_RESOLVED_BLOCKS, renderLargeNote, splitNote } from '../../../src/lib/markdown/note-parts.ts';
import type { RenderedNote } from '../../../src/lib/markdown/rendered-note.ts';

const paragraphs = (count: number) => Array.from({ length: count }, (_, i) => `Paragraph ${i} links to [[Target]].\n\n`).join('');

describe('splitNote', () => {
  test('parts joined are the note, each starting at the line it starts on', () => {
    const markdown = paragraphs(1000);
    const parts = splitNote(markdown, 2000);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.map((part) => part.markdown).join('')).toBe(markdown);
    const lines = markdown.split('\n');
    for (const part of parts) expect(lines[part.firstLine - 1]).toBe(part.markdown.split('\n')[0]);
    // Cut after a blank line, before a paragraph.
    for (const part of parts.slice(1)) expect(part.markdown).toMatch(/^Paragraph \d+/);
  });

  test('never cuts inside a code fence, even one with blank lines', () => {
    const fence = '```\ncode line\n\nmore code\n\n```\n\n';
    const markdown = Array.from({ length: 300 }, () => `text\n\n${fence}`).join('');
    const parts = splitNote(markdown, 500);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect((part.markdown.match(/^```/gm) ?? []).length % 2).toBe(0);
  });

  test('does not cut a list item from its indented rest', () => {
    const markdown = Array.from({ length: 500 }, (_, i) => `- item ${i}\n\n  rest of item ${i}\n\n`).join('');
    for (const part of splitNote(markdown, 300).slice(1)) expect(part.markdown).toMatch(/^- item/);
  });

  test('a single long line is one part', () => {
    expect(splitNote('word '.repeat(10_000), 100)).toHaveLength(1);
  });
});

describe('joinRenderedParts and renderLargeNote', () => {
  const rendering = (markdown: string): RenderedNote => ({
    html: `<p>${markdown.length}</p>`,
    headings: [],
    links: [{ text: 'Target', link: { kind: 'same-page-heading', headingId: 'x', label: 'x' }, context: { before: '', linkText: 'Target', after: '' }, line: 3 }],
    pathLinks: [],
    excerpt: markdown.slice(0, 10),
    problems: [{ line: 1, message: 'first line' }],
  });

  test('moves lines of links and problems to the note’s lines', () => {
    const joined = joinRenderedParts([
      { part: { markdown: 'a', firstLine: 1 }, result: rendering('a') },
      { part: { markdown: 'b', firstLine: 101 }, result: rendering('b') },
    ]);
    expect(joined.links.map((link) => link.line)).toEqual([3, 103]);
    expect(joined.problems.map((problem) => problem.line)).toEqual([1, 101]);
    expect(joined.excerpt).toBe('a');
  });

  test('moves the lines of embed markers too', () => {
    const marker = `<div data-embed="${encodeMarker({ kind: 'note', text: 'Guest', line: 2 })}">Guest</div>`;
    const joined = joinRenderedParts([
      { part: { markdown: 'a', firstLine: 1 }, result: { ...rendering('a'), html: marker } },
      { part: { markdown: 'b', firstLine: 101 }, result: { ...rendering('b'), html: marker } },
    ]);
    expect(markersIn(joined.html).map((found) => found.line)).toEqual([2, 102]);
  });

  test('renders a small note whole and a large one in parts, saying so', async () => {
    const calls: string[] = [];
    const render = async (markdown: string) => (calls.push(markdown), rendering(markdown));
    expect((await renderLargeNote(render, 'small', 100, 50)).problems).toEqual([{ line: 1, message: 'first line' }]);
    expect(calls).toHaveLength(1);
    const large = await renderLargeNote(render, paragraphs(50), 100, 200);
    expect(calls.length).toBeGreaterThan(5);
    expect(large.problems[0]!.message).toMatch(/rendered in \d+ parts split at blank lines/);
  });

  test('renders a large note that cannot be cut (one long line) whole, with no warning', async () => {
    const calls: string[] = [];
    const result = await renderLargeNote(async (markdown) => (calls.push(markdown), rendering(markdown)), 'word '.repeat(100), 100, 50);
    expect(calls).toHaveLength(1);
    expect(result.problems).toEqual([{ line: 1, message: 'first line' }]);
  });
});

describe('ids of a note rendered in parts', () => {
  test('are unique across parts: a heading or footnote an earlier part has is numbered, and the part\'s links follow it', async () => {
    const renderer = await createNoteRenderer(buildTitleIndex([]), '/');
    const part = (n: number) => `## Intro\n\nPart ${n} says[^1] and links to [[#Intro]]. ${'Filler words. '.repeat(10)}\n\n[^1]: Footnote of part ${n}.`;
    const markdown = [1, 2, 3].map(part).join('\n\n');
    // Cut after each footnote definition: before it a part is shorter than that.
    const result = await renderLargeNote((text) => renderer.render(text, 'large.md'), markdown, 100, part(1).length - 5);
    expect(result.problems[0]?.message).toMatch(/rendered in 3 parts/);
    const ids = [...result.html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(result.headings.filter((heading) => heading.depth === 2 && heading.text === 'Intro').map((heading) => heading.slug)).toEqual(['intro', 'intro-1', 'intro-2']);
    // Each part's [[#Intro]] and footnote reference lead to its own heading and footnote.
    expect([...result.html.matchAll(/<a href="#(intro[^"]*)"/g)].map((match) => match[1])).toEqual(['intro', 'intro-1', 'intro-2']);
    const footnoteRefs = [...result.html.matchAll(/href="#(user-content-fn-1[^"]*)"[^>]*data-footnote-ref/g)].map((match) => match[1]!);
    expect(footnoteRefs).toHaveLength(3);
    for (const ref of footnoteRefs) expect(ids).toContain(ref);
    expect(new Set(footnoteRefs).size).toBe(3);
  });
});

describe('notes flooded with footnote definitions or setext headings', () => {
  test('countResolvedBlocks counts footnote definitions and setext underlines outside code fences', () => {
    const text = ['[^1]: a', '[^x]: b', 'Title', '=====', '', '---', 'Sub', '---', '```', '[^2]: in code', 'x', '===', '```', '  [^3]: indented'].join('\n');
    // `---` after a blank line is a thematic break, not an underline.
    expect(countResolvedBlocks(text)).toBe(5);
  });

  test('a note with more than MAX_RESOLVED_BLOCKS of them renders in small parts, with a warning; one with fewer renders whole', async () => {
    const calls: string[] = [];
    const render = async (markdown: string): Promise<RenderedNote> => {
      calls.push(markdown);
      return { html: '', headings: [], links: [], pathLinks: [], excerpt: '', problems: [] };
    };
    const flood = Array.from({ length: MAX_RESOLVED_BLOCKS + 1 }, (_, i) => `a[^${i}]\n\n[^${i}]: x`).join('\n\n');
    const result = await renderLargeNote(render, flood);
    expect(calls.length).toBeGreaterThan(flood.length / FLOOD_PART_CHARS / 2);
    expect(calls.join('')).toBe(flood);
    expect(result.problems[0]!.message).toMatch(/^the note has 1,001 footnote definitions and setext heading underlines .* more than 1,000: the parser's time grows with their square, so it is rendered in \d+ parts/);
    calls.length = 0;
    const fewer = Array.from({ length: MAX_RESOLVED_BLOCKS }, (_, i) => `a[^${i}]\n\n[^${i}]: x`).join('\n\n');
    expect((await renderLargeNote(render, fewer)).problems).toEqual([]);
    expect(calls).toEqual([fewer]);
  });
});
