/** robots.txt: everything may be crawled; it names the sitemap, which needs the absolute address. */
import type { APIContext } from 'astro';

export function GET(context: APIContext): Response {
  const sitemap = new URL(`${import.meta.env.BASE_URL}sitemap-index.xml`, context.site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain' } });
}
