/**
 * Rehype plugin that makes a note's HTML safe to publish: raw HTML written in the note is
 * parsed here (it would otherwise be parsed only at the end of Astro's pipeline) and the
 * whole note is cleaned with `hast-util-sanitize` (GitHub's rules): no `<script>`, `<style>`,
 * `<iframe>`, event handler attributes or `javascript:` URLs, in raw HTML or in Markdown
 * links. What the notes use stays: images (Scrapbox's icons), links with our classes,
 * tables, footnotes, `<details>`.
 *
 * Ids stay as written (heading and footnote links need them), except an id the page's own
 * template uses (`page-ids.ts`): that one gets the `user-content-` prefix, so a note cannot
 * take over `#main` or `#backlinks`. No id appears twice in a note: the ids the Markdown
 * made (headings, already clear of the page's, `links/heading-ids.ts`, and footnotes) keep
 * theirs, so `[[#heading]]` and footnote links reach them; an id written in raw HTML that
 * one of them, or an earlier raw id, has is numbered (`dup`, `dup-1`), and a raw heading
 * without one gets its slug the same way.
 *
 * Code blocks that Shiki highlighted before this plugin runs are set aside and put back
 * untouched: Shiki makes them from the code's text (escaped), and its colours are `style`
 * attributes that the rules would strip. So is math that KaTeX rendered (`math/rehype-math.ts`:
 * made from the TeX as text, with `style` attributes), and so are the markers of embeds
 * (`embeds/embed-markers.ts`), whose `data-embed` the rules would strip too. Both are
 * recognised as element nodes before any raw HTML is parsed, so a note cannot forge one.
 */
import type { Element, Root } from 'hast';
import { slug } from 'github-slugger';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { SKIP, visit } from 'unist-util-visit';
import { MARKER_PROPERTY } from '../embeds/embed-markers.ts';
import { wellFormedText } from '../notes/well-formed-text.ts';
import { NoteIds, PAGE_IDS, USER_CONTENT_PREFIX } from '../site/page-ids.ts';
import { CALLOUT_CLASSES } from './obsidian/callout-types.ts';
import { DIAGRAM_CLASS } from './obsidian/remark-mermaid.ts';
import { RENDERED_MATH_CLASSES } from './math/rehype-math.ts';
import { AMBIGUOUS_LINK_CLASS, HASHTAG_CLASS, MISSING_LINK_CLASS, UNRESOLVED_PATH_LINK_CLASS, WIKI_LINK_CLASS } from '../links/link-nodes.ts';

const PLACEHOLDER = 'shiki-block';

export const NOTE_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  // Heading and footnote ids stay as Astro and remark make them (`#fn-1` links must work);
  // `name` is still prefixed against DOM clobbering.
  clobber: ['name'],
  // `mark`: `==highlights==`; `details`/`summary` (already allowed): folding callouts.
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', PLACEHOLDER],
  attributes: {
    ...defaultSchema.attributes,
    // One className rule per element: the default's (footnote back links) plus ours.
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')),
      ['className', WIKI_LINK_CLASS, MISSING_LINK_CLASS, AMBIGUOUS_LINK_CLASS, HASHTAG_CLASS, 'data-footnote-backref'],
    ],
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height', 'loading'],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', UNRESOLVED_PATH_LINK_CLASS], 'title'],
    // Mermaid diagrams' source (`obsidian/remark-mermaid.ts`), then callouts (`obsidian/remark-callouts.ts`).
    pre: [...(defaultSchema.attributes?.pre ?? []), ['className', DIAGRAM_CLASS]],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', ...CALLOUT_CLASSES]],
    details: [...(defaultSchema.attributes?.details ?? []), ['className', ...CALLOUT_CLASSES]],
    summary: [...(defaultSchema.attributes?.summary ?? []), ['className', ...CALLOUT_CLASSES]],
    p: [...(defaultSchema.attributes?.p ?? []), ['className', ...CALLOUT_CLASSES]],
    [PLACEHOLDER]: ['dataIndex'],
  },
};

