/**
 * Every file the build keeps in its cache folder, named once, with the module that writes it
 * and the modules that read it. The cache folder is the subfolder of `CACHE_DIR` for the
 * content folder (`cache-folder.ts`); it is also Astro's `cacheDir`, so Astro keeps its own
 * files there (its content store, the last build's pages in `dist/` with their manifest).
 * Each of our files is written aside and renamed, so it is whole or absent, and is checked
 * when read: one that cannot be read costs a full render, never a wrong page.
 */

/** Astro's content store. Written by Astro; read by a build's pages from the file (`integrations/content-store-from-file.ts`). */
export const CONTENT_STORE_FILE = 'data-store.json';

/** Astro's record of the last build's pages (`astro/dist/core/build/incremental.js`). Written by Astro; ignored after a build that did not finish (`unfinished-build.ts`). */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';

/** Present while a build runs. Written and removed by `unfinished-build.ts` (`integrations/unfinished-build-guard.ts`). */
export const UNFINISHED_MARK = 'build-unfinished';

/** The notes' renderings with their keys. Written and read by `loaders/render-with-cache.ts` (`render-cache-file.ts`). */
export const RENDER_CACHE_FILE = 'note-renderings.bin';

/** Every note's HTML, end to end. Written by `loaders/store-entries.ts` (`note-html-file.ts`); read by the pages (`data/note-html.ts`). */
export const NOTE_HTML_FILE = 'note-html.bin';

/** Each page's date for the sitemap. Written by `loaders/store-entries.ts` (`site/page-dates.ts`); read by `integrations/sitemap-lastmod.ts`. */
export const PAGE_DATES_FILE = 'page-dates.json';

/** The global graph's layout and communities with their key. Written by `loaders/lay-out-graph-ahead.ts` or `/graph.json`; read by `/graph.json` (`data/graph-layout-cache.ts`, both through `loader-handoff.ts`). */
export const LAYOUT_FILE = 'graph-layout.json';

/** The encoded images, named by content. Written by `embeds/image-files.ts` (from `loaders/assemble-notes.ts`); served by `/media/` (`data/media-files.ts`). */
export const MEDIA_DIR = 'media';

/** Inside `MEDIA_DIR`: each source image's hash and encodings. Written and read by `embeds/image-files.ts`. */
export const IMAGE_INDEX_FILE = 'images.json';

/** What `/media/` serves and where each file's bytes are. Written by `loaders/assemble-notes.ts`; read by `data/media-files.ts`. */
export const MEDIA_FILES = 'media-files.json';

/** The search index's bundles, one folder per key. Written and read by the index step (`search/index-site.ts`, `search-bundle-cache.ts`). */
export const SEARCH_INDEX_DIR = 'search-index';

/** Inside each bundle's folder: its key and each file's SHA-256. Written and read by `search-bundle-cache.ts`. */
export const SEARCH_BUNDLE_MANIFEST = 'manifest.json';

/** Each built page's file identity and search fingerprint when the index step last read it. Written and read by `search/index-site.ts` (`page-fingerprints.ts`). */
export const SEARCH_PAGE_FINGERPRINTS = 'search-pages.json';

/** The last build's page files in the output folder (size and time) and the identity of its marker there. Written and read by `integrations/out-dir-aside.ts` (`output-folder-manifest.ts`): a rebuild keeps those pages in place. */
export const OUTPUT_FOLDER_MANIFEST = 'output-folder.json';
