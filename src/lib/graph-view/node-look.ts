// Bundled for the browser: imports nothing from node:*.
/**
 * How a graph view draws a node in this frame (`scripts/graph-view.ts` hands it to sigma as
 * its node reducer): the page under the pointer, the keyboard's page and the focused page are
 * emphasised (larger, in the focus colour, labelled, drawn on top); while a big graph is
 * dragged, the nodes not kept for it are hidden. Pure, so it is tested without WebGL.
 */

/** What a node's look depends on, of its attributes (`scripts/graph-types.ts`, NodeAttributes). */
export interface LookedAtNode {
  size: number;
  kind: 'note' | 'missing';
  community?: number;
  landmark?: boolean;
  focused?: boolean;
  keptWhileMoving?: boolean;
}

/** The pages the reader points at: under the pointer, and stepped to with the keyboard (the list under the graph). */
export interface PointedPages {
  hovered: string | undefined;
  stepped: string | undefined;
}

/** The colours a node can take (the theme's, resolved: `scripts/graph-types.ts`, Palette). */
export interface NodeColours {
  note: string;
  missing: string;
  focus: string;
  /** One colour per named community, then `other` for the rest. */
  communities: readonly string[];
  other: string;
}

export interface LookOptions {
  /** Colour notes by community (global graph) instead of by kind. */
  colourByCommunity: boolean;
  /** Below 0: every node's label is a candidate (the local graph). */
  labelThreshold: number;
}

/** The smallest size an emphasised node is drawn at, whatever its links. */
export const EMPHASISED_MIN_SIZE = 8;

/** The focused page and the pages pointed at stand out. */
export function isEmphasised(node: string, attributes: Pick<LookedAtNode, 'focused'>, pointed: PointedPages): boolean {
  return attributes.focused === true || node === pointed.hovered || node === pointed.stepped;
}

/** A node's colour when it is not emphasised: its community's (-1 or unnamed: `other`), or by kind. */
export function nodeColour(attributes: Pick<LookedAtNode, 'kind' | 'community'>, colours: NodeColours, colourByCommunity: boolean): string {
  if (colourByCommunity) return colours.communities[attributes.community ?? -1] ?? colours.other;
  return attributes.kind === 'missing' ? colours.missing : colours.note;
}

/**
 * The attributes sigma draws `node` with: hidden while the view moves unless emphasised or
 * kept; otherwise coloured, sized, labelled and layered by whether it is emphasised.
 */
export function nodeLook<Attributes extends LookedAtNode>(
  node: string,
  attributes: Attributes,
  pointed: PointedPages,
  /** Whether the view is being dragged (`node-drag.ts`, ThinWhileMoving). */
  moving: boolean,
  colours: NodeColours,
  options: LookOptions,
): Attributes & { hidden?: boolean; color?: string; forceLabel?: boolean; zIndex?: number } {
  const emphasised = isEmphasised(node, attributes, pointed);
  if (moving && !emphasised && !attributes.keptWhileMoving) return { ...attributes, hidden: true };
  return {
    ...attributes,
    color: emphasised ? colours.focus : nodeColour(attributes, colours, options.colourByCommunity),
    size: emphasised ? Math.max(attributes.size * 1.6, EMPHASISED_MIN_SIZE) : attributes.size,
    forceLabel: emphasised || attributes.landmark === true || options.labelThreshold < 0,
    zIndex: emphasised ? 1 : 0,
  };
}

/**
 * Whose label wins a place first (label-placement.ts): the emphasised page, then
 * communities' names (`communityNamePriority`), then the landmarks, then by links.
 */
export function nodeLabelPriority(emphasised: boolean, attributes: Pick<LookedAtNode, 'landmark'> & { importance: number }): number {
  return emphasised ? 3e9 : attributes.landmark ? 1e9 + attributes.importance : attributes.importance;
}

/** A community's name: larger communities (lower numbers) first, each name before its shorter forms. */
export function communityNamePriority(community: number, alternative: number): number {
  return 2e9 - community * 10 - alternative;
}