export interface SanitizeOptions {
  /** Keep raw HTML as written, scripts included: only for sites that trust every writer. */
  trusted?: boolean;
}

export function rehypeSanitizeNote(options: SanitizeOptions = {}) {
  return (tree: Root): Root => {
    if (options.trusted) return tree;
    const highlighted: Element[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || !(isShikiBlock(node) || isEmbedMarker(node) || isRenderedMath(node))) return undefined;
      parent.children[index] = {
        type: 'element',
        tagName: PLACEHOLDER,
        properties: { dataIndex: String(highlighted.length) },
        children: [],
      };
      highlighted.push(node);
      return SKIP;
    });
    const markdownIds = markMarkdownIds(tree);
    const clean = sanitize(raw(tree), NOTE_HTML_SCHEMA) as Root;
    visit(clean, 'element', (node) => {
      // The HTML parser makes U+FFFD of `&#xD800;` but keeps `&#xFFFF;` in an attribute.
      for (const [name, value] of Object.entries(node.properties)) if (typeof value === 'string') node.properties[name] = wellFormedText(value);
    });
    uniqueIds(clean, markdownIds);
    visit(clean, 'element', (node, index, parent) => {
      if (node.tagName !== PLACEHOLDER || !parent || index === undefined) return undefined;
      const block = highlighted[Number(node.properties.dataIndex)];
      // A placeholder written in the note itself is dropped.
      if (block) parent.children[index] = block;
      else parent.children.splice(index, 1);
      return block ? SKIP : index;
    });
    return clean;
  };
}

/**
 * Sets aside the ids the Markdown made, before raw HTML is parsed, so that they can be told
 * apart from ids written in it afterwards: each becomes NUL and its number, which no raw
 * HTML can write (the HTML parser turns NUL into U+FFFD).
 */
function markMarkdownIds(tree: Root): string[] {
  const ids: string[] = [];
  visit(tree, 'element', (node) => {
    const id = node.properties.id;
    if (typeof id !== 'string') return;
    node.properties.id = `\u0000${ids.length}`;
    ids.push(id);
  });
  return ids;
}

/** Every id once, the Markdown's first (`markMarkdownIds`), then raw HTML's in document order. */
function uniqueIds(tree: Root, markdownIds: readonly string[]): void {
  const ids = new NoteIds();
  const written: Element[] = [];
  visit(tree, 'element', (node) => {
    const id = node.properties.id;
    const markdownId = typeof id === 'string' && id.startsWith('\u0000') ? markdownIds[Number(id.slice(1))] : undefined;
    if (markdownId !== undefined) node.properties.id = ids.claim(markdownId);
    else if (typeof id === 'string' || /^h[1-6]$/.test(node.tagName)) written.push(node);
  });
  for (const node of written) {
    const id = node.properties.id;
    // A raw heading without an id gets one as Astro would give it, clear of the others.
    const wanted = typeof id === 'string' ? id : slug(toText(node));
    node.properties.id = ids.claim(PAGE_IDS.has(wanted) ? USER_CONTENT_PREFIX + wanted : wanted);
  }
}

function toText(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? toText(child) : '')).join('');
}

function isEmbedMarker(node: Element): boolean {
  return typeof node.properties[MARKER_PROPERTY] === 'string';
}

function classesOf(node: Element): string[] {
  const className = node.properties.className ?? node.properties.class;
  return Array.isArray(className) ? className.map(String) : String(className ?? '').split(/\s+/);
}

function isShikiBlock(node: Element): boolean {
  return node.tagName === 'pre' && classesOf(node).includes('astro-code');
}

function isRenderedMath(node: Element): boolean {
  return node.tagName === 'span' && classesOf(node).some((name) => RENDERED_MATH_CLASSES.has(name));
}

