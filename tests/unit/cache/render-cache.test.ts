import { beforeAll, describe, expect, test } from 'vitest';
import { createNoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import type { RenderedNote } from '../../../src/lib/markdown/rendered-note.ts';
import { linkKey, renderingOfSameSource, reusableRendering, sourceKey, titlesKey, type RenderCache } from '../../../src/lib/cache/render-cache.ts';
import { buildTitleIndex, type IndexedNote } from '../../../src/lib/titles/title-index.ts';

const NOTES: IndexedNote[] = [
  { title: 'Alpha', filePath: 'Alpha.md' },
  { title: 'Beta', filePath: 'Beta.md' },
];
const MARKDOWN = 'See [[alpha]], [[Gamma]], [the epsilon note](Epsilon.md) and [[#Top]].\n\n# Top';
const before = buildTitleIndex(NOTES);

let rendering: RenderedNote;
let cache: RenderCache;
beforeAll(async () => {
  rendering = await (await createNoteRenderer(before, '/')).render(MARKDOWN, 'Beta.md');
  cache = new Map([
    ['Beta.md', { sourceKey: sourceKey('v1', '/', 'Beta.md', MARKDOWN), linkKey: linkKey(rendering, 'Beta.md', '/', before), result: rendering }],
  ]);
});

describe('reusableRendering', () => {
  test('reuses a note whose text and links are unchanged', () => {
    expect(reusableRendering(cache, 'Beta.md', sourceKey('v1', '/', 'Beta.md', MARKDOWN), '/', before)).toBe(rendering);
  });

  test.each([
    ['its text changed', sourceKey('v1', '/', 'Beta.md', `${MARKDOWN}\nmore`)],
    ['the renderer changed', sourceKey('v2', '/', 'Beta.md', MARKDOWN)],
    ['the base path changed', sourceKey('v1', '/wiki/', 'Beta.md', MARKDOWN)],
  ])('renders again when %s', (_reason, key) => {
    expect(reusableRendering(cache, 'Beta.md', key, '/', before)).toBeUndefined();
  });

  test('renders again a note whose missing link now has a note', () => {
    const withGamma = buildTitleIndex([...NOTES, { title: 'Gamma', filePath: 'Gamma.md' }]);
    expect(reusableRendering(cache, 'Beta.md', sourceKey('v1', '/', 'Beta.md', MARKDOWN), '/', withGamma)).toBeUndefined();
  });

  test('renders again a note whose linked note went away', () => {
    const withoutAlpha = buildTitleIndex([NOTES[1]!]);
    expect(reusableRendering(cache, 'Beta.md', sourceKey('v1', '/', 'Beta.md', MARKDOWN), '/', withoutAlpha)).toBeUndefined();
  });

  test('renders again a note whose Markdown link to a path now leads to a note', () => {
    expect(rendering.pathLinks).toEqual(['Epsilon.md']);
    const withEpsilon = buildTitleIndex([...NOTES, { title: 'The epsilon', filePath: 'Epsilon.md' }]);
    expect(reusableRendering(cache, 'Beta.md', sourceKey('v1', '/', 'Beta.md', MARKDOWN), '/', withEpsilon)).toBeUndefined();
  });

  test('keeps a note when an unrelated note is added', () => {
    const withDelta = buildTitleIndex([...NOTES, { title: 'Delta', filePath: 'Delta.md' }]);
    expect(reusableRendering(cache, 'Beta.md', sourceKey('v1', '/', 'Beta.md', MARKDOWN), '/', withDelta)).toBe(rendering);
  });

  test('a note not in the cache is rendered', () => {
    expect(reusableRendering(cache, 'Other.md', sourceKey('v1', '/', 'Other.md', MARKDOWN), '/', before)).toBeUndefined();
  });

  test('the cached rendering is what rendering again gives', async () => {
    const again = await (await createNoteRenderer(before, '/')).render(MARKDOWN, 'Beta.md');
    expect(again).toEqual(rendering);
  });
});

describe('renderingOfSameSource and titlesKey (astro dev, titles unchanged since the last load)', () => {
  test('reuses a note whose text is unchanged without resolving its links, and never one whose text changed', () => {
    expect(renderingOfSameSource(cache, 'Beta.md', sourceKey('v1', '/', 'Beta.md', MARKDOWN))).toBe(rendering);
    expect(renderingOfSameSource(cache, 'Beta.md', sourceKey('v1', '/', 'Beta.md', `${MARKDOWN}!`))).toBeUndefined();
    expect(renderingOfSameSource(cache, 'Other.md', sourceKey('v1', '/', 'Other.md', MARKDOWN))).toBeUndefined();
  });
  test('the titles key changes with any page name and with the base path', () => {
    const key = titlesKey('/', JSON.stringify(NOTES));
    expect(titlesKey('/', JSON.stringify(NOTES.map((note) => ({ ...note }))))).toBe(key);
    expect(titlesKey('/', JSON.stringify([...NOTES, { title: 'Gamma', filePath: 'Gamma.md' }]))).not.toBe(key);
    expect(titlesKey('/', JSON.stringify([NOTES[0]!, { title: 'Beta', filePath: 'beta/Beta.md' }]))).not.toBe(key);
    expect(titlesKey('/', JSON.stringify([NOTES[0]!, { ...NOTES[1]!, originalTitles: ['ベータ'] }]))).not.toBe(key);
    expect(titlesKey('/sub/', JSON.stringify(NOTES))).not.toBe(key);
  });
});
