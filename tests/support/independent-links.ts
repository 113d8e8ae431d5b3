/**
 * A second, deliberately separate reading of the wiki links in Markdown files: regular
 * expressions over the raw text instead of the unified pipeline, and its own copy of the
 * link rules. The build tests compare the site's backlinks against it.
 */
import { parse as parseYaml } from 'yaml';

export interface IndependentNote {
  file: string;
  title: string;
  /** Raw link texts, in order. */
  links: string[];
  /** Titles of the originals named in translation footers. */
  originalTitles: string[];
}

export function readIndependently(file: string, raw: string): IndependentNote {
  let text = raw.replace(/^\uFEFF/, '');
  let title = file.normalize('NFC').replace(/\.md$/i, '');
  const tags: string[] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (frontmatter) {
    const data = parseYaml(frontmatter[1]!) as { title?: unknown; tags?: unknown } | null;
    if (typeof data?.title === 'string' && data.title.trim()) title = data.title.normalize('NFC');
    const written = Array.isArray(data?.tags) ? data.tags : typeof data?.tags === 'string' ? data.tags.split(',') : [];
    for (const tag of written.map((t) => String(t).trim().replace(/^#+/, '').trim())) if (tag && !tags.includes(tag)) tags.push(tag);
    text = text.slice(frontmatter[0].length);
  }
  const originalTitles = [...text.matchAll(/^[ \t]*This page is auto-translated from \[\/[^/\]\n]+\/([^\n]+?)\]\(/gm)].map((m) => m[1]!.trim());
  text = text.replace(/^[ \t]*This page is auto-translated from .*$/gm, '');
  text = withoutCode(text);
  // A link's text neither starts with `[` nor holds `[[` (docs/links.md), and a
  // link that names no title (`[[ ]]`, `[[_]]`, `[[|]]`, `[[#]]`) stays text.
  const wikiLinks = [...text.matchAll(/\[\[(?![ \t]*\[)((?:(?!\[\[)[^\]\n])+?)\]\]/g)]
    .filter((m) => key(m[1]!.replace(/[|#\\]/g, ' ')) !== '')
    .map((m) => ({ at: m.index, text: m[1]! }));
  const links = [...wikiLinks, ...hashtags(text)].sort((a, b) => a.at - b.at).map((link) => link.text);
  links.push(...tags);
  return { file, title, links, originalTitles };
}

/**
 * `#tags` in the text (code already blanked), by the rules of docs/links.md: after white space or an
 * opening bracket, up to white space or a bracket, less closing punctuation; with a letter;
 * no colour code, no line anchor, no C preprocessor line, not in a link or an HTML tag.
 */
function hashtags(text: string): { at: number; text: string }[] {
  const blank = (m: string) => 'x'.repeat(m.length);
  // Wiki links first, then Markdown links, whose text may hold them and brackets.
  const masked = text
    .replace(/\[\[[^\]\n]*\]\]/g, blank)
    .replace(/!?\[(?:[^[\]\n]|\[[^[\]\n]*\])*\]\([^)\s]*\)|<[^>\n]+>/g, blank);
  const found: { at: number; text: string }[] = [];
  for (const m of masked.matchAll(/(?<=^|[\s(（「『【])#(?![\s#!])([^\s[\]()（）「」『』【】]+)/gmu)) {
    const body = m[1]!.replace(/[.,;:!?'"’”)\]}>»」』）】〉》、。，．！？…]+$/u, '');
    if (!body || body.startsWith('[') || !/\p{L}/u.test(body)) continue;
    if (/^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(body) && (/\d/.test(body) || /^[a-f]+$/i.test(body))) continue;
    if (/^[0-9a-f]{24}$/i.test(body)) continue;
    const lineStart = m.index === 0 || masked[m.index - 1] === '\n';
    if (lineStart && /^(?:include|define|undef|if|ifdef|ifndef|elif|else|endif|pragma|error|warning|line|import)\b/.test(body)) continue;
    found.push({ at: m.index, text: body.replace(/_/g, ' ').trim() });
  }
  return found;
}

export function key(title: string): string {
  return title.normalize('NFC').replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The key of the page a link text leads to, by the rules in docs/links.md. */
export function targetKey(linkText: string, titles: Map<string, string>): string {
  const text = linkText.replace(/\\\|/g, '|').replace(/\s+/g, ' ').trim();
  const known = (candidate: string) => titles.get(key(candidate));
  const whole = known(text);
  if (whole) return key(whole);
  const bare = text.replace(/#[0-9a-f]{24}$/i, '').trim();
  if (known(bare)) return key(known(bare)!);
  const [target = '', ...rest] = bare.split('|');
  if (rest.length > 0 && known(target)) return key(known(target)!);
  const page = target.split('#')[0]!;
  if (target.includes('#') && page.trim() && known(page)) return key(known(page)!);
  const obsidianAlias = rest.length > 0 && target !== '' && !/\s$/.test(target);
  return key(obsidianAlias ? target : bare);
}

/**
 * The titles no note has that exactly one note links (Scrapbox's rule: no page for them), each
 * with that note's title; a note counts once however often it links, and not for its own title.
 * `titles` as for `targetKey`.
 */
export function singleMentionsOf(notes: readonly IndependentNote[], titles: Map<string, string>): Map<string, string> {
  const linkers = new Map<string, Set<string>>();
  for (const note of notes) {
    for (const link of note.links) {
      const target = targetKey(link, titles);
      if (titles.has(target) || target === key(note.title)) continue;
      if (!linkers.has(target)) linkers.set(target, new Set());
      linkers.get(target)!.add(note.title);
    }
  }
  return new Map([...linkers].flatMap(([target, sources]) => (sources.size === 1 ? [[target, [...sources][0]!] as const] : [])));
}

/** The text with fenced code blocks (an unclosed fence runs to the end) and code spans blanked. */
function withoutCode(text: string): string {
  const kept: string[] = [];
  let fence: { char: string; length: number } | undefined;
  for (const line of text.split('\n')) {
    const marker = /^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)*(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (marker && marker[1]![0] === fence.char && marker[1]!.length >= fence.length && marker[2]!.trim() === '') {
        fence = undefined;
      }
      continue;
    }
    if (marker && !(marker[1]![0] === '`' && marker[2]!.includes('`'))) {
      fence = { char: marker[1]![0]!, length: marker[1]!.length };
      continue;
    }
    kept.push(line.replace(/(`+)(?!`).*?[^`]\1(?!`)/g, ''));
  }
  return kept.join('\n');
}
