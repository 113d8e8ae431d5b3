import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One test file at a time unless a project says otherwise: the build and browser tests
    // each run `astro build`, and parallel builds would share the project's .astro/ folder.
    maxWorkers: 1,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Unit tests write only to their own temporary folders, so their files run side by
          // side: one per core, and two on a machine of two cores or fewer (vitest's default
          // there would be one). Vitest runs this project's files before the build and browser
          // tests, which stay one at a time.
          maxWorkers: Math.max(2, availableParallelism()),
          // A timeout only guards against a hang: some unit tests render hundreds of notes or
          // overflow the parser's stack on purpose, which takes seconds on a quiet machine and
          // several times that on two cores shared with builds. Speed is measured by the bench.
          testTimeout: 60_000,
        },
      },
      {
        // Builds real sites with Astro and reads the output; slow, so run one file at a time.
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 15 * 60_000,
          hookTimeout: 15 * 60_000,
          fileParallelism: false,
        },
      },
      {
        // A reader's journeys in Debian's Chromium against the built site served on localhost.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // A first search loads Pagefind and its WebAssembly: on a busy machine that takes
          // more than expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 60_000,
          hookTimeout: 10 * 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
