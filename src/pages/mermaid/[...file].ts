/** Mermaid's browser build, for the pages that hold a diagram (`lib/markdown/obsidian/mermaid-assets.ts`). */
import type { APIContext } from 'astro';
import { mermaidAssets } from '../../lib/markdown/obsidian/mermaid-assets.ts';

export function getStaticPaths() {
  return mermaidAssets().map((asset) => ({ params: { file: asset.path }, props: asset }));
}

export function GET({ props }: APIContext): Response {
  return new Response((props as { body: string }).body, { headers: { 'Content-Type': 'text/javascript' } });
}
