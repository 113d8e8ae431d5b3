import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  describeOutputFolder,
  parseOutputFolderManifest,
  trustOutputFolder,
  unchangedPages,
  type FileIdentity,
  type FileStamp,
  type OutputFolderState,
} from '../../../src/lib/cache/output-folder-manifest.ts';

const MARKER: FileIdentity = { dev: '2049', ino: '1234567', ctimeNs: '1765098000123456789' };
const stamp = (size: number, mtimeNs = '1765098000000000001'): FileStamp => ({ size, mtimeNs });
const MANIFEST = describeOutputFolder('/site/dist', MARKER, new Map([['notes/a/index.html', stamp(10)], ['index.html', stamp(20)]]));
const TRUSTED: OutputFolderState = { outDir: '/site/dist', manifest: MANIFEST, marker: MARKER, holdsGit: false, buildUnfinished: false };

describe('describeOutputFolder and parseOutputFolderManifest', () => {
  test('lists the page files sorted, whatever the order they came in', () => {
    expect(Object.keys(MANIFEST.pages)).toEqual(['index.html', 'notes/a/index.html']);
  });

  test('reads back what it wrote', () => {
    expect(parseOutputFolderManifest(JSON.stringify(MANIFEST))).toEqual(MANIFEST);
  });

  test.each([
    ['cut short', JSON.stringify(MANIFEST).slice(0, 40)],
    ['another version', JSON.stringify({ ...MANIFEST, version: 2 })],
    ['without a marker', JSON.stringify({ ...MANIFEST, marker: undefined })],
    ['a marker with a number for an inode', JSON.stringify({ ...MANIFEST, marker: { ...MARKER, ino: 1234567 } })],
    ['a page without a size', JSON.stringify({ ...MANIFEST, pages: { 'index.html': { mtimeNs: '1' } } })],
    ['a list for pages', JSON.stringify({ ...MANIFEST, pages: [] })],
    ['null', 'null'],
  ])('is undefined for a manifest %s', (_case, text) => {
    expect(parseOutputFolderManifest(text)).toBeUndefined();
  });

  test('never throws, and reads back any manifest it describes (property)', () => {
    const stamps = fc.dictionary(fc.string({ minLength: 1 }), fc.record({ size: fc.nat(), mtimeNs: fc.bigInt({ min: 0n, max: 2n ** 63n }).map(String) }));
    fc.assert(
      fc.property(fc.string(), stamps, (outDir, pages) => {
        const manifest = describeOutputFolder(outDir, MARKER, new Map(Object.entries(pages)));
        expect(parseOutputFolderManifest(JSON.stringify(manifest))).toEqual(manifest);
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => void parseOutputFolderManifest(text)));
  });
});

describe('trustOutputFolder', () => {
  test('trusts the folder the manifest describes, with its marker', () => {
    expect(trustOutputFolder(TRUSTED)).toEqual({ trusted: true, manifest: MANIFEST });
  });

  test.each([
    ['holding .git (a gh-pages checkout)', { holdsGit: true }, /\.git/],
    ['after a build with this cache that did not finish', { buildUnfinished: true }, /did not finish/],
    ['without a manifest (a new cache, another content folder)', { manifest: 'absent' }, /no record/],
    ['with a manifest that cannot be read', { manifest: 'unreadable' }, /cannot be read/],
    ['when the manifest describes another output folder (OUT_DIR changed)', { outDir: '/site/public-html' }, /another output folder \(\/site\/dist\)/],
    ['without a marker (its build was interrupted)', { marker: undefined }, /did not finish/],
    ['with another marker file (a copy, or a folder another cache wrote)', { marker: { ...MARKER, ino: '7654321' } }, /another file/],
    ['with a marker written again in its place', { marker: { ...MARKER, ctimeNs: '1765098000123456790' } }, /another file/],
    ['with a marker on another device', { marker: { ...MARKER, dev: '2050' } }, /another file/],
  ] as [string, Partial<OutputFolderState>, RegExp][])('does not trust a folder %s, and says why', (_case, change, reason) => {
    const trust = trustOutputFolder({ ...TRUSTED, ...change });
    expect(trust.trusted).toBe(false);
    expect(trust.trusted ? '' : trust.reason).toMatch(reason);
  });
});

describe('unchangedPages', () => {
  test('keeps the page files of the same size and time, sorted', () => {
    const now: Record<string, FileStamp> = { 'index.html': stamp(20), 'notes/a/index.html': stamp(10) };
    expect(unchangedPages(MANIFEST, (file) => now[file])).toEqual(['index.html', 'notes/a/index.html']);
  });

  test.each([
    ['edited by hand to another size', stamp(11)],
    ['written again at another time, same size', stamp(10, '1765098000000000002')],
    ['gone', undefined],
  ])('leaves out a page file %s', (_case, changed) => {
    const now: Record<string, FileStamp | undefined> = { 'index.html': stamp(20), 'notes/a/index.html': changed };
    expect(unchangedPages(MANIFEST, (file) => now[file])).toEqual(['index.html']);
  });

  test('keeps exactly the pages whose stamp is the same now (property)', () => {
    const entry = fc.tuple(fc.nat(100), fc.nat(3), fc.option(fc.tuple(fc.nat(100), fc.nat(3)), { nil: undefined }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), entry), (files) => {
        const then = new Map(Object.entries(files).map(([file, [size, time]]) => [file, stamp(size, String(time))]));
        const now = new Map(Object.entries(files).flatMap(([file, [, , later]]) => (later ? [[file, stamp(later[0], String(later[1]))] as const] : [])));
        const kept = unchangedPages(describeOutputFolder('/out', MARKER, then), (file) => now.get(file));
        const expected = [...then].filter(([file, s]) => now.get(file)?.size === s.size && now.get(file)?.mtimeNs === s.mtimeNs).map(([file]) => file);
        expect(kept).toEqual(expected.sort());
      }),
    );
  });
});
