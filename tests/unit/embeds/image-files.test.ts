import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { imageJobKey, MAX_SOURCE_BYTES, processImages, type ImageResult } from '../../../src/lib/embeds/image-files.ts';
import { displaySize, ENCODED_WIDTH_STEPS } from '../../../src/lib/embeds/image-sizes.ts';

const dir = mkdtempSync(join(tmpdir(), 'image-files-'));
const media = join(dir, 'media');
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  await sharp({ create: { width: 400, height: 200, channels: 3, background: '#2a7ab0' } }).png().toFile(file('wide.png'));
  await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#d08a20' } }).jpeg().toFile(file('photo.jpg'));
  writeFileSync(file('drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" onload="alert(1)"><script>alert(2)</script><rect width="120" height="60" fill="#70c"/></svg>');
  writeFileSync(file('broken.png'), 'not an image');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ok = (result: ImageResult | undefined) => {
  if (!result?.ok) throw new Error(`not encoded: ${result?.reason}`);
  return result.image;
};

describe('processImages', () => {
  test('encodes each image as WebP at its shown size, and twice it where the file has the pixels', async () => {
    const jobs = [{ file: file('wide.png') }, { file: file('wide.png'), size: { width: 100 } }, { file: file('photo.jpg'), size: { width: 300, height: 100 } }];
    const { results, encoded, names } = await processImages(jobs, media);
    expect(encoded).toBe(3);
    const own = ok(results.get(imageJobKey(jobs[0]!)));
    expect([own.width, own.height, own.variants.map(({ width }) => width)]).toEqual([400, 200, [400]]);
    const small = ok(results.get(imageJobKey(jobs[1]!)));
    expect([small.width, small.height, small.variants.map(({ width }) => width)]).toEqual([100, 50, [100, 200]]);
    const boxed = ok(results.get(imageJobKey(jobs[2]!)));
    expect([boxed.width, boxed.height]).toEqual([200, 100]);
    for (const { name, width } of [...own.variants, ...small.variants, ...boxed.variants]) {
      expect(name).toMatch(/^[0-9a-f]{20}-\d+\.webp$/);
      const metadata = await sharp(join(media, name)).metadata();
      expect([metadata.format, metadata.width]).toEqual(['webp', width]);
    }
    expect(new Set(readdirSync(media))).toEqual(new Set([...names, 'images.json']));
  });

  test('encodes an image asked for at many sizes at the stepped widths only, and shows it at each size', async () => {
    const many = join(dir, 'many-media');
    const jobs = Array.from({ length: 60 }, (_, i) => ({ file: file('wide.png'), size: { width: 100 + i } }));
    const { results, names } = await processImages(jobs, many);
    jobs.forEach((job, i) => {
      const image = ok(results.get(imageJobKey(job)));
      expect(image).toMatchObject(displaySize({ width: 400, height: 200 }, { width: 100 + i }));
      for (const { width } of image.variants) expect([...ENCODED_WIDTH_STEPS, 400]).toContain(width);
    });
    // 100-159 px (128, 256) and twice that (256, 384): three files for 60 sizes, not 120.
    expect(names.size).toBe(3);
    expect(readdirSync(many).filter((name) => name.endsWith('.webp'))).toHaveLength(3);
  });

  test('reuses the last encodings: the same names, nothing encoded again, even with new file times', async () => {
    const jobs = [{ file: file('wide.png') }];
    const first = await processImages(jobs, media);
    utimesSync(file('wide.png'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const second = await processImages(jobs, media);
    expect([second.encoded, second.reused]).toEqual([0, 1]);
    expect(second.results.get(imageJobKey(jobs[0]!))).toEqual(first.results.get(imageJobKey(jobs[0]!)));
    // Files no job uses any more are removed.
    expect(readdirSync(media).sort()).toEqual([...second.names, 'images.json'].sort());
  });

  test('encodes again an encoding that was cut short (a build killed while writing it)', async () => {
    const jobs = [{ file: file('wide.png') }];
    const image = ok((await processImages(jobs, media)).results.get(imageJobKey(jobs[0]!)));
    truncateSync(join(media, image.variants[0]!.name), 10);
    const again = await processImages(jobs, media);
    expect(again.encoded).toBe(1);
    expect((await sharp(join(media, image.variants[0]!.name)).metadata()).width).toBe(400);
  });

  test('ignores an index cut short, with one line saying so, and encodes again', async () => {
    const jobs = [{ file: file('wide.png') }];
    await processImages(jobs, media);
    const index = join(media, 'images.json');
    writeFileSync(index, readFileSync(index, 'utf8').slice(0, 20));
    const again = await processImages(jobs, media);
    expect(again.cacheProblem).toMatch(/image cache .*images\.json cannot be read: it is ignored/);
    expect(again.encoded).toBe(1);
    expect((await processImages(jobs, media)).cacheProblem).toBeUndefined();
  });

  test('gives an image whose bytes changed a new name', async () => {
    const jobs = [{ file: file('wide.png') }];
    const before = ok((await processImages(jobs, media)).results.get(imageJobKey(jobs[0]!)));
    await sharp({ create: { width: 400, height: 200, channels: 3, background: '#000000' } }).png().toFile(file('wide.png'));
    const after = ok((await processImages(jobs, media)).results.get(imageJobKey(jobs[0]!)));
    expect(after.variants[0]!.name).not.toBe(before.variants[0]!.name);
  });

  test('rasterizes SVG, so no script in it can run on the site', async () => {
    const jobs = [{ file: file('drawing.svg') }];
    const image = ok((await processImages(jobs, media)).results.get(imageJobKey(jobs[0]!)));
    expect([image.width, image.height, image.variants.map(({ width }) => width)]).toEqual([120, 60, [120, 240]]);
    expect(image.variants.every(({ name }) => name.endsWith('.webp'))).toBe(true);
  });

  test('refuses a file larger than the limit without reading it', async () => {
    writeFileSync(file('huge.png'), '');
    // Sparse: as large as it says, without taking the disk.
    truncateSync(file('huge.png'), MAX_SOURCE_BYTES + 1);
    const jobs = [{ file: file('huge.png') }];
    const { results } = await processImages(jobs, media);
    expect(results.get(imageJobKey(jobs[0]!))).toEqual({ ok: false, reason: expect.stringContaining(`more than ${MAX_SOURCE_BYTES / 1e6} MB`) });
  });

  test('says why an image cannot be shown: unreadable, missing', async () => {
    const jobs = [{ file: file('broken.png') }, { file: file('nowhere.png') }];
    const { results } = await processImages(jobs, media);
    expect(results.get(imageJobKey(jobs[0]!))).toEqual({ ok: false, reason: expect.stringContaining('could not be read') });
    expect(results.get(imageJobKey(jobs[1]!))).toEqual({ ok: false, reason: expect.stringContaining('could not be read') });
  });
});
