import { describe, expect, test } from 'vitest';
import { attachmentKind, parseEmbedSize, readAttachmentEmbed, readImageAlt } from '../../../src/lib/embeds/embed-targets.ts';

describe('attachmentKind', () => {
  test.each([
    ['picture.png', 'image'],
    ['Photo.JPG', 'image'],
    ['drawing.svg', 'image'],
    ['paper.pdf', 'file'],
    ['talk.mp4', 'file'],
    ['microscope', undefined],
    ['Node.js', undefined],
    ['Also available in black.', undefined],
    ['notes.md', undefined],
  ])('%s is %s', (path, kind) => expect(attachmentKind(path)).toBe(kind));
});

describe('parseEmbedSize', () => {
  test.each([
    ['300', { width: 300 }],
    [' 300x200 ', { width: 300, height: 200 }],
    ['100X145', { width: 100, height: 145 }],
    ['0', undefined],
    ['300x0', undefined],
    ['alt text', undefined],
    ['-5', undefined],
  ])('reads %j', (text, size) => expect(parseEmbedSize(text)).toEqual(size));
});

describe('readAttachmentEmbed', () => {
  test.each([
    ['picture.png', { path: 'picture.png', kind: 'image', alt: '' }],
    ['picture.png|300', { path: 'picture.png', kind: 'image', alt: '', size: { width: 300 } }],
    ['quartz-layout-desktop.png\\|800', { path: 'quartz-layout-desktop.png', kind: 'image', alt: '', size: { width: 800 } }],
    ['picture.png|300x200', { path: 'picture.png', kind: 'image', alt: '', size: { width: 300, height: 200 } }],
    ['picture.png|A caption', { path: 'picture.png', kind: 'image', alt: 'A caption' }],
    ['picture.png|A caption|120', { path: 'picture.png', kind: 'image', alt: 'A caption', size: { width: 120 } }],
    ['Pasted image 20240212160147.png', { path: 'Pasted image 20240212160147.png', kind: 'image', alt: '' }],
    ['paper.pdf', { path: 'paper.pdf', kind: 'file', alt: '' }],
  ])('reads %j', (text, embed) => expect(readAttachmentEmbed(text)).toEqual(embed));

  test.each(['microscope', 'Note#Heading', 'Note|alias', 'lexical link#61c4202842774800007bdaa3'])('leaves the note embed %j to the link rules', (text) => {
    expect(readAttachmentEmbed(text)).toBeUndefined();
  });
});

describe('readImageAlt', () => {
  test.each([
    ['A chart', { alt: 'A chart' }],
    ['A chart|300', { alt: 'A chart', size: { width: 300 } }],
    ['a|b', { alt: 'a|b' }],
  ])('reads %j', (alt, read) => expect(readImageAlt(alt)).toEqual(read));
});
