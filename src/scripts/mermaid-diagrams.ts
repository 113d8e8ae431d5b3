/**
 * Mermaid diagrams: each `pre.mermaid` (its source, `lib/markdown/obsidian/remark-mermaid.ts`)
 * is replaced by the drawing. Mermaid is imported from the site's own files
 * (`lib/markdown/obsidian/mermaid-assets.ts`) only when the page holds a diagram, so other
 * pages pay nothing but this module. A diagram Mermaid cannot read keeps its source, marked.
 * Drawn in the theme the page has when it loads.
 */
import { currentTheme } from './theme.ts';

interface Mermaid {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

export async function drawDiagrams(blocks: readonly HTMLElement[], moduleUrl: string): Promise<void> {
  if (blocks.length === 0) return;
  const { default: mermaid } = (await import(/* @vite-ignore */ moduleUrl)) as { default: Mermaid };
  // `strict`: labels are sanitized and click handlers in diagrams are off.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: currentTheme() === 'dark' ? 'dark' : 'default' });
  for (const [index, block] of blocks.entries()) {
    try {
      const { svg } = await mermaid.render(`mermaid-diagram-${index}`, block.textContent ?? '');
      const figure = document.createElement('figure');
      figure.className = 'mermaid-diagram';
      figure.innerHTML = svg;
      block.replaceWith(figure);
    } catch (error) {
      block.classList.add('mermaid-error');
      block.title = error instanceof Error ? error.message : String(error);
    }
  }
}
