import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shortHash } from '../../../src/lib/titles/slugs.ts';
import { fieldName, readSettings, settingsSchema, type SettingName } from '../../../src/lib/settings/settings.ts';

const ROOT = '/site';

describe('readSettings', () => {
  test('gives every default when nothing is set', () => {
    expect(readSettings({}, ROOT)).toEqual({
      contentDir: '/site/content',
      siteTitle: 'Wiki Notes',
      siteDescription: 'Notes auto-translated from a Japanese wiki into English, linked to each other as in the original.',
      siteLanguage: 'en',
      siteUrl: 'http://localhost:4321',
      siteUrlIsFallback: true,
      basePath: '/',
      outDir: './dist',
      cacheDir: `/site/.cache/content-${shortHash('/site/content')}`,
      trustedHtml: false,
      hashtagLinks: true,
      strict: false,
      singleMentionPages: false,
      renderWorkers: undefined,
      searchBundlePages: 100000,
    });
  });

  test('reads each variable', () => {
    const settings = readSettings(
      {
        CONTENT_DIR: '/data/notes',
        SITE_TITLE: 'My wiki',
        SITE_DESCRIPTION: 'About things',
        SITE_LANGUAGE: 'ja',
        SITE_URL: 'https://example.org',
        BASE_PATH: '/wiki/',
        OUT_DIR: './public-site',
        CACHE_DIR: '/var/cache/wiki',
        TRUSTED_HTML: '1',
        HASHTAG_LINKS: 'off',
        STRICT: 'true',
        SINGLE_MENTION_PAGES: 'yes',
        RENDER_WORKERS: '2',
        SEARCH_BUNDLE_PAGES: '500',
      },
      ROOT,
    );
    expect(settings).toEqual({
      contentDir: '/data/notes',
      siteTitle: 'My wiki',
      siteDescription: 'About things',
      siteLanguage: 'ja',
      siteUrl: 'https://example.org',
      siteUrlIsFallback: false,
      basePath: '/wiki/',
      outDir: './public-site',
      cacheDir: `/var/cache/wiki/content-${shortHash('/data/notes')}`,
      trustedHtml: true,
      hashtagLinks: false,
      strict: true,
      singleMentionPages: true,
      renderWorkers: 2,
      searchBundlePages: 500,
    });
  });

  test('keeps a separate cache folder for each content folder, a relative CACHE_DIR read from the project', () => {
    const a = readSettings({ CONTENT_DIR: '/notes/a', CACHE_DIR: 'build-cache' }, ROOT).cacheDir;
    const b = readSettings({ CONTENT_DIR: '/notes/b', CACHE_DIR: 'build-cache' }, ROOT).cacheDir;
    expect(a.startsWith('/site/build-cache/content-')).toBe(true);
    expect(b.startsWith('/site/build-cache/content-')).toBe(true);
    expect(a).not.toBe(b);
  });

  test.each([
    ['empty', ''],
    ['blank', '   '],
  ])('takes an %s value as not set', (_what, value) => {
    expect(readSettings({ SITE_TITLE: value, BASE_PATH: value, OUT_DIR: value, STRICT: value, RENDER_WORKERS: value }, ROOT)).toMatchObject({
      siteTitle: 'Wiki Notes',
      basePath: '/',
      outDir: './dist',
      strict: false,
      renderWorkers: undefined,
    });
  });

  test.each([
    ['1', true],
    ['true', true],
    ['YES', true],
    [' yes ', true],
    ['0', false],
    ['false', false],
    ['on', false],
  ])('reads the switch value %j as %s', (value, on) => {
    expect(readSettings({ TRUSTED_HTML: value, STRICT: value }, ROOT)).toMatchObject({ trustedHtml: on, strict: on });
  });

  test.each([
    ['0', false],
    ['NO', false],
    ['off', false],
    ['1', true],
    ['on', true],
    ['', true],
  ])('reads HASHTAG_LINKS=%j as %s', (value, on) => {
    expect(readSettings({ HASHTAG_LINKS: value }, ROOT).hashtagLinks).toBe(on);
  });

  test('stops on a SITE_LANGUAGE the site has no strings for, naming the variable', () => {
    expect(() => readSettings({ SITE_LANGUAGE: 'fr' }, ROOT)).toThrow(/SITE_LANGUAGE="fr".*README\.md/);
  });

  test('stops on a HASHTAG_LINKS that is neither on nor off, naming the variable', () => {
    expect(() => readSettings({ HASHTAG_LINKS: 'maybe' }, ROOT)).toThrow(/HASHTAG_LINKS="maybe".*README\.md/);
  });

  test.each([['many'], ['0'], ['1.5'], ['-2']])('stops on RENDER_WORKERS=%j, naming the variable and where to read more', (value) => {
    expect(() => readSettings({ RENDER_WORKERS: value }, ROOT)).toThrow(
      new RegExp(`RENDER_WORKERS="${value.replace('.', '\\.')}".*README\\.md`),
    );
  });

  test.each([['many'], ['0'], ['2.5']])('stops on SEARCH_BUNDLE_PAGES=%j, naming the variable', (value) => {
    expect(() => readSettings({ SEARCH_BUNDLE_PAGES: value }, ROOT)).toThrow(
      new RegExp(`SEARCH_BUNDLE_PAGES="${value.replace('.', '\\.')}".*README\\.md`),
    );
  });

  test('stops on a SITE_URL with a path, saying to move it to BASE_PATH', () => {
    expect(() => readSettings({ SITE_URL: 'https://example.org/wiki/' }, ROOT)).toThrow(/BASE_PATH=\/wiki\//);
  });
});

describe('the README settings table', () => {
  const readme = readFileSync('README.md', 'utf8');
  const rows = new Map(
    [...readme.matchAll(/^\| `([A-Z_]+)` \| ([^|]*) \|/gm)].map((match) => [match[1]!, match[2]!.trim()]),
  );

  test('lists every setting, and no other', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(settingsSchema.shape).sort());
  });

  test.each(Object.keys(settingsSchema.shape) as SettingName[])('gives the default of %s', (name) => {
    const field = settingsSchema.shape[name];
    const parsed = field.safeParse(undefined);
    const fallback = parsed.success && parsed.data !== undefined ? String(parsed.data) : undefined;
    if (fallback === undefined) expect(rows.get(name)).toMatch(/^(none|—)/);
    else if (fallback === 'false') expect(rows.get(name)).toBe('off');
    else if (fallback === 'true') expect(rows.get(name)).toBe('on');
    else expect(rows.get(name)).toContain(`\`${fallback}\``);
  });
});

