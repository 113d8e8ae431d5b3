import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { pagePreviewFrom, readHead, type TextReader } from '../../../src/lib/previews/page-preview.ts';

/** A reader over `chunks` that records how many it handed out and whether it was cancelled. */
function readerOf(chunks: readonly string[]): TextReader & { reads: number; cancelled: boolean } {
  const reader = {
    reads: 0,
    cancelled: false,
    async read() {
      const value = chunks[reader.reads];
      reader.reads++;
      return value === undefined ? { done: true, value: undefined } : { done: false, value };
    },
    async cancel() {
      reader.cancelled = true;
    },
  };
  return reader;
}

describe('readHead', () => {
  test('stops at </head>, even split across chunks, and cancels the rest', async () => {
    const reader = readerOf(['<html><head><title>T</title></he', 'ad><body>', 'never read']);
    expect(await readHead(reader)).toBe('<html><head><title>T</title>');
    expect(reader.reads).toBe(2);
    expect(reader.cancelled).toBe(true);
  });

  test('a page without </head> is read to its end', async () => {
    const reader = readerOf(['<meta name="description" content="x">', '<p>body']);
    expect(await readHead(reader)).toBe('<meta name="description" content="x"><p>body');
    expect(reader.cancelled).toBe(false);
  });

  test('for any page cut into any chunks: the text before the first </head>, nothing read after it', async () => {
    const text = fc.array(fc.constantFrom('<', '/', 'head', '>', '</head>', 'a', ' '), { maxLength: 20 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(30), { maxLength: 6 }), async (page, cuts) => {
        const points = [...new Set(cuts.filter((cut) => cut < page.length))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, at, all) => page.slice(from, all[at + 1] ?? page.length)).filter(Boolean);
        const reader = readerOf(chunks);
        const end = page.indexOf('</head>');
        expect(await readHead(reader)).toBe(end >= 0 ? page.slice(0, end) : page);
        expect(reader.cancelled).toBe(end >= 0);
        if (end >= 0) {
          const readText = chunks.slice(0, reader.reads).join('');
          expect(readText.length - chunks[reader.reads - 1]!.length).toBeLessThan(end + '</head>'.length);
        }
      }),
    );
  });
});

describe('pagePreviewFrom', () => {
  const metaOf = (tags: Record<string, string>) => (selector: string) => tags[selector] ?? '';

  test('a note: its title and description', () => {
    expect(
      pagePreviewFrom(metaOf({ 'meta[property="og:title"]': 'Graph', 'meta[name="description"]': 'Nodes and links.', 'meta[name="page-kind"]': 'note' })),
    ).toEqual({ title: 'Graph', description: 'Nodes and links.', isMissing: false });
  });

  test('a missing title’s page is marked missing', () => {
    expect(pagePreviewFrom(metaOf({ 'meta[property="og:title"]': 'Graph', 'meta[name="page-kind"]': 'missing' }))).toEqual({
      title: 'Graph',
      description: '',
      isMissing: true,
    });
  });

  test('a page without an og:title has no preview', () => {
    expect(pagePreviewFrom(metaOf({ 'meta[name="description"]': 'Nodes and links.' }))).toBeUndefined();
  });

  test('for any title and description: kept as they are', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), (title, description, kind) => {
        const preview = pagePreviewFrom(metaOf({ 'meta[property="og:title"]': title, 'meta[name="description"]': description, 'meta[name="page-kind"]': kind }));
        expect(preview).toEqual({ title, description, isMissing: kind === 'missing' });
      }),
    );
  });
});
