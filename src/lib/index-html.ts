/**
 * The copy of a built page that Pagefind indexes: the same HTML with Japanese words split
 * (see `japanese-words.ts`) in text, never in tags, attributes, scripts or styles. The page
 * served to readers is not changed.
 */
import { breakJapaneseWords } from './japanese-words.ts';

// A tag may hold `>` inside a quoted attribute value (Astro escapes only `&` and `"`).
const TAG_OR_TEXT =
  /(<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>)/i;

export function htmlForIndex(html: string): string {
  return html
    .split(TAG_OR_TEXT)
    .map((part, i) => (i % 2 === 1 ? part : breakJapaneseWords(part)))
    .join('');
}