describe('Settings, derived from the schema', () => {
  test('every setting set in the environment reaches the settings under its field name', () => {
    const env: Record<string, string> = { SITE_TITLE: 'T', SITE_DESCRIPTION: 'D', SITE_LANGUAGE: 'ja', BASE_PATH: '/w/', OUT_DIR: 'out', TRUSTED_HTML: '1', HASHTAG_LINKS: 'off', STRICT: 'yes', SINGLE_MENTION_PAGES: 'true', RENDER_WORKERS: '3', SEARCH_BUNDLE_PAGES: '500' };
    const read = readSettings(env, ROOT) as unknown as Record<string, unknown>;
    const derived = ['CONTENT_DIR', 'SITE_URL', 'CACHE_DIR'];
    // A setting added to the schema and left out here fails this test: give it a value above.
    expect(Object.keys(settingsSchema.shape).filter((name) => !derived.includes(name)).sort()).toEqual(Object.keys(env).sort());
    expect(Object.fromEntries(Object.keys(env).map((name) => [fieldName(name), read[fieldName(name)]]))).toEqual({
      siteTitle: 'T',
      siteDescription: 'D',
      siteLanguage: 'ja',
      basePath: '/w/',
      outDir: 'out',
      trustedHtml: true,
      hashtagLinks: false,
      strict: true,
      singleMentionPages: true,
      renderWorkers: 3,
      searchBundlePages: 500,
    });
  });

  test('fieldName turns a variable name into camel case, and back gives the name again', () => {
    expect(fieldName('SITE_TITLE')).toBe('siteTitle');
    expect(fieldName('STRICT')).toBe('strict');
    expect(fieldName('SINGLE_MENTION_PAGES')).toBe('singleMentionPages');
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][A-Z\d]*(_[A-Z][A-Z\d]*)*$/), (name) => {
        const field = fieldName(name);
        expect(field).toMatch(/^[a-z][a-zA-Z\d]*$/);
        expect(field.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()).toBe(name);
      }),
    );
  });
});
