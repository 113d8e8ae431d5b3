import { describe, expect, test } from 'vitest';
import { frontmatterTags, resolveTag, tagLinks } from '../../../src/lib/links/tags.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const index = buildTitleIndex([
  { title: 'Plugins', filePath: 'tags/plugin.md' },
  { title: 'Component', filePath: 'component.md' },
  { title: 'Writing method', filePath: 'Writing method.md' },
]);

describe('frontmatterTags', () => {
  test.each([
    ['a flow list', { tags: ['plugin', 'component'] }, ['plugin', 'component']],
    ['a string of tags separated by commas', { tags: 'plugin, component' }, ['plugin', 'component']],
    ['a leading # dropped', { tags: ['#plugin'] }, ['plugin']],
    ['a number as text', { tags: [2024, 'x'] }, ['2024', 'x']],
    ['each tag once', { tags: ['a', 'a', ' a '] }, ['a']],
    ['blank, nested and bracketed tags left out', { tags: ['', null, { a: 1 }, ['b'], '[x'] }, []],
    ['no tags', { title: 'x' }, []],
    ['tags that are not a list or text', { tags: 42 }, []],
  ])('reads %s', (_what, frontmatter, tags) => {
    expect(frontmatterTags(frontmatter)).toEqual(tags);
  });
});

describe('resolveTag', () => {
  test('leads to the note of that title, under the link rules', () => {
    expect(resolveTag('writing_method', index)).toMatchObject({ kind: 'note', note: { title: 'Writing method' } });
    expect(resolveTag('component', index)).toMatchObject({ kind: 'note', note: { title: 'Component' } });
  });

  test('leads to a Quartz tag note (tags/<tag>.md) when no note has the title', () => {
    expect(resolveTag('plugin', index)).toMatchObject({ kind: 'note', note: { title: 'Plugins' }, label: 'plugin' });
  });

  test('leads to the missing-title page otherwise', () => {
    expect(resolveTag('plugin/emitter', index)).toMatchObject({ kind: 'missing', title: 'plugin/emitter' });
  });
});

describe('tagLinks', () => {
  test('gives each tag as a link and as an occurrence for the link graph', () => {
    const { links, occurrences } = tagLinks(['plugin', 'TODO'], index);
    expect(links.map(({ tag, link }) => [tag, link.kind])).toEqual([
      ['plugin', 'note'],
      ['TODO', 'missing'],
    ]);
    expect(occurrences).toEqual([
      { text: 'plugin', link: links[0]!.link, context: { before: '', linkText: '#plugin', after: '' }, line: undefined, tag: 'frontmatter' },
      { text: 'TODO', link: links[1]!.link, context: { before: '', linkText: '#TODO', after: '' }, line: undefined, tag: 'frontmatter' },
    ]);
  });
});
