/**
 * Step 4b: each note's HTML with its embeds in place (`lib/embeds/`), once every note is
 * rendered. Embedded notes and files are filled in here rather than when a note renders:
 * a rendering is cached by the note's own text, while what it embeds can change without it.
 * The HTML made here is what the page shows and what its cache key hashes, so a page is
 * rendered again when a note or image it shows changes.
 *
 * Files: every file marker is resolved in the content folder (`attachment-paths.ts`);
 * images are encoded into the cache's media folder (`image-files.ts`, reused between builds),
 * other files are served as they are; `media-files.json` lists what `/media/` serves
 * (`src/pages/media/[file].ts`). A file that is missing, outside the folder or unreadable
 * is a placeholder and a warning with the note's file and line.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileLinkHtml, imageHtml, missingAttachmentHtml } from '../lib/embeds/attachment-html.ts';
import { buildAttachmentIndex, resolveAttachmentPath, type AttachmentPath } from '../lib/embeds/attachment-paths.ts';
import { hasMarkers, markersIn, type EmbedMarker } from '../lib/embeds/embed-markers.ts';
import { imageJobKey, processImages, type ImageJob, type ImageResult } from '../lib/embeds/image-files.ts';
import { assembleNoteHtml, type EmbedContext } from '../lib/embeds/note-embeds.ts';
import { missingBlockLinks } from '../lib/links/block-references.ts';
import { listContentFiles, type ContentFile } from '../lib/notes/note-files.ts';
import type { SourceProblem } from '../lib/notes/source-problem.ts';
import { interfaceStrings, type SiteLanguage } from '../lib/site/interface-strings.ts';
import type { RenderedNote } from '../lib/markdown/rendered-note.ts';
import type { TitleIndex } from '../lib/titles/title-index.ts';
import type { NotePage } from './note-pages.ts';
import { MEDIA_DIR, MEDIA_FILES } from '../lib/cache/cache-files.ts';

/**
 * The largest file (a PDF, a video) the site serves from `/media/`: GitHub Pages refuses files
 * over 100 MB, and a sparse file of gigabytes would otherwise be read whole.
 */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

export interface AssembleContext {
  contentDir: string;
  /** The content folder's other files, where the notes' reading listed them (else listed here when a note embeds a file). */
  attachments?: readonly ContentFile[] | undefined;
  cacheDir: string;
  base: string;
  language: SiteLanguage;
}

/** What the notes embed, as written in them, and how much of it is shown (embeds inside embedded notes not counted again). */
export interface EmbedCounts {
  notes: { written: number; shown: number };
  images: { written: number; shown: number; encoded: number; reused: number };
  files: { written: number; linked: number };
}

type FileMarker = Extract<EmbedMarker, { kind: 'image' | 'file' }>;

/**
 * Whether a rendering's HTML holds embed markers, looked for once per rendering: `astro dev`
 * keeps the renderings of unchanged notes between loads (0.1 s a save at 24,000 notes).
 */
const markersFound = new WeakMap<RenderedNote, boolean>();
function hasMarkersKept(result: RenderedNote): boolean {
  let found = markersFound.get(result);
  if (found === undefined) markersFound.set(result, (found = hasMarkers(result.html)));
  return found;
}

