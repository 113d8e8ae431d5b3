import { describe, expect, test } from 'vitest';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';
import { linkDamage, nearTitle } from '../../../src/lib/translation/translation-issues.ts';

describe('linkDamage', () => {
  test.each([
    ['NeurIPS Proceedings https ://papers.nips.cc', 'broken-url'],
    ['see http ://example.com/page', 'broken-url'],
    ['HTTPS ://EXAMPLE.COM', 'broken-url'],
    ['https: //example.com', 'broken-url'],
    [' padded title ', 'padded'],
    ['trailing space ', 'padded'],
    [' leading space', 'padded'],
  ])('reports [[%s]] as %s', (text, damage) => {
    expect(linkDamage(text)).toBe(damage);
  });

  test.each([
    ['Task Management'],
    ['https://example.com/page'],
    ['Social Hack Day #57'],
    ['The easiest way to explain plurality | The Cybozu Method'],
    ['自治体の購買力'],
  ])('finds nothing wrong with [[%s]]', (text) => {
    expect(linkDamage(text)).toBeUndefined();
  });
});

describe('nearTitle', () => {
  const index = buildTitleIndex([
    { title: 'connection', filePath: 'connection.md' },
    { title: 'Drucker.', filePath: 'Drucker..md' },
    { title: 'Stories', filePath: 'Stories.md' },
    { title: 'boxes', filePath: 'boxes.md' },
    { title: 'Quartz', filePath: 'notes/quartz-page.md' },
    { title: 'Municipal purchasing power', filePath: 'm.md', originalTitles: ['自治体の購買力'] },
  ]);

  test.each([
    ['connections', 'connection'],
    ['Drucker', 'Drucker.'],
    ['story', 'Stories'],
    ['box', 'boxes'],
    ['connection.', 'connection'],
  ])('suggests the note for the missing title %j', (missing, title) => {
    expect(nearTitle(titleKey(missing), index)?.title).toBe(title);
  });

  test.each([
    ['connect', 'a different word'],
    ['notes/quartz-pages', 'a near file path, which is no title'],
    ['自治体の購買', 'Japanese, which has no plural'],
  ])('has no suggestion for %j (%s)', (missing) => {
    expect(nearTitle(titleKey(missing), index)).toBeUndefined();
  });

  test('suggests a multi-word title for its plural', () => {
    expect(nearTitle(titleKey('Municipal purchasing powers'), index)?.title).toBe('Municipal purchasing power');
  });
});
