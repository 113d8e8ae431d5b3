/**
 * The shared test corpora (read-only, beside the project as ../shared, or where SHARED_DIR
 * says). Missing corpora fail the tests in CI; elsewhere the corpus tests are left out.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from './build-site.ts';

export const SHARED_DIR = resolve(process.env.SHARED_DIR ?? join(PROJECT_ROOT, '../shared'));

export function corpusDir(relative: string): { dir: string; present: boolean } {
  const dir = join(SHARED_DIR, 'corpora', relative);
  const present = existsSync(dir);
  if (!present && process.env.CI === 'true') {
    throw new Error(`The corpus ${dir} is missing; CI must have ../shared beside the project (or set SHARED_DIR).`);
  }
  return { dir, present };
}
