// Wiring only: the notes, their links and the pages are set up in src/.
import { defineConfig } from 'astro/config';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  throw new Error(
    `This site needs Node 22.12 or newer (Astro 7), but it is running under Node ${process.versions.node}. ` +
      'Run it through npm ("npm start", "npm run build", "npm test"): npm puts the Node 24 that ' +
      '"npm install" brings (the "node" devDependency) first on the PATH.',
  );
}

// Loaded after the check: an older Node cannot even load TypeScript modules.
const { settings } = await import('./src/settings.ts');
const { default: sitemap } = await import('@astrojs/sitemap');
const { outDirAside } = await import('./src/integrations/out-dir-aside.ts');
const { unfinishedBuildGuard } = await import('./src/integrations/unfinished-build-guard.ts');
const { sitemapLastmod } = await import('./src/integrations/sitemap-lastmod.ts');
const { contentStoreFromFile } = await import('./src/integrations/content-store-from-file.ts');
const { unwatchedFolders, isUnwatched } = await import('./src/lib/settings/dev-watch.ts');

// Every setting, with its default and meaning: src/lib/settings/settings.ts (README, "Settings").
// The build cache (CACHE_DIR, default .cache/): one folder per content folder, holding Astro's
// content store and last build's pages, and beside them the notes' renderings and HTML and the
// graph layout (each named with its writer and readers in src/lib/cache/cache-files.ts); the
// pages find it through the same settings (src/settings.ts). The integration below makes an
// interrupted build harmless.
const { siteUrl, siteUrlIsFallback, basePath, outDir, cacheDir, contentDir } = settings();
const notWatchedByVite = unwatchedFolders(outDir, cacheDir, contentDir, process.cwd());
if (siteUrlIsFallback) {
  console.info(`SITE_URL is not set: sitemap, feed, canonical and Open Graph URLs use ${siteUrl} (where npm start serves the site).`);
}

/** The file name of a component's script: the component's name. */
const scriptName = (chunkName) => chunkName.replace(/\.astro_astro_type_script_index_(\d+)_lang$/, (_, n) => (n === '0' ? '' : `-${n}`));

export default defineConfig({
  // The public origin, for canonical URLs, Open Graph tags, the sitemap and the feed.
  site: siteUrl,
  // A sub-path to serve the site under, e.g. "/notes-site/" for a GitHub Pages project site.
  base: basePath,
  cacheDir,
  // Where the built site goes (default dist/); the search index step of `npm run build` reads it too.
  outDir,
  trailingSlash: 'always',
  // Pages are generated 8 at a time: a page copied from the last build (below) waits on file
  // copies, not the CPU, and one at a time 69,000 of them took 55–70 s at 24,000 notes.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  experimental: {
    // A page whose cache key (notes/[...slug].astro, lib/cache/page-cache-key.ts) and code are
    // unchanged is copied from the last build (kept in cacheDir) instead of rendered.
    incrementalBuild: true,
  },
  vite: {
    // No inline module scripts: the CSP allows the site's script files and one hashed inline script.
    build: { assetsInlineLimit: 0 },
    // Vite does not watch the built site and the build cache (after a large build they used up
    // the system's file watches, and saved notes went unseen), nor the notes, which the loader
    // watches with one watch per folder (lib/settings/dev-watch.ts).
    server: { watch: { ignored: [(path) => isUnwatched(path, notWatchedByVite)] } },
    // A component's script is named after the component (`_astro/BaseLayout.<hash>.js`), not
    // `BaseLayout.astro_astro_type_script_index_0_lang.<hash>.js`: 75,000 pages name it. The
    // chunk that holds the graph's drawing code is named graph-view, whichever of its modules
    // the bundler would name it after (a browser test checks a note page loads it only on demand).
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              entryFileNames: (chunk) => `_astro/${scriptName(chunk.name)}.[hash].js`,
              chunkFileNames: (chunk) => `_astro/${chunk.moduleIds.some((id) => id.endsWith('/src/scripts/graph-view.ts')) ? 'graph-view' : '[name]'}.[hash].js`,
            },
          },
        },
      },
    },
  },
  // The sitemap lists every page (sitemap-index.xml → sitemap-0.xml…, split at 45,000 URLs);
  // the search page and the 404 page are left out. Notes and the pages listing them carry
  // their <lastmod> (src/lib/site/page-dates.ts).
  integrations: [
    outDirAside(),
    unfinishedBuildGuard(),
    contentStoreFromFile(),
    sitemap({ filter: (page) => !/\/(search|404)\/$/.test(page), serialize: sitemapLastmod(cacheDir) }),
  ],
});
