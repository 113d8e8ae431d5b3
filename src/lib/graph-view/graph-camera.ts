// Bundled for the browser: imports nothing from node:*.
/**
 * The graph views' camera and tooltip arithmetic (`scripts/graph-view.ts`): where the camera
 * goes to show a focused page, and where the title of the page pointed at is written.
 */

/** The camera ratio a focused page is shown at, at most (1 shows the whole graph; smaller is closer). */
export const FOCUS_RATIO = 0.2;

/** How long the camera takes to move to a focused page, unless the reader asks for reduced motion. */
export const FOCUS_DURATION_MS = 400;

export interface CameraState {
  x: number;
  y: number;
  ratio: number;
}

/** Centres the camera on a node (sigma's framed coordinates), zoomed in to `FOCUS_RATIO` unless already closer. */
export function focusCamera(node: { x: number; y: number }, currentRatio: number): CameraState {
  return { x: node.x, y: node.y, ratio: Math.min(currentRatio, FOCUS_RATIO) };
}

/** The tooltip's CSS position at a node's viewport point, in whole pixels. */
export function tooltipPosition(at: { x: number; y: number }): { left: string; top: string } {
  return { left: `${Math.round(at.x)}px`, top: `${Math.round(at.y)}px` };
}

/** What the tooltip says: the page's title, or for a missing title that no note exists yet. */
export function tooltipText(page: { label: string; kind: 'note' | 'missing' }, noNoteYet: (title: string) => string): string {
  return page.kind === 'missing' ? noNoteYet(page.label) : page.label;
}
