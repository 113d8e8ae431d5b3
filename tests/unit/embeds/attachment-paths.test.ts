import { describe, expect, test } from 'vitest';
import { buildAttachmentIndex, resolveAttachmentPath } from '../../../src/lib/embeds/attachment-paths.ts';

const index = buildAttachmentIndex([
  'images/picture.png',
  'sub/deeper/picture.png',
  'a/b/c/picture.png',
  'images/wide chart.png',
  'docs/images/diagram.png',
  'other/images/diagram.png',
  'Pasted image 1.png',
  'attachments/Paper.PDF',
  'x/same.png',
  'y/same.png',
]);

describe('resolveAttachmentPath', () => {
  test.each([
    ['a bare name, found in the only shortest folder', 'picture.png', 'Note.md', 'wiki', 'images/picture.png'],
    ["a bare name, the note's own folder first", 'picture.png', 'sub/deeper/Note.md', 'wiki', 'sub/deeper/picture.png'],
    ['a bare name at the root', 'Pasted image 1.png', 'deep/down/Note.md', 'wiki', 'Pasted image 1.png'],
    ['a path from the content folder', 'a/b/c/picture.png', 'Note.md', 'wiki', 'a/b/c/picture.png'],
    ['a partial path, matched at the end of a path', 'images/diagram.png', 'Note.md', 'wiki', 'docs/images/diagram.png'],
    ['the same name in folders of equal depth: code-unit order', 'same.png', 'Note.md', 'wiki', 'x/same.png'],
    ['case ignored when the exact case is not there', 'attachments/paper.pdf', 'Note.md', 'wiki', 'attachments/Paper.PDF'],
    ['a relative Markdown path', 'images/picture.png', 'Note.md', 'markdown', 'images/picture.png'],
    ['a ../ Markdown path', '../../images/picture.png', 'sub/deeper/Note.md', 'markdown', 'images/picture.png'],
    ['a ./ Markdown path', './picture.png', 'sub/deeper/Note.md', 'markdown', 'sub/deeper/picture.png'],
    ['a percent-encoded Markdown path', 'images/wide%20chart.png', 'Note.md', 'markdown', 'images/wide chart.png'],
    ['a Markdown path in angle brackets', '<images/wide chart.png>', 'Note.md', 'markdown', 'images/wide chart.png'],
    ['a Markdown path with a query and a fragment', 'images/picture.png?v=2#top', 'Note.md', 'markdown', 'images/picture.png'],
    ['a path from the root', '/images/picture.png', 'sub/deeper/Note.md', 'markdown', 'images/picture.png'],
    ['a Markdown bare name found elsewhere, as Obsidian does', 'diagram.png', 'Note.md', 'markdown', 'docs/images/diagram.png'],
  ] as const)('finds %s', (_what, written, from, syntax, path) => {
    expect(resolveAttachmentPath(written, from, index, syntax)).toEqual({ kind: 'found', path });
  });

  test.each([
    ['../../etc/passwd.png', 'Note.md'],
    ['../secret.png', 'Note.md'],
    ['%2e%2e/%2e%2e/secret.png', 'Note.md'],
  ])('refuses %s, which leaves the content folder', (written, from) => {
    expect(resolveAttachmentPath(written, from, index, 'markdown')).toEqual({ kind: 'outside' });
  });

  test.each([
    ['missing.png', 'wiki'],
    ['./picture.png', 'markdown'],
    ['images/nothing.png', 'markdown'],
  ] as const)('says %s is missing', (written, syntax) => {
    expect(resolveAttachmentPath(written, 'Note.md', index, syntax)).toEqual({ kind: 'missing' });
  });

  test('resolves the same way whatever order the files are listed in', () => {
    const files = [...index.files];
    const reversed = buildAttachmentIndex(files.reverse());
    for (const name of ['picture.png', 'same.png', 'diagram.png']) {
      expect(resolveAttachmentPath(name, 'Note.md', reversed, 'wiki')).toEqual(resolveAttachmentPath(name, 'Note.md', index, 'wiki'));
    }
  });
});
