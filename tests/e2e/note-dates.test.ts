/**
 * A reader sees when a note last changed: the fixture notes committed to a git repository at
 * fixed dates, one note edited later, built from a fresh clone. The note says "Updated" with
 * the day of its last commit (and when it was first written); the home page lists it first
 * under "Recently changed", and the link leads to it.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readSettings } from '../../src/lib/settings/settings.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { FIXTURE_SITE, useBuiltSite } from '../support/fixture-site.ts';
import { commitAll, git, initRepo } from '../support/git-repo.ts';

const dir = mkdtempSync(join(tmpdir(), 'wiki-e2e-dates-'));
const origin = join(dir, 'origin');
mkdirSync(origin);
initRepo(origin);
cpSync(FIXTURE_SITE, join(origin, 'notes'), { recursive: true });
commitAll(origin, '2023-03-01T08:00:00Z');
writeFileSync(join(origin, 'notes', 'Tacit knowledge.md'), '\nMichael Polanyi wrote about it in 1966.\n', { flag: 'a' });
commitAll(origin, '2024-02-03T10:00:00Z');
git(dir, ['clone', '-q', `file://${origin}`, join(dir, 'clone')]);
const contentDir = join(dir, 'clone', 'notes');

const site = useBuiltSite(contentDir);

afterAll(() => {
  rmSync(readSettings({ CONTENT_DIR: contentDir }, PROJECT_ROOT).cacheDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('dates from the git history', () => {
  test('a note says under its title when it was updated and first written', async () => {
    const page = await site.browser.newPage();
    await page.goto(new URL('notes/tacit_knowledge/', site.url).href);
    const dates = page.locator('article .note-dates');
    await expect.poll(() => dates.isVisible()).toBe(true);
    expect(await dates.innerText()).toBe('Updated February 3, 2024 · first written March 1, 2023');
    expect(await dates.locator('time').first().getAttribute('datetime')).toBe('2024-02-03');
    // A note not changed since it was added says only when it was updated.
    await page.goto(new URL('notes/municipal_purchasing_power/', site.url).href);
    expect(await page.locator('article .note-dates').innerText()).toBe('Updated March 1, 2023');
    await page.close();
  });

  test('the home page lists the last changed note first under "Recently changed", and it leads there', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url);
    const recent = page.locator('#recently-changed');
    expect(await recent.getByRole('heading').innerText()).toBe('Recently changed');
    const first = recent.getByRole('listitem').first();
    expect(await first.innerText()).toMatch(/^Tacit knowledge\s*February 3, 2024$/);
    await first.getByRole('link').click();
    await page.waitForURL(/\/notes\/tacit_knowledge\/$/);
    expect(await page.locator('h1').innerText()).toBe('Tacit knowledge');
    await page.close();
  });
});
