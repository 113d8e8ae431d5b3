// Bundled for the browser: imports nothing from node:*.
/**
 * The pointer on a graph view (`scripts/graph-interaction.ts`): dragging a node moves it, and
 * the click that ends a drag does not open its page; pressing elsewhere pans, and while a big
 * graph is panned only the nodes kept for it are drawn. State without the DOM, so tested alone.
 */

/** A node pressed and dragged with the pointer. */
export class NodeDrag {
  /** The node pressed, until the button is released or the pointer leaves the view. */
  private pressed: string | undefined;
  /** Whether the pointer moved since the last press: the click that follows is a drop, not a click. */
  private moved = false;

  /** The node being dragged, if one is. */
  get node(): string | undefined {
    return this.pressed;
  }

  press(node: string): void {
    this.pressed = node;
    this.moved = false;
  }

  /** The pointer moved: the node that moves with it, if one is dragged. */
  move(): string | undefined {
    if (!this.pressed) return undefined;
    this.moved = true;
    return this.pressed;
  }

  /** The button is released or the pointer left the view. */
  release(): void {
    this.pressed = undefined;
  }

  /** A click on a node: whether it opens the page. The click that ends a drag does not, and is used up. */
  clickOpens(): boolean {
    if (!this.moved) return true;
    this.moved = false;
    return false;
  }
}

/**
 * Level of detail for big graphs: while the view is panned only the best-linked nodes are
 * drawn (software WebGL pays for every node), all again on release. `enabled` is false for a
 * graph whose nodes are all kept: then it never moves and never asks for a redraw.
 */
export class ThinWhileMoving {
  moving = false;
  readonly enabled: boolean;

  constructor(enabled: boolean) {
    this.enabled = enabled;
  }

  /** Sets whether the view is moving; true when that changed what is drawn (redraw). */
  set(moving: boolean): boolean {
    if (!this.enabled || this.moving === moving) return false;
    this.moving = moving;
    return true;
  }
}
