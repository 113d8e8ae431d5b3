/**
 * Remark plugin: Obsidian's callouts. A quote whose first line is `[!type]`, maybe followed by
 * `-` (folded) or `+` (unfolded) and a title, becomes a titled box:
 *
 *     > [!warning]- Custom *title*       <details class="callout callout-warning">
 *     > Body                               <summary class="callout-title">Custom <em>title</em></summary>
 *                                          <div class="callout-content"><p>Body</p></div></details>
 *
 * Without `-`/`+` the box is a `<div>` and its title a `<p>`. `<details>` folds without script.
 * The kind (icon and colour) comes from the type (`callout-types.ts`); the title, if none is
 * written, is the type's name. Callouts nest (`> > [!tip]`). A quote whose first line is
 * anything else stays a quote, and `[!x]` in code is code.
 */
import type { Blockquote, Paragraph, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { calloutKind, defaultCalloutTitle } from './callout-types.ts';

const CALLOUT_LINE = /^\[!([A-Za-z0-9_-]+)\]([+-]?)[ \t]*/;

interface CalloutData {
  callout?: true;
}

export function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, 'blockquote', (quote) => {
      if ((quote.data as CalloutData | undefined)?.callout) return;
      const first = quote.children[0];
      if (first?.type !== 'paragraph' || first.children[0]?.type !== 'text') return;
      const match = CALLOUT_LINE.exec(first.children[0].value);
      if (!match) return;
      const [written, name, fold] = match as unknown as [string, string, string];
      const { title, rest } = splitFirstLine(first, written.length);
      const kind = calloutKind(name);
      const folds = fold !== '';
      const titleNode: Paragraph = {
        type: 'paragraph',
        data: { hName: folds ? 'summary' : 'p', hProperties: { className: ['callout-title'] } },
        children: title.length > 0 ? title : [{ type: 'text', value: defaultCalloutTitle(name) }],
      };
      const content: Blockquote = {
        type: 'blockquote',
        data: { hName: 'div', hProperties: { className: ['callout-content'] }, callout: true } as Blockquote['data'],
        children: [...(rest.length > 0 ? [{ type: 'paragraph', children: rest } as Paragraph] : []), ...quote.children.slice(1)],
      };
      quote.data = {
        ...quote.data,
        hName: folds ? 'details' : 'div',
        hProperties: { className: ['callout', `callout-${kind}`], ...(fold === '+' ? { open: true } : {}) },
      };
      quote.children = content.children.length > 0 ? [titleNode, content] : [titleNode];
    });
  };
}

/**
 * The first paragraph's first line (less the `[!type]` marker of `skip` characters) and the
 * rest of the paragraph.
 */
function splitFirstLine(paragraph: Paragraph, skip: number): { title: PhrasingContent[]; rest: PhrasingContent[] } {
  const title: PhrasingContent[] = [];
  const children = [...paragraph.children];
  const head = children[0] as { type: 'text'; value: string };
  children[0] = { type: 'text', value: head.value.slice(skip) };
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const newline = child.type === 'text' ? child.value.indexOf('\n') : child.type === 'break' ? 0 : -1;
    if (newline < 0) {
      title.push(child);
      continue;
    }
    if (child.type === 'text') {
      const before = child.value.slice(0, newline).trimEnd();
      const after = child.value.slice(newline + 1);
      if (before !== '') title.push({ type: 'text', value: before });
      return { title: trimTitle(title), rest: [...(after !== '' ? [{ type: 'text' as const, value: after }] : []), ...children.slice(i + 1)] };
    }
    return { title: trimTitle(title), rest: children.slice(i + 1) };
  }
  return { title: trimTitle(title), rest: [] };
}

/** The title without the spaces at its two ends. */
function trimTitle(title: PhrasingContent[]): PhrasingContent[] {
  const trimmed = [...title];
  const first = trimmed[0];
  if (first?.type === 'text') trimmed[0] = { type: 'text', value: first.value.trimStart() };
  const last = trimmed.at(-1);
  if (last?.type === 'text') trimmed[trimmed.length - 1] = { type: 'text', value: last.value.trimEnd() };
  return trimmed.filter((node) => node.type !== 'text' || node.value !== '');
}
