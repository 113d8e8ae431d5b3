/**
 * The copy of a built page that Pagefind indexes: the same HTML with Japanese words split
 * (see `japanese-words.ts`) in text, never in tags, attributes, scripts or styles. The page
 * served to readers is not changed.
 */
import { breakJapaneseWords, pagefindSplitsJapanese } from './japanese-words.ts';

// A tag may hold `>` inside a quoted attribute value (Astro escapes only `&` and `"`).
const TAG_OR_TEXT =
  /(<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>)/i;

export function htmlForIndex(html: string): string {
  return html
    .split(TAG_OR_TEXT)
    .map((part, i) => (i % 2 === 1 ? part : breakJapaneseWords(part)))
    .join('');
}

const SEARCHABLE = /<article\b[^>]*\bdata-pagefind-body\b/;
const HTML_OPEN_TAG = /<html\b[^>]*>/i;

/**
 * What Pagefind gets of a built page: undefined for a page with no searchable part (once
 * any page marks `data-pagefind-body`, Pagefind skips the others anyway), else the `<html>`
 * tag (its `lang`) and the searchable `<article>` only, Japanese words split. Backlinks,
 * 2-hop links and the header are left out before Pagefind parses anything: on hub pages
 * they are most of the HTML. A page marked Japanese (`<html lang="ja">`) keeps its words as
 * they are: Pagefind splits them itself.
 */
export function pageForIndex(html: string): string | undefined {
  const start = html.search(SEARCHABLE);
  if (start < 0) return undefined;
  const end = html.lastIndexOf('</article>');
  if (end < start) return undefined;
  const htmlTag = HTML_OPEN_TAG.exec(html)?.[0] ?? '<html>';
  const article = html.slice(start, end + '</article>'.length);
  const lang = /\slang=["']?([^"'\s>]+)/i.exec(htmlTag)?.[1];
  return `<!doctype html>${htmlTag}<head></head><body>${pagefindSplitsJapanese(lang) ? article : htmlForIndex(article)}</body></html>`;
}
