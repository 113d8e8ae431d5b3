import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { NodeDrag, ThinWhileMoving } from '../../../src/lib/graph-view/node-drag.ts';

describe('NodeDrag', () => {
  test('a press and a click opens the page', () => {
    const drag = new NodeDrag();
    drag.press('1');
    drag.release();
    expect(drag.clickOpens()).toBe(true);
  });

  test('the node pressed moves with the pointer until released', () => {
    const drag = new NodeDrag();
    expect(drag.move()).toBeUndefined();
    drag.press('1');
    expect(drag.node).toBe('1');
    expect(drag.move()).toBe('1');
    drag.release();
    expect(drag.node).toBeUndefined();
    expect(drag.move()).toBeUndefined();
  });

  test('the click that ends a drag does not open the page, the next one does', () => {
    const drag = new NodeDrag();
    drag.press('1');
    drag.move();
    drag.release();
    expect(drag.clickOpens()).toBe(false);
    expect(drag.clickOpens()).toBe(true);
  });

  test('a new press forgets an earlier drag', () => {
    const drag = new NodeDrag();
    drag.press('1');
    drag.move();
    drag.release();
    drag.press('2');
    expect(drag.clickOpens()).toBe(true);
  });

  type Step = { type: 'press'; node: string } | { type: 'move' } | { type: 'release' } | { type: 'click' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ type: fc.constant('press' as const), node: fc.constantFrom('0', '1', '2') }),
    fc.constant({ type: 'move' as const }),
    fc.constant({ type: 'release' as const }),
    fc.constant({ type: 'click' as const }),
  );

  test('for any pointer sequence: a click opens unless the pointer dragged a node since the last press or the last refused click', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const drag = new NodeDrag();
        let pressed: string | undefined;
        let draggedSince = false;
        for (const s of steps) {
          if (s.type === 'press') {
            drag.press(s.node);
            pressed = s.node;
            draggedSince = false;
          } else if (s.type === 'move') {
            expect(drag.move()).toBe(pressed);
            if (pressed) draggedSince = true;
          } else if (s.type === 'release') {
            drag.release();
            pressed = undefined;
          } else {
            expect(drag.clickOpens()).toBe(!draggedSince);
            draggedSince = false;
          }
          expect(drag.node).toBe(pressed);
        }
      }),
    );
  });
});

describe('ThinWhileMoving', () => {
  test('asks for a redraw when the view starts and stops moving, not again', () => {
    const motion = new ThinWhileMoving(true);
    expect(motion.set(true)).toBe(true);
    expect(motion.moving).toBe(true);
    expect(motion.set(true)).toBe(false);
    expect(motion.set(false)).toBe(true);
    expect(motion.moving).toBe(false);
    expect(motion.set(false)).toBe(false);
  });

  test('on a graph whose nodes are all kept, never moves', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean()), (sets) => {
        const motion = new ThinWhileMoving(false);
        for (const moving of sets) expect(motion.set(moving)).toBe(false);
        expect(motion.moving).toBe(false);
      }),
    );
  });

  test('for any sequence: a redraw exactly when the state changes, and the state is the last set', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean()), (sets) => {
        const motion = new ThinWhileMoving(true);
        let moving = false;
        for (const next of sets) {
          expect(motion.set(next)).toBe(next !== moving);
          moving = next;
          expect(motion.moving).toBe(moving);
        }
      }),
    );
  });
});
