/** The types the graph views share: a drawn page's attributes, the view a page gets, the theme's colours, the drawing's state. */
import type { LabelBox } from '../lib/graph-view/label-placement.ts';
import type { ThinWhileMoving } from '../lib/graph-view/node-drag.ts';
import type { PointedPages } from '../lib/graph-view/node-look.ts';
import type { NoteSlug } from '../lib/titles/slugs.ts';

export type PageKind = 'note' | 'missing';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  label: string;
  slug: NoteSlug;
  kind: PageKind;
  /** Links in the drawn graph: whose label wins a place first. */
  importance: number;
  /** The global graph's community (-1: none named), which gives the colour. */
  community?: number;
  /** One of the best-linked notes, labelled at every zoom. */
  landmark?: boolean;
  /** The local graph's centre, or the global graph's search match. */
  focused?: boolean;
  /** Drawn while the view is dragged; the others are left out until it stops (big graphs). */
  keptWhileMoving?: boolean;
  /** Left where it is by the layout (the local graph's own page, at the origin). */
  fixed?: boolean;
}

/** What a drawn graph offers its page (search) and the tests and bench (node positions). */
export interface GraphView {
  /** Where a page's node is drawn, in CSS pixels from the container's top left corner. */
  nodePosition(slug: string): { x: number; y: number } | undefined;
  nodeKind(slug: string): PageKind | undefined;
  /** Highlights a page's node and moves the view to it; false if it is not drawn. */
  focus(slug: string): boolean;
  /** The page `focus` last highlighted (on the local graph, the page it is drawn around). */
  readonly focusedSlug: string | undefined;
  /** Marks a page as the keyboard's (as if hovered: larger, labelled, its title shown), or none. */
  highlight(slug: string | undefined): void;
  /** The labels drawn last, boxes in CSS pixels from the container's top left corner. */
  labelBoxes(): LabelBox[];
  /** The pages drawn, in the order the graph was built (a local graph: the page, then nearest and best linked first). */
  pages(): { slug: NoteSlug; title: string; kind: PageKind }[];
  readonly pageCount: number;
  readonly linkCount: number;
  destroy(): void;
}

export type GraphContainer = HTMLElement & { graphView?: GraphView };

/** The theme's colours as WebGL reads them (`graph-view.ts`). */
export interface Palette {
  note: string;
  missing: string;
  focus: string;
  edge: string;
  label: string;
  background: string;
  /** One colour per named community, then `other` for the rest. */
  communities: string[];
  other: string;
}

/** What a drawn graph's steps share, and change: the theme's colours, the pages pointed at, this frame's labels. */
export interface DrawState extends PointedPages {
  palette: Palette;
  /** Whether the view is being dragged (then only `keptWhileMoving` nodes are drawn). */
  motion: ThinWhileMoving;
  /** Labels sigma would draw this frame; they are placed and drawn once the frame is done. */
  labelCandidates: { node: string; x: number; y: number; size: number }[];
  placedLabels: LabelBox[];
}
