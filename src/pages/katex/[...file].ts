/** KaTeX's stylesheet and WOFF2 fonts, for the pages that hold math (`lib/markdown/math/katex-assets.ts`). */
import type { APIContext } from 'astro';
import { katexAssets } from '../../lib/markdown/math/katex-assets.ts';

export function getStaticPaths() {
  return katexAssets().map((asset) => ({ params: { file: asset.path }, props: asset }));
}

export function GET({ props }: APIContext): Response {
  const { body, type } = props as ReturnType<typeof katexAssets>[number];
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { headers: { 'Content-Type': type } });
}
