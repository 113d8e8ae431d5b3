import { describe, expect, test } from 'vitest';
import { dateText, shownDates } from '../../../src/lib/site/date-text.ts';

describe('dateText', () => {
  test.each([
    ['en-US', 'January 5, 2024'],
    ['ja-JP', '2024年1月5日'],
  ])('writes the day in %s', (locale, text) => {
    expect(dateText('2024-01-05T10:00:00.000Z', locale)).toEqual({ day: '2024-01-05', text });
  });

  test('takes the day in UTC, whatever the time zone of the machine', () => {
    // 23:30 UTC is already the next day east of Greenwich.
    expect(dateText('2024-01-05T23:30:00.000Z', 'en-US').day).toBe('2024-01-05');
  });
});

describe('shownDates', () => {
  test('shows the first appearance when it is an earlier day', () => {
    expect(shownDates('2024-01-05T10:00:00.000Z', '2023-03-01T00:00:00.000Z', 'en-US')).toEqual({
      updated: { day: '2024-01-05', text: 'January 5, 2024' },
      created: { day: '2023-03-01', text: 'March 1, 2023' },
    });
  });
  test.each([
    ['unknown', undefined],
    ['on the same day', '2024-01-05T01:00:00.000Z'],
    ['later (frontmatter that disagrees with git)', '2025-01-01T00:00:00.000Z'],
  ])('leaves it out when it is %s', (_case, created) => {
    expect(shownDates('2024-01-05T10:00:00.000Z', created, 'en-US')).toEqual({ updated: { day: '2024-01-05', text: 'January 5, 2024' } });
  });
});
