import { describe, expect, test } from 'vitest';
import { decodeMarker, encodeMarker, markersIn, replaceMarkers, shiftMarkerLines, type EmbedMarker } from '../../../src/lib/embeds/embed-markers.ts';

const note: EmbedMarker = { kind: 'note', text: 'Embedded note#Second part', line: 3 };
const image: EmbedMarker = { kind: 'image', path: 'images/wide%20chart.png', syntax: 'markdown', alt: 'A "chart" & <more>', size: { width: 300 }, line: 7 };

describe('embed markers', () => {
  test('survive encoding as an attribute value of letters, digits, - and _', () => {
    for (const marker of [note, image]) {
      const encoded = encodeMarker(marker);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeMarker(encoded)).toEqual(marker);
    }
  });

  test('are found in HTML and replaced, block or inline', () => {
    const html = `<p>a</p>\n<div data-embed="${encodeMarker(note)}">Embedded note</div>\n<p>b <span data-embed="${encodeMarker(image)}">A &#x22;chart&#x22;</span></p>`;
    expect(markersIn(html)).toEqual([note, image]);
    const replaced = replaceMarkers(html, (marker, label, block) => `[${marker.kind} ${block ? 'block' : 'inline'} ${label}]`);
    expect(replaced).toBe('<p>a</p>\n[note block Embedded note]\n<p>b [image inline A &#x22;chart&#x22;]</p>');
  });

  test('leave a data-embed that does not decode as it is', () => {
    const html = '<span data-embed="bm90LWpzb24">x</span>';
    expect(markersIn(html)).toEqual([]);
    expect(replaceMarkers(html, () => 'replaced')).toBe(html);
  });

  test('move their lines for a note rendered in parts', () => {
    const html = `<div data-embed="${encodeMarker(note)}">x</div>`;
    expect(markersIn(shiftMarkerLines(html, 100))).toEqual([{ ...note, line: 103 }]);
  });
});
