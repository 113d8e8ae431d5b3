import { describe, expect, test } from 'vitest';
import { lastmodOf, pageDates } from '../../../src/lib/site/page-dates.ts';

describe('pageDates', () => {
  const dates = pageDates([
    { href: '/wiki/notes/tacit_knowledge/', updated: '2024-01-05T00:00:00.000Z', lists: [] },
    { href: '/wiki/notes/%E7%9F%A5%E7%9A%84/', updated: '2025-02-01T00:00:00.000Z', lists: [] },
    { href: '/wiki/notes/missing/', updated: undefined, lists: ['/wiki/notes/tacit_knowledge/', '/wiki/notes/知的/'] },
    { href: '/wiki/notes/nobody/', updated: undefined, lists: [] },
  ]);

  test('dates a note by its own date, by its decoded path', () => {
    expect(dates['/wiki/notes/tacit_knowledge/']).toBe('2024-01-05T00:00:00.000Z');
    expect(dates['/wiki/notes/知的/']).toBe('2025-02-01T00:00:00.000Z');
  });

  test('dates a page of a missing or shared title by the newest note it lists, and leaves one that lists none undated', () => {
    expect(dates['/wiki/notes/missing/']).toBe('2025-02-01T00:00:00.000Z');
    expect('/wiki/notes/nobody/' in dates).toBe(false);
  });

  test('finds a sitemap URL however it is encoded', () => {
    expect(lastmodOf('https://example.org/wiki/notes/%E7%9F%A5%E7%9A%84/', dates)).toBe('2025-02-01T00:00:00.000Z');
    expect(lastmodOf('https://example.org/wiki/notes/unknown/', dates)).toBeUndefined();
  });
});
