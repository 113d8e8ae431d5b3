import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { isPreviewWanted, pointerLeavesPreview } from '../../../src/lib/previews/preview-hover.ts';

/**
 * A small page as paths: 'p' is the popover, 'p/text' inside it, 'l' a link, 'l/em' inside
 * it, 'm' another link, 'x' plain text. One node contains another when it is a prefix of its path.
 */
const contains = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}/`);
const nodes = ['p', 'p/text', 'l', 'l/em', 'm', 'x'] as const;

describe('pointerLeavesPreview', () => {
  test.each([
    ['from the link to plain text', 'l', 'x', true],
    ['from the link to another link', 'l', 'm', true],
    ['from the link out of the window', 'l', null, true],
    ['within the link', 'l', 'l/em', false],
    ['from the link into the popover', 'l', 'p/text', false],
    ['from the popover’s link within the popover', 'l', 'p', false],
  ] as const)('%s: %s', (_name, leaving, entering, hides) => {
    expect(pointerLeavesPreview(leaving, entering, 'p', contains)).toBe(hides);
  });

  test('leaving what has no preview hides nothing', () => {
    expect(pointerLeavesPreview(undefined, 'x', 'p', contains)).toBe(false);
  });

  test('for any move: hides exactly when leaving a previewed link for a place outside it and the popover', () => {
    const node = fc.constantFrom(...nodes);
    fc.assert(
      fc.property(fc.option(node, { nil: undefined }), fc.option(node, { nil: null }), (leaving, entering) => {
        const outside = entering === null || (!contains(leaving ?? '-', entering) && !contains('p', entering));
        expect(pointerLeavesPreview(leaving, entering, 'p', contains)).toBe(leaving !== undefined && outside);
      }),
    );
  });
});

describe('isPreviewWanted', () => {
  const preview = { title: 'There' };
  test('shown when its link is still the current one and the page has a preview', () => {
    expect(isPreviewWanted('l', 'l', preview)).toBe(true);
  });
  test.each([
    ['the reader moved to another link', 'm', preview],
    ['the preview was hidden meanwhile', undefined, preview],
    ['the page has no preview', 'l', undefined],
  ] as const)('stale or empty when %s', (_name, current, arrived) => {
    expect(isPreviewWanted(current, 'l', arrived)).toBe(false);
  });

  test('for any link shown and any preview: wanted exactly when its link is still shown and it has one', () => {
    fc.assert(
      fc.property(fc.option(fc.constantFrom('l', 'm'), { nil: undefined }), fc.option(fc.constant(preview), { nil: undefined }), (current, arrived) => {
        expect(isPreviewWanted(current, 'l', arrived)).toBe(current === 'l' && arrived !== undefined);
      }),
    );
  });
});
