/**
 * Highlighting must not depend on how busy the machine is. Shiki stops tokenizing a line once
 * a time limit has passed (500 ms by default) and the next line inherits the state it stopped
 * in, so under load a code block came out differently (a CI run on a loaded machine rendered
 * `for (const knowledge of designs) {` in a worker unlike the main thread). A clock that jumps
 * a second each time it is read makes every line "too slow": the output must not change.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MAX_HIGHLIGHTED_LINE } from '../../../src/lib/markdown/code-highlighting.ts';
import { createNoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const index = buildTitleIndex([{ title: 'Design', filePath: 'Design.md' }]);

const NOTE = [
  'Some code:',
  '',
  '```ts',
  'const designs: string[] = ["a", "b"];',
  'for (const knowledge of designs) {',
  '  console.log(`${knowledge} is known`, /re+gex/g.test(knowledge));',
  '}',
  '```',
  '',
  '```python',
  'def f(x):',
  '    return [y * 2 for y in x if y > 0]  # a comment',
  '```',
].join('\n');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('code highlighting', () => {
  test('gives the same HTML when every line takes longer than Shiki allows', async () => {
    const calm = await (await createNoteRenderer(index, '/')).render(NOTE, 'calm.md');

    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    const loaded = await (await createNoteRenderer(index, '/')).render(NOTE, 'loaded.md');

    expect(loaded.html).toBe(calm.html);
  });

  test('shows a line too long to highlight uncoloured, and colours the lines around it', async () => {
    const long = `const data = "${'x'.repeat(MAX_HIGHLIGHTED_LINE)}";`;
    const note = ['```ts', 'const before = 1;', long, 'const after = 2;', '```'].join('\n');
    const { html } = await (await createNoteRenderer(index, '/')).render(note, 'long.md');
    const lines = html.split('<span class="line">');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/<span style="color:#[0-9A-F]{6}">const<\/span>/);
    expect(lines[2]).toContain('x'.repeat(MAX_HIGHLIGHTED_LINE));
    expect(lines[2]).not.toMatch(/>const</);
    expect(lines[3]).toMatch(/<span style="color:#[0-9A-F]{6}">const<\/span>/);
  });

  test('highlights the code (the comparison is not between two plain blocks)', async () => {
    const { html } = await (await createNoteRenderer(index, '/')).render(NOTE, 'plain.md');
    // The keyword, the loop variable and the string are coloured apart.
    expect(html).toMatch(/<span style="color:#[0-9A-F]{6}">for<\/span>/);
    expect(html).toMatch(/<span style="color:#[0-9A-F]{6}">const<\/span>/);
    expect(html).toContain('data-language="python"');
  });
});
