import { beforeAll, describe, expect, test } from 'vitest';
import { createNoteRenderer, type NoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { isRemoteImageSource } from '../../../src/lib/markdown/rehype-remote-images.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const REMOTE = 'loading="lazy" decoding="async" referrerpolicy="no-referrer"';

let renderer: NoteRenderer;
let trusting: NoteRenderer;
beforeAll(async () => {
  renderer = await createNoteRenderer(buildTitleIndex([]), '/');
  trusting = await createNoteRenderer(buildTitleIndex([]), '/', { trustedHtml: true });
});

describe('rehypeRemoteImages', () => {
  test.each([
    ['a Markdown image', '![image](https://gyazo.com/abc/thumb/1000)', `<p><img src="https://gyazo.com/abc/thumb/1000" alt="image" ${REMOTE}></p>`],
    [
      'a Scrapbox icon, sized by the stylesheet',
      `<img src='https://scrapbox.io/api/pages/nishio-en/nishio/icon' alt='nishio.icon' height="19.5"/> said`,
      `<p><img src="https://scrapbox.io/api/pages/nishio-en/nishio/icon" alt="nishio.icon" height="19.5" ${REMOTE}> said</p>`,
    ],
    [
      'an image with only a height, which keeps it',
      '<img src="http://example.org/a.png" alt="chart" height="30">',
      `<p><img src="http://example.org/a.png" alt="chart" height="30" ${REMOTE} style="height: 30px"></p>`,
    ],
    [
      'an image with width and height, whose ratio the browser keeps',
      '<img src="https://example.org/a.png" alt="chart" width="40" height="30">',
      `<p><img src="https://example.org/a.png" alt="chart" width="40" height="30" ${REMOTE}></p>`,
    ],
    [
      'a protocol-relative image, keeping the loading it asks for',
      '<img src="//example.org/a.png" alt="x" loading="eager">',
      '<p><img src="//example.org/a.png" alt="x" loading="eager" decoding="async" referrerpolicy="no-referrer"></p>',
    ],
    ['a height that is not a number of pixels, left to the stylesheet', '<img src="https://example.org/a.png" alt="x" height="50%">', `<p><img src="https://example.org/a.png" alt="x" height="50%" ${REMOTE}></p>`],
  ])('marks %s', async (_what, markdown, expected) => {
    expect((await renderer.render(markdown, 'n.md')).html).toBe(expected);
  });

  test('marks Markdown images with TRUSTED_HTML too, and leaves trusted raw HTML as written', async () => {
    const { html } = await trusting.render('![x](https://example.org/a.png) <img src="https://example.org/b.png" alt="y">', 'n.md');
    expect(html).toContain(`<img src="https://example.org/a.png" alt="x" ${REMOTE}>`);
    expect(html).toContain('<img src="https://example.org/b.png" alt="y">');
  });

  test.each([
    ['https://gyazo.com/a', true],
    ['HTTP://EXAMPLE.ORG/a.png', true],
    ['//example.org/a.png', true],
    ['images/a.png', false],
    ['/images/a.png', false],
    ['data:image/png;base64,AAAA', false],
    [undefined, false],
  ])('isRemoteImageSource(%s) is %s', (src, expected) => {
    expect(isRemoteImageSource(src)).toBe(expected);
  });
});
