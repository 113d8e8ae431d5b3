/**
 * The marker the renderer leaves where an embed goes, and how the loader finds it again.
 *
 * A marker is an empty-looking element, `<div data-embed="…">label</div>` for a note (a block
 * of its own) or `<span data-embed="…">alt</span>` for a file, whose `data-embed` holds what
 * the embed names as base64url JSON, so it survives HTML serialization unchanged and carries
 * its line. The sanitizer keeps it only when the Markdown pipeline made it: a `data-embed`
 * written as raw HTML in a note is removed (`markdown/rehype-sanitize-note.ts`), so a note
 * cannot forge one. The label inside is what a reader sees if a marker were never replaced.
 */
import type { EmbedSize } from './embed-targets.ts';

export type EmbedMarker =
  | {
      kind: 'note';
      /** The text between `![[` and `]]`, as written: resolved like a wiki link when the page is assembled. */
      text: string;
      /** 1-based line in the Markdown body. */
      line?: number | undefined;
    }
  | {
      kind: 'image' | 'file';
      /** The path as written. */
      path: string;
      /** `wiki`: `![[…]]`, found anywhere in the content folder; `markdown`: `![](…)`, a relative URL. */
      syntax: 'wiki' | 'markdown';
      alt: string;
      size?: EmbedSize | undefined;
      line?: number | undefined;
    };

/** The hast property that carries a marker (`data-embed` in HTML). */
export const MARKER_PROPERTY = 'dataEmbed';

export function encodeMarker(marker: EmbedMarker): string {
  return Buffer.from(JSON.stringify(marker), 'utf8').toString('base64url');
}

export function decodeMarker(encoded: string): EmbedMarker | undefined {
  try {
    const marker = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as EmbedMarker;
    return marker && (marker.kind === 'note' ? typeof marker.text === 'string' : typeof marker.path === 'string') ? marker : undefined;
  } catch {
    return undefined;
  }
}

/** As hast-util-to-html writes a marker element: one attribute, text only inside. */
const MARKER_HTML = /<(div|span) data-embed="([A-Za-z0-9_-]+)">([^<]*)<\/\1>/g;

export function hasMarkers(html: string): boolean {
  return html.includes(' data-embed="');
}

/** Every marker in the HTML, in order. */
export function markersIn(html: string): EmbedMarker[] {
  if (!hasMarkers(html)) return [];
  return [...html.matchAll(MARKER_HTML)].flatMap((match) => {
    const marker = decodeMarker(match[2]!);
    return marker ? [marker] : [];
  });
}

/**
 * The HTML with each marker replaced by what `replace` returns for it; `label` is the
 * marker's text as HTML (escaped), `block` whether it stands as a block (`div`).
 */
export function replaceMarkers(html: string, replace: (marker: EmbedMarker, label: string, block: boolean) => string): string {
  if (!hasMarkers(html)) return html;
  return html.replace(MARKER_HTML, (whole, tag: string, encoded: string, label: string) => {
    const marker = decodeMarker(encoded);
    return marker ? replace(marker, label, tag === 'div') : whole;
  });
}

/** Moves the markers' lines by `lines` (a note rendered in parts, `markdown/note-parts.ts`). */
export function shiftMarkerLines(html: string, lines: number): string {
  if (lines === 0) return html;
  return replaceMarkers(html, (marker, label, block) => {
    const tag = block ? 'div' : 'span';
    const shifted = marker.line === undefined ? marker : { ...marker, line: marker.line + lines };
    return `<${tag} data-embed="${encodeMarker(shifted)}">${label}</${tag}>`;
  });
}