export async function assembleNotes(
  pages: readonly NotePage[],
  index: TitleIndex,
  context: AssembleContext,
): Promise<{ pages: NotePage[]; problems: SourceProblem[]; counts: EmbedCounts; cacheProblem?: string }> {
  const counts: EmbedCounts = { notes: { written: 0, shown: 0 }, images: { written: 0, shown: 0, encoded: 0, reused: 0 }, files: { written: 0, linked: 0 } };
  for (const { result } of pages) counts.notes.written += result.links.filter((link) => link.embed).length;
  const withMarkers = pages.filter(({ result }) => hasMarkersKept(result));
  const marked = new Set(withMarkers);
  const fileMarkers = withMarkers.flatMap((page) =>
    markersIn(page.result.html).flatMap((marker) => (marker.kind === 'note' ? [] : [{ page, marker }])),
  );

  // Files: resolved once per note and path, images encoded (or reused), other files hashed.
  const attachmentFiles = fileMarkers.length > 0 ? (context.attachments ?? (await listContentFiles(context.contentDir)).attachments) : [];
  const attachments = buildAttachmentIndex(attachmentFiles.map((file) => file.path));
  const diskPaths = new Map(attachmentFiles.map((file) => [file.path, file.diskPath]));
  const problems: SourceProblem[] = [];
  const pathKey = (fromFile: string, marker: FileMarker) => `${fromFile}\0${marker.syntax}\0${marker.path}`;
  const resolved = new Map<string, AttachmentPath>();
  const jobs: ImageJob[] = [];
  const otherFiles = new Set<string>();
  for (const { page, marker } of fileMarkers) {
    const key = pathKey(page.source.filePath, marker);
    let found = resolved.get(key);
    if (!found) {
      found = resolveAttachmentPath(marker.path, page.source.filePath, attachments, marker.syntax);
      resolved.set(key, found);
    }
    if (found.kind !== 'found') continue;
    if (marker.kind === 'image') jobs.push({ file: join(context.contentDir, found.path), diskPath: diskPaths.get(found.path), size: marker.size });
    else otherFiles.add(found.path);
  }
  const processed = await processImages(jobs, join(context.cacheDir, MEDIA_DIR));
  counts.images.encoded = processed.encoded;
  counts.images.reused = processed.reused;
  const served: { name: string; file: string; fileBytes?: string }[] = [...processed.names].map((name) => ({ name, file: join(context.cacheDir, MEDIA_DIR, name) }));
  const fileNames = new Map<string, string>();
  const tooLarge = new Map<string, number>();
  for (const path of [...otherFiles].sort()) {
    const file = join(context.contentDir, path);
    const diskPath = diskPaths.get(path) ?? file;
    const size = (await stat(diskPath).catch(() => undefined))?.size ?? 0;
    if (size > MAX_ATTACHMENT_BYTES) {
      tooLarge.set(path, size);
      continue;
    }
    const hash = createHash('sha256').update(await readFile(diskPath)).digest('hex').slice(0, 20);
    const name = `${hash}${extname(path).toLowerCase()}`;
    fileNames.set(path, name);
    served.push(typeof diskPath === 'string' ? { name, file: diskPath } : { name, file, fileBytes: diskPath.toString('base64') });
  }
  for (const file of attachmentFiles) {
    if (file.renamed && (otherFiles.has(file.path) || jobs.some((job) => job.file === join(context.contentDir, file.path)))) {
      problems.push({ filePath: file.path, line: undefined, message: `${file.renamed}; embeds find it by that name. Give the file a UTF-8 name` });
    }
  }
  served.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const listFile = join(context.cacheDir, MEDIA_FILES);
  await writeFile(`${listFile}.tmp`, JSON.stringify(served));
  await rename(`${listFile}.tmp`, listFile);

  const strings = interfaceStrings(context.language).embeds;
  const mediaBase = `${context.base.endsWith('/') ? context.base : `${context.base}/`}${MEDIA_DIR}/`;
  const htmlByFile = new Map(pages.map(({ source, result }) => [source.filePath, result.html]));
  const embedContext: EmbedContext = {
    index,
    base: context.base,
    strings,
    htmlOf: (note) => htmlByFile.get(note.filePath) ?? '',
    attachmentHtml(marker, from, report) {
      const name = basename(marker.path) || marker.path;
      const placeholder = () => missingAttachmentHtml(strings.unavailable(name), marker.path);
      const found = resolved.get(pathKey(from.filePath, marker)) ?? resolveAttachmentPath(marker.path, from.filePath, attachments, marker.syntax);
      const written = marker.syntax === 'wiki' ? `![[${marker.path}]]` : `![…](${marker.path})`;
      if (found.kind === 'outside') {
        report?.(marker.line, `the embed ${written} names a file outside the content folder: it is not published, a placeholder is shown. Put the file inside the content folder`);
        return placeholder();
      }
      if (found.kind === 'missing') {
        report?.(marker.line, `the embed ${written} names a file that is not in the content folder (looked in the note's folder, the content folder and every folder by name): a placeholder is shown. Add the file or correct its name`);
        return placeholder();
      }
      if (marker.kind === 'file') {
        const size = tooLarge.get(found.path);
        if (size !== undefined) {
          report?.(marker.line, `the file ${found.path} has ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB a file on the site may have: it is not published, a placeholder is shown. Link to it where it is hosted instead`);
          return placeholder();
        }
        if (report) counts.files.linked++;
        return fileLinkHtml(mediaBase + fileNames.get(found.path)!, marker.alt || name);
      }
      const result: ImageResult | undefined = processed.results.get(imageJobKey({ file: join(context.contentDir, found.path), size: marker.size }));
      if (!result?.ok) {
        report?.(marker.line, `the image ${found.path} cannot be shown: ${result?.reason ?? 'it was not processed'}; a placeholder is shown. Replace the file with a PNG, JPEG, GIF, WebP, AVIF or SVG image`);
        return placeholder();
      }
      if (report) counts.images.shown++;
      return imageHtml(result.image, marker.alt, mediaBase);
    },
  };
  for (const { marker } of fileMarkers) {
    if (marker.kind === 'image') counts.images.written++;
    else counts.files.written++;
  }

  const bodyLine = (page: NotePage, line: number | undefined) => (line === undefined ? undefined : line + page.source.bodyStartLine - 1);
  for (const page of pages) {
    for (const { line, message } of missingBlockLinks(page.result.links, (filePath) => htmlByFile.get(filePath) ?? '')) {
      problems.push({ filePath: page.source.filePath, line: bodyLine(page, line), message });
    }
  }
  const assembled = pages.map((page) => {
    if (!marked.has(page)) return page;
    const { source } = page;
    const html = assembleNoteHtml(
      page.note,
      embedContext,
      (line, message) => problems.push({ filePath: source.filePath, line: line === undefined ? undefined : line + source.bodyStartLine - 1, message }),
      () => counts.notes.shown++,
    );
    return { ...page, result: { ...page.result, html } };
  });
  return { pages: assembled, problems, counts, ...(processed.cacheProblem ? { cacheProblem: processed.cacheProblem } : {}) };
}
