import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, test } from 'vitest';
import { remarkLineBasedBlocks } from '../../../src/lib/markdown/remark-line-based-blocks.ts';

const ICON = `<img src='https://scrapbox.io/api/pages/nishio-en/nishio/icon' alt='nishio.icon' height="19.5"/>`;

type Render = (markdown: string) => Promise<string>;
let withPlugin: Render;
let withoutPlugin: Render;
beforeAll(async () => {
  const on = await createMarkdownProcessor({ gfm: true, smartypants: false, remarkPlugins: [remarkLineBasedBlocks] });
  const off = await createMarkdownProcessor({ gfm: true, smartypants: false });
  withPlugin = async (markdown) => (await on.render(markdown)).code;
  withoutPlugin = async (markdown) => (await off.render(markdown)).code;
});

describe('remarkLineBasedBlocks', () => {
  test.each([
    [
      'a line indented 4 spaces after a blank line as a paragraph',
      'Intro\n\n    indented **line**',
      '<p>Intro</p>\n<p>indented <strong>line</strong></p>',
    ],
    [
      'a Scrapbox icon alone on its line as inline HTML, with Markdown after it',
      `${ICON}\n**bold** next line`,
      '<p><img src="https://scrapbox.io/api/pages/nishio-en/nishio/icon" alt="nishio.icon" height="19.5">\n<strong>bold</strong> next line</p>',
    ],
  ])('renders %s', async (_what, markdown, expected) => {
    expect(await withPlugin(markdown)).toBe(expected);
  });

  test.each([
    ['indented code', 'Intro\n\n    indented **line**', '<pre'],
    ['an HTML block', `${ICON}\n**bold** next line`, '**bold**'],
  ])('turns off %s, which the default pipeline would make', async (_what, markdown, defaultSign) => {
    expect(await withoutPlugin(markdown)).toContain(defaultSign);
    expect(await withPlugin(markdown)).not.toContain(defaultSign);
  });

  test('keeps nested list items indented 4 spaces as a nested list', async () => {
    const out = await withPlugin('- item\n\n    - nested\n        - deeper');
    expect(out.match(/<ul>/g)).toHaveLength(3);
    expect(out).not.toContain('<pre');
  });

  test('keeps fenced code blocks', async () => {
    const out = await withPlugin('```\ncode **not bold**\n```');
    expect(out).toContain('<pre');
    expect(out).toContain('code **not bold**');
  });

  test('keeps inline HTML inside a paragraph', async () => {
    expect(await withPlugin('a <kbd>Ctrl</kbd> key')).toBe('<p>a <kbd>Ctrl</kbd> key</p>');
  });
});
