import { describe, expect, test } from 'vitest';
import { pageCacheKey } from '../../../src/lib/cache/page-cache-key.ts';

const data = {
  kind: 'note',
  title: 'Tacit knowledge',
  html: { offset: 100, length: 2000 },
  htmlHash: 'abc',
  updated: '2026-11-30T10:00:00.000Z',
  backlinks: [{ sourceSlug: 'a', sourceTitle: 'A', contexts: [{ before: 'see ', linkText: 'Tacit knowledge', after: '.' }] }],
  translations: [],
};
const derived = [{ via: { slug: 'x', title: 'X', isMissing: true }, notes: [{ slug: 'b', title: 'B' }], total: 1 }];
const settings = { siteTitle: 'Wiki Notes', siteDescription: 'Notes', trustedHtml: false };
const key = pageCacheKey(data, derived, settings);

describe('pageCacheKey', () => {
  test('is the same for the same page', () => {
    expect(pageCacheKey(structuredClone(data), structuredClone(derived), { ...settings })).toBe(key);
  });

  test.each([
    ['the title', { ...data, title: 'Tacit Knowledge' }],
    ['the HTML', { ...data, htmlHash: 'abd' }],
    ['a backlink context', { ...data, backlinks: [{ ...data.backlinks[0]!, contexts: [{ before: 'read ', linkText: 'Tacit knowledge', after: '.' }] }] }],
    ['the translations', { ...data, translations: [{ title: '暗黙知', url: 'https://example.org' }] }],
    ['the date it was updated, which the page shows', { ...data, updated: '2027-01-01T00:00:00.000Z' }],
    ['the date it first appeared, which the page shows', { ...data, created: '2020-01-01T00:00:00.000Z' }],
  ])('changes with %s', (_what, changed) => {
    expect(pageCacheKey(changed, derived, settings)).not.toBe(key);
  });

  test('changes with the 2-hop links the page derives', () => {
    expect(pageCacheKey(data, [{ ...derived[0]!, total: 2 }], settings)).not.toBe(key);
    expect(pageCacheKey(data, [], settings)).not.toBe(key);
  });

  test.each([['siteTitle'], ['siteDescription'], ['trustedHtml']])('changes with the setting %s', (name) => {
    expect(pageCacheKey(data, derived, { ...settings, [name]: name === 'trustedHtml' ? true : 'other' })).not.toBe(key);
  });

  test('ignores where the HTML lies in the HTML file, which the page does not show', () => {
    expect(pageCacheKey({ ...data, html: { offset: 5, length: 2000 } }, derived, settings)).toBe(key);
  });
});
