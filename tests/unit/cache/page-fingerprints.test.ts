import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { fileIdentity, knownFingerprint, readPageFingerprints, writePageFingerprints, type PageFingerprints } from '../../../src/lib/cache/page-fingerprints.ts';

const folder = mkdtempSync(join(tmpdir(), 'page-fingerprints-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const FIELDS = ['size', 'dev', 'ino', 'mtimeNs', 'ctimeNs'] as const;
const stats = fc.record({ size: fc.bigInt({ min: 0n, max: 2n ** 40n }), dev: fc.bigInt({ min: 0n, max: 2n ** 32n }), ino: fc.bigInt({ min: 0n, max: 2n ** 48n }), mtimeNs: fc.bigInt({ min: 0n, max: 2n ** 62n }), ctimeNs: fc.bigInt({ min: 0n, max: 2n ** 62n }) });

describe('fileIdentity', () => {
  test('two stats differing in any one field (size, device, inode, modification or change time) have different identities', () => {
    fc.assert(
      fc.property(stats, fc.constantFrom(...FIELDS), fc.bigInt({ min: 1n, max: 2n ** 20n }), (stat, field, delta) => {
        expect(fileIdentity({ ...stat, [field]: stat[field] + delta })).not.toBe(fileIdentity(stat));
      }),
    );
  });
  test('the same stat gives the same identity', () => {
    fc.assert(
      fc.property(stats, (stat) => {
        expect(fileIdentity({ ...stat })).toBe(fileIdentity(stat));
      }),
    );
  });
});

describe('knownFingerprint', () => {
  const known: PageFingerprints = new Map([
    ['a/index.html', { identity: '1:2:3:4:5', fingerprint: 'abc' }],
    ['b/index.html', { identity: '9:9:9:9:9', fingerprint: null }],
  ]);
  test('only for the same file with the same identity', () => {
    expect(knownFingerprint(known, 'a/index.html', '1:2:3:4:5')).toBe('abc');
    expect(knownFingerprint(known, 'a/index.html', '1:2:3:4:6')).toBeUndefined();
    expect(knownFingerprint(known, 'c/index.html', '1:2:3:4:5')).toBeUndefined();
    // A page known to have no searchable part is known (null), not unknown.
    expect(knownFingerprint(known, 'b/index.html', '9:9:9:9:9')).toBeNull();
  });
});

describe('the fingerprints file', () => {
  test('what is written is read back, by the same indexer only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string(), fc.string(), fc.option(fc.string(), { nil: null })), { maxLength: 20 }), async (entries) => {
        const pages: PageFingerprints = new Map(entries.map(([file, identity, fingerprint]) => [file, { identity, fingerprint }]));
        const file = join(folder, 'fp.json');
        await writePageFingerprints(file, 'indexer-1', pages);
        expect(await readPageFingerprints(file, 'indexer-1')).toEqual({ known: pages });
        expect(await readPageFingerprints(file, 'indexer-2')).toEqual({ known: new Map() });
      }),
      { numRuns: 30 },
    );
  });
  test('a missing file is no fingerprints and no problem; a broken one is no fingerprints and a problem naming it', async () => {
    expect(await readPageFingerprints(join(folder, 'none.json'), 'x')).toEqual({ known: new Map() });
    const broken = join(folder, 'broken.json');
    for (const text of ['{"format":1,"pages":[["a","b"]]}', '{"format":2,"pages":[]}', 'not json', '{"format":1,"pages":[["a","b",3]]}']) {
      writeFileSync(broken, text);
      const read = await readPageFingerprints(broken, 'x');
      expect(read.known.size).toBe(0);
      expect(read.problem).toContain(broken);
    }
  });
});
