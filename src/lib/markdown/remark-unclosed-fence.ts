/**
 * Remark plugin that reports a code fence that is never closed. CommonMark shows everything
 * after such a fence as code, which hides the rest of the note's links; the note still
 * renders that way (it is what the Markdown says), but the writer is told where to fix it.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export const UNCLOSED_FENCE_RULE = 'unclosed-code-fence';

export function remarkUnclosedFence() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const contentEnd = source.trimEnd().length;
    visit(tree, 'code', (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || end < contentEnd) return;
      // Lines inside block quotes carry their `>` markers; the fence is what follows them.
      const lines = source
        .slice(start, end)
        .trimEnd()
        .split('\n')
        .map((line) => line.replace(/^(?:\s*>)*/, ''));
      const opening = /^\s*(`{3,}|~{3,})/.exec(lines[0] ?? '')?.[1];
      const last = lines.at(-1)?.trim() ?? '';
      const closed = lines.length > 1 && opening !== undefined && last.startsWith(opening) && /^(`+|~+)$/.test(last);
      if (!closed) {
        file.message(
          `the code fence ${opening ?? '```'} opened here is never closed, so the rest of the note shows as code and its [[links]] are not links; add a closing ${opening ?? '```'} line where the code ends`,
          node,
          UNCLOSED_FENCE_RULE,
        );
      }
    });
  };
}
