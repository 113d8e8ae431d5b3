import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { astroStoreModule, storeModuleReadingFile } from '../../../src/lib/cache/content-store-module.ts';

const dir = mkdtempSync(join(tmpdir(), 'store-module-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let modules = 0;
/** Imports `code` as a module file of its own. */
async function importModule(code: string): Promise<unknown> {
  const file = join(dir, `module-${++modules}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

/** A store's text as Astro writes it: devalue's flat array, with quotes, escapes and Japanese. */
const storeText = JSON.stringify([{ notes: 1 }, [2, 3], 'a "quoted" title\\with\nlines', '日本語の題 \u2028']);

describe('storeModuleReadingFile', () => {
  it('gives the pages the same value as Astro’s module, read from the file', async () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, storeText);
    const module = storeModuleReadingFile(astroStoreModule(storeText), storeText, file);
    expect(module).toBeDefined();
    expect(module).not.toContain('日本語');
    expect(await importModule(module!)).toEqual(await importModule(astroStoreModule(storeText)));
  });

  it('leaves alone a module that is not Astro’s for that text', () => {
    const file = join(dir, 'unused.json');
    expect(storeModuleReadingFile(astroStoreModule('[1]'), storeText, file)).toBeUndefined();
    // The chunked store's module, and modules of other shapes.
    expect(storeModuleReadingFile('export default{"notes":[chunk0,chunk1]}', storeText, file)).toBeUndefined();
    expect(storeModuleReadingFile(`export default JSON.parse(${JSON.stringify(storeText)}, reviver)`, storeText, file)).toBeUndefined();
    expect(storeModuleReadingFile(`export default JSON.parse('${storeText}')`, storeText, file)).toBeUndefined();
  });

  it('stops with the file named when the file changed after the module was made', async () => {
    const file = join(dir, 'changed.json');
    writeFileSync(file, storeText);
    const module = storeModuleReadingFile(astroStoreModule(storeText), storeText, file)!;
    writeFileSync(file, storeText.replace('title', 'Title'));
    await expect(importModule(module)).rejects.toThrow(`${file} changed after the pages were bundled`);
  });
});
