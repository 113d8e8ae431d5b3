import { describe, expect, test } from 'vitest';
import { buildPhases, generatedPages } from '../../../bench/build-log.ts';

const LOG = `08:06:11 [content] Syncing content
08:07:13 [wiki-notes-loader] 7392 notes, 14093 pages for missing links, 3 warnings (read 1.5 s, render 55.2 s [7392 rendered, 0 from the cache], graph and store 3.0 s)
08:07:19 [content] Synced content
08:07:19 [build] Collecting build info...
08:07:19 [build] ✓ Completed in 1m 11s.
08:07:19 [build] Building static entrypoints...
08:07:30 [vite] ✓ built in 10.79s
08:07:31 [build] Rearranging server assets...

 generating static routes 
08:07:31   ├─ /browse/a/index.html (+9ms) 
08:07:31   ├─ /notes/a/index.html (restored)
08:07:31   ├─ /notes/b/index.html (cached)
08:07:31   ├─ /notes/c/index.html (+3ms) 
08:08:32 ✓ Completed in 1m 1s.

08:08:33 [build] ✓ Completed in 1m 13s.
08:09:59 [search-index] Indexed 21485 pages for search in 86.1 s, in 3 bundles: 1 indexed (7210 pages, 20.3 s), 2 copied from the build cache (3.1 s); 6 pages read to see what changed (6.2 s). Into /x/dist/pagefind/
23:59:58 [content] Syncing content
`;

describe('buildPhases', () => {
  test('reads every phase of a real build log', () => {
    expect(buildPhases(LOG)).toEqual({
      'content sync': 68,
      'loader: read': 1.5,
      'loader: render': 55.2,
      'loader: notes rendered': 7392,
      'loader: graph+store': 3,
      'bundle (vite)': 11,
      'page generation': 61,
      'pages rendered': 2,
      'pages copied from the last build': 1,
      'pages kept in place': 1,
      'search index': 86.1,
      'search bundles indexed': 1,
      'search bundles copied': 2,
      'search: pages read': 6,
    });
  });
  test('reads the search bundles of a one-bundle index', () => {
    const phases = buildPhases('[search-index] Indexed 5 pages for search in 0.1 s, in 1 bundle: 0 indexed (0 pages, 0.0 s), 1 copied from the build cache (0.0 s); 0 pages read to see what changed (0.0 s).\n');
    expect([phases['search bundles indexed'], phases['search bundles copied']]).toEqual([0, 1]);
  });
  test('a phase missing from the log is NaN, not zero', () => {
    const phases = buildPhases('08:00:00 [content] Syncing content\n');
    expect(phases['content sync']).toBeNaN();
    expect(phases['search index']).toBeNaN();
  });
  test('a phase across midnight is still positive', () => {
    expect(buildPhases('23:59:50 [content] Syncing content\n00:00:10 [content] Synced content\n')['content sync']).toBe(20);
  });
});

describe('generatedPages', () => {
  test('tells rendered pages from copied and kept ones when pages generated at once write into each other’s lines', () => {
    // Astro's log with build.concurrency 8: /404.html and /notes/a/ are begun, then /notes/b/
    // is copied, then the two rendered pages end, each with its time.
    const log = [
      '08:07:31   ├─ /404.html08:07:31   ├─ /notes/a/index.html08:07:31   ├─ /notes/b/index.html (restored)',
      ' (+12ms) ',
      '08:07:31   ├─ /notes/c/index.html (cached)',
      ' (+3ms) ',
      '08:07:32   ├─ /notes/日本語/index.htmlGraph communities: 3 (1 named)',
      ' (+1ms) ',
      '08:07:32   ├─ /rss.xml (+170ms) ',
    ].join('\n');
    expect(generatedPages(log)).toEqual([
      { path: '/404.html', copied: false, kept: false },
      { path: '/notes/a/index.html', copied: false, kept: false },
      { path: '/notes/b/index.html', copied: true, kept: false },
      { path: '/notes/c/index.html', copied: false, kept: true },
      { path: '/notes/日本語/index.html', copied: false, kept: false },
      { path: '/rss.xml', copied: false, kept: false },
    ]);
    expect(buildPhases(log)).toMatchObject({ 'pages rendered': 3, 'pages copied from the last build': 1, 'pages kept in place': 1 });
  });
});
