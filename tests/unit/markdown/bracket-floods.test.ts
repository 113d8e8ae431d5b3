import { describe, expect, test } from 'vitest';
import { defuseBracketFloods, looseBrackets, LONG_LINE, MAX_LOOSE_BRACKETS } from '../../../src/lib/markdown/bracket-floods.ts';
import { createNoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const flood = (unit: string, chars = 3 * LONG_LINE) => unit.repeat(Math.ceil(chars / unit.length));

describe('looseBrackets', () => {
  test('finds brackets that pair with nothing, nest more than two deep, or open a destination never closed', () => {
    expect(looseBrackets('[[ok]] [x](y) ] [')).toEqual([14, 16]);
    expect(looseBrackets('[[[deep]]]')).toEqual([2, 7]);
    expect(looseBrackets('[a](b [c](d')).toEqual([0, 2, 6, 8]);
  });

  test('skips escaped brackets and inline code', () => {
    expect(looseBrackets('\\[ `[[` ``a ` [`` ]')).toEqual([18]);
  });
});

describe('defuseBracketFloods', () => {
  test('leaves short notes and lines with few loose brackets as they are', () => {
    const links = Array.from({ length: 2000 }, (_, i) => `[[Note ${i}]]`).join(' ');
    for (const markdown of ['[ [ [', `${links}\n\n${links} ${'] '.repeat(MAX_LOOSE_BRACKETS)}`]) {
      expect(defuseBracketFloods(markdown)).toEqual({ markdown, lines: [] });
    }
  });

  test('escapes every loose bracket of a flooded line, and names the line', () => {
    const line = `[[Kept]] ${'[a '.repeat(LONG_LINE)}`;
    const { markdown, lines } = defuseBracketFloods(`intro\n\n${line}`);
    expect(lines).toEqual([{ line: 3, brackets: LONG_LINE }]);
    expect(markdown.split('\n')[2]).toBe(`[[Kept]] ${'\\[a '.repeat(LONG_LINE)}`);
  });

  test('takes a line of 200,000 unclosed brackets', () => {
    const { lines } = defuseBracketFloods('['.repeat(200_000));
    expect(lines).toEqual([{ line: 1, brackets: 200_000 }]);
  });

  test('leaves fenced and inline code alone', () => {
    const fenced = `\`\`\`\n${flood('[')}\n\`\`\``;
    expect(defuseBracketFloods(fenced).markdown).toBe(fenced);
    const inline = `\`${flood('[')}\` text`;
    expect(defuseBracketFloods(inline).markdown).toBe(inline);
  });

  test('the note reads the same and keeps its links', async () => {
    const renderer = await createNoteRenderer(buildTitleIndex([{ title: 'Kept', filePath: 'Kept.md' }]), '/');
    for (const unit of ['[', 'a] ', '[[a ', '[a](', '[[[[ ']) {
      const text = flood(unit);
      const result = await renderer.render(`[[Kept]] ${text}`, 'n.md');
      expect(result.links.map(({ link }) => link.kind)).toEqual(['note']);
      expect(result.html.replace(/<[^>]+>/g, '')).toBe(`Kept ${text}`.trimEnd());
      expect(result.problems.map(({ line }) => line)).toEqual([1]);
    }
  });
});
