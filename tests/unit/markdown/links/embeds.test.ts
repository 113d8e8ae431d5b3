import fc from 'fast-check';
import type { Text } from 'mdast';
import { describe, expect, test } from 'vitest';
import { positionIn, positionsIn } from '../../../../src/lib/markdown/links/embeds.ts';

const textNode = (value: string, line: number, column: number, offset: number): Text => ({
  type: 'text',
  value,
  position: { start: { line, column, offset }, end: { line: line + value.split('\n').length - 1, column: 1, offset: offset + value.length } },
});

describe('positionsIn', () => {
  test('gives what positionIn gives, for indexes in increasing order (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '#', '\n', 'é') }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.nat({ max: 50 }),
        (value, picks, column) => {
          const node = textNode(value, 3, column + 1, 40);
          const indexes = picks.map((pick) => pick % (value.length + 1)).sort((a, b) => a - b);
          const positionAt = positionsIn(node);
          for (const index of indexes) expect(positionAt(index, 2)).toEqual(positionIn(node, index, 2));
        },
      ),
    );
  });

});
