/**
 * Remark plugin: a ```` ```mermaid ```` code block becomes `<pre class="mermaid">source</pre>`,
 * which `scripts/mermaid-diagrams.ts` draws in the browser (Mermaid needs a browser's layout
 * to draw; no build-time way without one). Without script, or while Mermaid loads, the reader
 * sees the diagram's source. The source is text, escaped like any code.
 */
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';

export const DIAGRAM_CLASS = 'mermaid';

/** Whether a note's HTML holds a diagram, so its page loads the script that draws it. */
export function hasDiagrams(html: string): boolean {
  return html.includes(`<pre class="${DIAGRAM_CLASS}">`);
}

export function remarkMermaid() {
  return (tree: Root) => {
    visit(tree, 'code', (code, index, parent) => {
      if (code.lang?.toLowerCase() !== 'mermaid' || !parent || index === undefined) return;
      // A node of its own type: a `code` node would be drawn as `<pre><code>` and highlighted.
      const diagram = {
        type: 'mermaidDiagram',
        value: code.value,
        position: code.position,
        data: { hName: 'pre', hProperties: { className: [DIAGRAM_CLASS] }, hChildren: [{ type: 'text', value: code.value }] },
      };
      parent.children[index] = diagram as unknown as RootContent;
    });
  };
}
