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
import type { SourceProblem } from './source-problem.ts';
import { describeUnencodable, findUnencodable, wellFormedData, wellFormedText } from './well-formed-text.ts';

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

/** The title a file's path gives: less `.md`, NFC, and well-formed (`well-formed-text.ts`). */
export function titleFromFilePath(filePath: string): string {
  return wellFormedText(filePath.normalize('NFC').replace(/\.md$/i, ''));
}

const replaced = (codePoints: readonly string[]) => `${describeUnencodable(codePoints)} ${codePoints.length === 1 ? 'is' : 'are'} replaced with U+FFFD (shown as �)`;

export function parseNoteSource(filePathRaw: string, raw: string): NoteSource {
  const filePath = filePathRaw.normalize('NFC');
  // A lone CR (classic Mac OS line ends) is a line end, as in CommonMark; CRLF stays as it is.
  const lineEnded = (raw.startsWith('\uFEFF') ? raw.slice(1) : raw).replace(/\r(?!\n)/g, '\n');
  const problems: SourceProblem[] = [];
  // Noncharacters written as such, anywhere in the file (a decoded file holds no lone surrogate).
  const unencodable = findUnencodable(lineEnded);
  if (unencodable) {
    problems.push({
      filePath,
      line: unencodable.line,
      message: `text here cannot be encoded: ${replaced(unencodable.codePoints)}, here and wherever else the note has one. Delete it or write the character meant`,
    });
  }
  const text = wellFormedText(lineEnded);
  const fallbackTitle = titleFromFilePath(filePath);
  const match = FRONTMATTER.exec(text);
  if (!match) {
    checkFileName(filePath, fallbackTitle, problems);
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
      for (const what of dropped) {
        problems.push({ filePath, line: 2, message: `frontmatter holds ${what}, which is left out; the rest of it is read. Remove it from the frontmatter` });
      }
      frontmatter = wellFormedFrontmatter(data, yamlText, filePath, problems);
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
  if (title === fallbackTitle) checkFileName(filePath, fallbackTitle, problems);
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

/** A warning when the file name, used as the title, held text that cannot be encoded (`titleFromFilePath` replaced it). */
function checkFileName(filePath: string, title: string, problems: SourceProblem[]): void {
  const unencodable = findUnencodable(filePath);
  if (!unencodable) return;
  problems.push({
    filePath,
    message: `the file name holds text that cannot be encoded: ${replaced(unencodable.codePoints)} in the title "${title}". Rename the file`,
  });
}

/**
 * The frontmatter with its strings well-formed: YAML escapes make lone surrogates
 * (`"\ud800"`) that no URL or HTML step could encode. One warning per top-level key that
 * held one, on that key's line.
 */
function wellFormedFrontmatter(data: Record<string, unknown>, yamlText: string, filePath: string, problems: SourceProblem[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [rawKey, rawValue] of Object.entries(data)) {
    const { value: [key, value], codePoints } = wellFormedData([rawKey, rawValue] as const);
    result[key] = value;
    if (codePoints.length === 0) continue;
    problems.push({
      filePath,
      line: keyLine(yamlText, rawKey) ?? 2,
      message: `the frontmatter value of ${JSON.stringify(key)} holds text that cannot be encoded: ${replaced(codePoints)}. Write the character meant (a YAML escape such as "\\ud800" must be followed by the other half of its pair, "\\udc00")`,
    });
  }
  return result;
}

function lineCount(text: string): number {
  let lines = 0;
  for (const char of text) if (char === '\n') lines++;
  return lines;
}

function titleLine(yamlText: string): number | undefined {
  return keyLine(yamlText, 'title');
}

/** The file line of a top-level `key:` in the frontmatter, if it is written plain. */
function keyLine(yamlText: string, key: string): number | undefined {
  const index = yamlText.split(/\r?\n/).findIndex((line) => line.startsWith(key) && /^\s*:/.test(line.slice(key.length)));
  return index === -1 ? undefined : index + 2;
}
