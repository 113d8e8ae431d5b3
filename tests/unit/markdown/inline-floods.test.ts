import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defuseInlineFloods, inlineHazards, MAX_DELIMITER_RUNS, MAX_UNCLOSED_HTML } from '../../../src/lib/markdown/inline-floods.ts';
import { createNoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const renderer = await createNoteRenderer(buildTitleIndex([{ title: 'Kept', filePath: 'Kept.md' }]), '/');
const alwaysHtml = { maxUnclosedHtml: 0, maxDelimiterRuns: Infinity };

describe('inlineHazards', () => {
  test('finds openers nothing after them closes, and delimiter runs, outside code, tags and URLs', () => {
    const { unclosedHtml, delimiterRuns } = inlineHazards('<!-- a --> <!-- `<!--` <? *a* __b__ `*` <a href="x_y"> https://a_b.c <!X');
    expect(unclosedHtml).toEqual([
      { at: 11, length: 4 },
      { at: 23, length: 2 },
      { at: 69, length: 2 },
    ]);
    expect(delimiterRuns.map(({ at, length }) => [at, length])).toEqual([[26, 1], [28, 1], [30, 2], [33, 2]]);
  });

  test('does not count `_` inside a word', () => {
    expect(inlineHazards('snake_case #tag_name _a_ a_').delimiterRuns.map(({ at }) => at)).toEqual([21, 23, 26]);
  });

  test('keeps list bullets and thematic breaks, not the runs after them', () => {
    expect(inlineHazards('* a *b*\n***\n> * c').delimiterRuns.map(({ at }) => at)).toEqual([4, 6]);
  });
});

describe('defuseInlineFloods', () => {
  test('leaves notes under the limits as they are', () => {
    const markdown = `${'<!-- '.repeat(MAX_UNCLOSED_HTML)}\n\n${'*a* '.repeat(MAX_DELIMITER_RUNS / 2)}\n\n${'<!-- '.repeat(MAX_UNCLOSED_HTML)}`;
    expect(defuseInlineFloods(markdown)).toEqual({ markdown, floods: [] });
  });

  test('escapes each unclosed opener of a flooded paragraph, and names its first line', () => {
    const { markdown, floods } = defuseInlineFloods(`intro\n\n<!-- kept -->\n${'<!--\n'.repeat(MAX_UNCLOSED_HTML + 1)}`);
    expect(floods).toEqual([{ line: 3, kind: 'html', count: MAX_UNCLOSED_HTML + 1 }]);
    expect(markdown).toBe(`intro\n\n<!-- kept -->\n${'\\<\\!\\-\\-\n'.repeat(MAX_UNCLOSED_HTML + 1)}`);
  });

  test('escapes every delimiter run of a paragraph with too many, and counts each paragraph apart', () => {
    const few = '*a* '.repeat(10);
    const many = 'a*'.repeat(MAX_DELIMITER_RUNS + 1);
    const { markdown, floods } = defuseInlineFloods(`${few}\n\n* item ${many}\n\n${few}`);
    expect(floods).toEqual([{ line: 3, kind: 'emphasis', count: MAX_DELIMITER_RUNS + 1 }]);
    expect(markdown).toBe(`${few}\n\n* item ${'a\\*'.repeat(MAX_DELIMITER_RUNS + 1)}\n\n${few}`);
  });

  test('leaves fenced and inline code alone', () => {
    const fenced = `\`\`\`\n${'<!-- a* '.repeat(2 * MAX_DELIMITER_RUNS)}\n\`\`\``;
    expect(defuseInlineFloods(fenced).markdown).toBe(fenced);
    const inline = `\`${'<!-- a* '.repeat(2 * MAX_DELIMITER_RUNS)}\` text`;
    expect(defuseInlineFloods(inline).markdown).toBe(inline);
  });

  test('escapes a CDATA opener whose brackets bracket-floods.ts escaped, without escaping its backslashes', () => {
    const { markdown, floods } = defuseInlineFloods('<!\\[CDATA\\[ '.repeat(MAX_UNCLOSED_HTML + 1));
    expect(floods).toEqual([{ line: 1, kind: 'html', count: MAX_UNCLOSED_HTML + 1 }]);
    expect(markdown).toBe('\\<\\!\\[CDATA\\[ '.repeat(MAX_UNCLOSED_HTML + 1));
  });

  test('takes a line of 200,000 openers and one of 200,000 delimiters in one pass each', () => {
    expect(defuseInlineFloods('<!--'.repeat(200_000)).floods).toEqual([{ line: 1, kind: 'html', count: 200_000 }]);
    expect(defuseInlineFloods('a*'.repeat(200_000)).floods).toEqual([{ line: 1, kind: 'emphasis', count: 200_000 }]);
    expect(defuseInlineFloods('`a '.repeat(200_000)).floods).toEqual([]);
  });

  test('a flooded note reads the same, with its links', async () => {
    for (const unit of ['<!--', '<!--\n', 'a <!-- ', '<?', '<!X', '<![CDATA[ ']) {
      const text = `[[Kept]] ${unit.repeat(2 * MAX_UNCLOSED_HTML)}`;
      const escaped = await renderer.render(text, 'n.md');
      expect(escaped.problems.map(({ line }) => line)).toEqual([1]);
      expect(escaped.links.map(({ link }) => link.kind)).toEqual(['note']);
      expect(escaped.html.replace(/<[^>]+>/g, '')).toBe(
        `Kept ${unit.repeat(2 * MAX_UNCLOSED_HTML)}`.trimEnd().replace(/</g, '&#x3C;').replace(/ \n/g, '\n'),
      );
    }
  });

  test('escaping unclosed openers never changes how Markdown renders (property)', async () => {
    const piece = fc.constantFrom('<!--', '-->', '<?', '?>', '<!X', '>', '<![CDATA[', ']]>', '`', '``', '*', '_', 'a', ' ', '\n', '\n\n', '\\', '<a>', '[[Kept]]', '```\n', '# ', '> ', '- ');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), async (pieces) => {
        const markdown = pieces.join('');
        const defused = defuseInlineFloods(markdown, alwaysHtml).markdown;
        const [before, after] = await Promise.all([renderer.render(markdown, 'a.md'), renderer.render(defused, 'b.md')]);
        expect(after.html).toBe(before.html);
      }),
      { numRuns: 1000 },
    );
  });
});
