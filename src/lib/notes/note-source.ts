/**
 * A note file read into its title, frontmatter and Markdown body.
 *
 * The title is the frontmatter `title` (YAML, so both quoting styles and escapes are read
 * as YAML means them) or, when there is none, the file's path without `.md`.
 * Problems never drop the note: they are returned with the file and line, and the note
 * falls back to its file path as title.
 */
import { parseDocument } from 'yaml';

export interface SourceProblem {
  filePath: string;
  /** 1-based line in the file, where known. */
  line?: number | undefined;
  message: string;
}

export interface NoteSource {
  /** Relative to the content folder, `/`-separated, NFC. */
  filePath: string;
  title: string;
  frontmatter: Record<string, unknown>;
  body: string;
  /** The file line the body starts on (1-based), to report body problems by file line. */
  bodyStartLine: number;
  /** The file line of the frontmatter `title:`, when there is one. */
  titleLine?: number | undefined;
  problems: SourceProblem[];
}

const FRONTMATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

export function titleFromFilePath(filePath: string): string {
  return filePath.normalize('NFC').replace(/\.md$/i, '');
}

export function parseNoteSource(filePathRaw: string, raw: string): NoteSource {
  const filePath = filePathRaw.normalize('NFC');
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const problems: SourceProblem[] = [];
  const fallbackTitle = titleFromFilePath(filePath);
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return { filePath, title: fallbackTitle, frontmatter: {}, body: text, bodyStartLine: 1, problems };
  }
  const yamlText = match[1] ?? '';
  const body = text.slice(match[0].length);
  const bodyStartLine = lineCount(match[0]) + 1;
  let frontmatter: Record<string, unknown> = {};
  const doc = parseDocument(yamlText);
  const error = doc.errors[0];
  if (error) {
    problems.push({
      filePath,
      // +1: the YAML starts on the line after the opening `---`.
      line: (error.linePos?.[0].line ?? 0) + 1,
      message: `frontmatter is not valid YAML (${error.message.split('\n')[0]}); the note is published with the title "${fallbackTitle}". Fix the YAML, e.g. quote a title that contains ": ".`,
    });
  } else {
    const value: unknown = doc.toJS();
    if (value && typeof value === 'object' && !Array.isArray(value)) frontmatter = value as Record<string, unknown>;
  }
  let title = fallbackTitle;
  const rawTitle = frontmatter.title;
  if (typeof rawTitle === 'string' && rawTitle.trim() !== '') {
    title = rawTitle;
  } else if (rawTitle !== undefined && rawTitle !== null) {
    problems.push({
      filePath,
      line: titleLine(yamlText),
      message: `title is not a non-empty string (${JSON.stringify(rawTitle)}); the note is published with the title "${fallbackTitle}". Quote the title: title: "…".`,
    });
  }
  return { filePath, title: title.normalize('NFC'), frontmatter, body, bodyStartLine, titleLine: titleLine(yamlText), problems };
}

function lineCount(text: string): number {
  let lines = 0;
  for (const char of text) if (char === '\n') lines++;
  return lines;
}

function titleLine(yamlText: string): number | undefined {
  const index = yamlText.split(/\r?\n/).findIndex((line) => /^title\s*:/.test(line));
  return index === -1 ? undefined : index + 2;
}
