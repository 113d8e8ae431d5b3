import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  communityNamePriority,
  EMPHASISED_MIN_SIZE,
  isEmphasised,
  nodeColour,
  nodeLabelPriority,
  nodeLook,
  type LookedAtNode,
} from '../../../src/lib/graph-view/node-look.ts';

const colours = { note: 'blue', missing: 'red', focus: 'black', communities: ['c0', 'c1', 'c2'], other: 'grey' };
const nobody = { hovered: undefined, stepped: undefined };
const byKind = { colourByCommunity: false, labelThreshold: 9 };
const byCommunity = { colourByCommunity: true, labelThreshold: 9 };

const attributesArbitrary: fc.Arbitrary<LookedAtNode> = fc.record(
  {
    size: fc.double({ min: 0, max: 20, noNaN: true }),
    kind: fc.constantFrom('note' as const, 'missing' as const),
    community: fc.integer({ min: -1, max: 5 }),
    landmark: fc.boolean(),
    focused: fc.boolean(),
    keptWhileMoving: fc.boolean(),
  },
  { requiredKeys: ['size', 'kind'] },
);
const nodeArbitrary = fc.constantFrom('0', '1', '2');
const pointedArbitrary = fc.record({ hovered: fc.option(nodeArbitrary, { nil: undefined }), stepped: fc.option(nodeArbitrary, { nil: undefined }) });

describe('isEmphasised', () => {
  test.each([
    ['the page under the pointer', '1', {}, { hovered: '1', stepped: undefined }, true],
    ['the keyboard’s page', '1', {}, { hovered: undefined, stepped: '1' }, true],
    ['the focused page', '1', { focused: true }, nobody, true],
    ['another page', '1', { focused: false }, { hovered: '2', stepped: '3' }, false],
    ['a page when nothing is pointed at', '1', {}, nobody, false],
  ])('%s: %s', (_name, node, attributes, pointed, expected) => {
    expect(isEmphasised(node, attributes, pointed)).toBe(expected);
  });
});

describe('nodeColour', () => {
  test.each([
    [{ kind: 'note' as const }, false, 'blue'],
    [{ kind: 'missing' as const }, false, 'red'],
    [{ kind: 'missing' as const, community: 1 }, true, 'c1'],
    [{ kind: 'note' as const, community: -1 }, true, 'grey'],
    [{ kind: 'note' as const }, true, 'grey'],
    [{ kind: 'note' as const, community: 7 }, true, 'grey'],
  ])('%o, by community %s: %s', (attributes, community, colour) => {
    expect(nodeColour(attributes, colours, community)).toBe(colour);
  });
});

describe('nodeLook', () => {
  test('an emphasised page is larger, in the focus colour, labelled and on top', () => {
    expect(nodeLook('1', { size: 10, kind: 'note' }, { hovered: '1', stepped: undefined }, false, colours, byKind)).toEqual({
      size: 16,
      kind: 'note',
      color: 'black',
      forceLabel: true,
      zIndex: 1,
    });
    expect(nodeLook('1', { size: 2, kind: 'note' }, { hovered: undefined, stepped: '1' }, false, colours, byKind).size).toBe(EMPHASISED_MIN_SIZE);
  });

  test('another page keeps its size and colour, labelled only as a landmark or on the local graph', () => {
    expect(nodeLook('2', { size: 3, kind: 'missing' }, { hovered: '1', stepped: undefined }, false, colours, byKind)).toEqual({
      size: 3,
      kind: 'missing',
      color: 'red',
      forceLabel: false,
      zIndex: 0,
    });
    expect(nodeLook('2', { size: 3, kind: 'note', landmark: true }, nobody, false, colours, byKind).forceLabel).toBe(true);
    expect(nodeLook('2', { size: 3, kind: 'note' }, nobody, false, colours, { colourByCommunity: false, labelThreshold: -1 }).forceLabel).toBe(true);
    expect(nodeLook('2', { size: 3, kind: 'note', community: 2 }, nobody, false, colours, byCommunity).color).toBe('c2');
  });

  test('while the view moves, only emphasised and kept pages are drawn', () => {
    expect(nodeLook('2', { size: 3, kind: 'note', keptWhileMoving: false }, nobody, true, colours, byKind)).toEqual({
      size: 3,
      kind: 'note',
      keptWhileMoving: false,
      hidden: true,
    });
    expect(nodeLook('2', { size: 3, kind: 'note', keptWhileMoving: true }, nobody, true, colours, byKind).hidden).toBeUndefined();
    expect(nodeLook('2', { size: 3, kind: 'note', keptWhileMoving: false }, { hovered: undefined, stepped: '2' }, true, colours, byKind).hidden).toBeUndefined();
    expect(nodeLook('2', { size: 3, kind: 'note', keptWhileMoving: false }, nobody, false, colours, byKind).hidden).toBeUndefined();
  });

  test('for any page: hidden only while moving, emphasised ones never hidden, never smaller, the attributes kept', () => {
    fc.assert(
      fc.property(nodeArbitrary, attributesArbitrary, pointedArbitrary, fc.boolean(), fc.boolean(), (node, attributes, pointed, moving, community) => {
        const look = nodeLook(node, attributes, pointed, moving, colours, { colourByCommunity: community, labelThreshold: 9 });
        const emphasised = isEmphasised(node, attributes, pointed);
        expect(look).toMatchObject({ kind: attributes.kind });
        if (look.hidden) {
          expect(moving && !emphasised && !attributes.keptWhileMoving).toBe(true);
          return;
        }
        expect(look.size).toBeGreaterThanOrEqual(attributes.size);
        expect(look.zIndex).toBe(emphasised ? 1 : 0);
        expect(look.color).toBe(emphasised ? colours.focus : nodeColour(attributes, colours, community));
        if (emphasised) expect(look.forceLabel).toBe(true);
      }),
    );
  });
});

describe('label priorities', () => {
  test('the emphasised page first, then communities’ names, then landmarks, then by links', () => {
    const emphasised = nodeLabelPriority(true, { importance: 0 });
    const name = communityNamePriority(11, 1);
    const landmark = nodeLabelPriority(false, { landmark: true, importance: 5000 });
    const linked = nodeLabelPriority(false, { importance: 5000 });
    expect(emphasised).toBeGreaterThan(name);
    expect(name).toBeGreaterThan(landmark);
    expect(landmark).toBeGreaterThan(linked);
    expect(linked).toBeGreaterThan(nodeLabelPriority(false, { importance: 4999 }));
  });

  test('larger communities (lower numbers) first, each name before its shorter forms', () => {
    fc.assert(
      fc.property(fc.nat(11), fc.nat(11), fc.nat(1), fc.nat(1), (a, b, altA, altB) => {
        fc.pre(a !== b || altA !== altB);
        const before = a < b || (a === b && altA < altB);
        expect(communityNamePriority(a, altA) > communityNamePriority(b, altB)).toBe(before);
      }),
    );
  });
});
