/**
 * How often each Obsidian/Quartz construct of issue 32 appears in a built site's note pages
 * (their searchable article only), and `%%comments%%` in the notes' sources (they leave no
 * trace in the page):
 *
 *   node bench/syntax-counts.ts --site <built site> --content <notes folder>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { site: { type: 'string' }, content: { type: 'string' } } });
if (!args.site || !args.content) throw new Error('usage: node bench/syntax-counts.ts --site <built site> --content <notes folder>');

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const totals = { pages: 0, callouts: 0, 'math, display': 0, 'math, inline': 0, 'math, shown as source (bad TeX)': 0, diagrams: 0, highlights: 0, 'block ids': 0, 'links to a block': 0 };
for (const file of readdirSync(join(args.site, 'notes'), { recursive: true }).map(String).filter((f) => f.endsWith('index.html'))) {
  const html = readFileSync(join(args.site, 'notes', file), 'utf8');
  const start = html.search(/<article\b[^>]*\bdata-pagefind-body\b/);
  if (start < 0) continue;
  const article = html.slice(start, html.lastIndexOf('</article>'));
  totals.pages++;
  totals.callouts += count(article, /class="callout callout-/g);
  const display = count(article, /class="katex-display"/g);
  totals['math, display'] += display;
  totals['math, inline'] += count(article, /class="katex"/g) - display;
  totals['math, shown as source (bad TeX)'] += count(article, /class="katex-error/g);
  totals.diagrams += count(article, /<pre class="mermaid">/g);
  totals.highlights += count(article, /<mark>/g);
  totals['block ids'] += count(article, /\sid="\^[A-Za-z0-9-]+"/g);
  totals['links to a block'] += count(article, /href="[^"]*#(\^|%5E)[A-Za-z0-9-]+"/g);
}
let comments = 0;
for (const file of readdirSync(args.content, { recursive: true }).map(String).filter((f) => f.endsWith('.md'))) {
  const source = readFileSync(join(args.content, file), 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  comments += count(source, /%%[\s\S]*?%%/g);
}
console.log(JSON.stringify({ ...totals, 'comments (in the sources, outside code)': comments }, null, 1));
