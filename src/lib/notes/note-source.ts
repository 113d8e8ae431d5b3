/**
 * A note file read into its title, frontmatter and Markdown body.
 *
 * The title is the frontmatter `title` (YAML, so both quoting styles and escapes are read
 * as YAML means them) or, when there is none, the file's path without `.md`.
 * Problems never drop the note: they are returned with the file and line, and the note
 * falls back to its file path as title.
 */
import { parseDocument } from 'yaml';
import { BIDI_CONTROLS, stripBidiControls, titleKey } from '../titles/titles.ts';
import { failureReason } from './note-guard.ts';
import { plainFrontmatter } from './frontmatter-data.ts';

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
  // A lone CR (classic Mac OS line ends) is a line end, as in CommonMark; CRLF stays as it is.
  const text = (raw.startsWith('\uFEFF') ? raw.slice(1) : raw).replace(/\r(?!\n)/g, '\n');
  const problems: SourceProblem[] = [];
  const fallbackTitle = titleFromFilePath(filePath);
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return { filePath, title: checkedTitle(fallbackTitle, filePath, undefined, problems), frontmatter: {}, body: text, bodyStartLine: 1, problems };
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
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (toJsError) {
      // An alias bomb ("billion laughs") is valid YAML that `yaml` refuses to expand.
      problems.push({
        filePath,
        line: 2,
        message: `frontmatter could not be read (${failureReason(toJsError)}); the note is published with the title "${fallbackTitle}" and no frontmatter. Remove the anchors (&name) and aliases (*name) from it`,
      });
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const { data, dropped } = plainFrontmatter(value as Record<string, unknown>);
      frontmatter = data;
      for (const what of dropped) {
        problems.push({ filePath, line: 2, message: `frontmatter holds ${what}, which is left out; the rest of it is read. Remove it from the frontmatter` });
      }
    }
  }
  let title = fallbackTitle;
  const rawTitle = frontmatter.title;
  if (typeof rawTitle === 'string' && titleKey(rawTitle) !== '') {
    title = rawTitle;
  } else if (typeof rawTitle === 'string' && rawTitle.trim() !== '') {
    problems.push({
      filePath,
      line: titleLine(yamlText),
      message: `title ${JSON.stringify(rawTitle)} holds only invisible characters; the note is published with the title "${fallbackTitle}". Write a title with visible characters`,
    });
  } else if (rawTitle !== undefined && rawTitle !== null) {
    problems.push({
      filePath,
      line: titleLine(yamlText),
      message: `title is not a non-empty string (${JSON.stringify(rawTitle)}); the note is published with the title "${fallbackTitle}". Quote the title: title: "…".`,
    });
  }
  const line = titleLine(yamlText);
  return { filePath, title: checkedTitle(title.normalize('NFC'), filePath, title === fallbackTitle ? undefined : line, problems), frontmatter, body, bodyStartLine, titleLine: line, problems };
}

/**
 * The title less bidirectional embedding and override controls (U+202A-U+202E,
 * U+2066-U+2069), with a warning: they make a title read as something else wherever it is
 * shown (`Invoice \u202Efdp.exe` reads "Invoice exe.pdf").
 */
function checkedTitle(title: string, filePath: string, line: number | undefined, problems: SourceProblem[]): string {
  const controls = title.match(BIDI_CONTROLS);
  if (!controls) return title;
  const clean = stripBidiControls(title);
  const named = [...new Set(controls)].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
  problems.push({
    filePath,
    line,
    message: `the title holds bidirectional control characters (${named}) that make it display differently from what it is; they are removed and the note is published with the title "${clean}". Delete them from the title`,
  });
  return clean;
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
