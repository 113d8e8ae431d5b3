// Bundled for the browser: imports nothing from node:*.
/**
 * Where a link preview goes: below the link, or above it when there is no room below,
 * kept inside the viewport. Viewport coordinates, for a `position: fixed` popover, so
 * showing it never moves the page (no layout shift, no new scroll bar).
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface PopoverPlacement {
  top: number;
  left: number;
  side: 'below' | 'above';
}

/** Space kept between the popover and the link, and between the popover and the viewport edge. */
export const POPOVER_GAP = 8;

export function placePopover(
  anchor: Box,
  popover: { width: number; height: number },
  viewport: { width: number; height: number },
): PopoverPlacement {
  const below = anchor.top + anchor.height + POPOVER_GAP;
  const above = anchor.top - POPOVER_GAP - popover.height;
  const fitsBelow = below + popover.height <= viewport.height - POPOVER_GAP;
  const side = fitsBelow || above < POPOVER_GAP ? 'below' : 'above';
  const maxLeft = Math.max(POPOVER_GAP, viewport.width - POPOVER_GAP - popover.width);
  const left = Math.min(Math.max(anchor.left, POPOVER_GAP), maxLeft);
  return { top: side === 'below' ? below : above, left, side };
}
