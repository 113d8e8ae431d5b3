/**
 * The module through which a build's pages get Astro's content store. Astro makes it
 * `export default JSON.parse("<the whole data-store.json>")`: one string literal as long as
 * the store (59 MB at 24,000 notes), and V8 takes time superlinear in the length of one
 * literal to compile it (37.6 s for that module alone; Node's compile cache skips it only
 * when the store did not change, so any edited note paid it again). The same data read from
 * the file at run time costs a read and the same `JSON.parse`.
 *
 * So the module is replaced by one that reads the store file, but only when Astro's module
 * holds exactly that file's text: anything else (another form of the module, another file)
 * is left as Astro made it. The file's hash is part of the new module, and a file that changed
 * between bundling and page generation stops the build instead of giving pages other data.
 */
import { createHash } from 'node:crypto';

/** How Astro's module embeds the store file's text: as one JSON string literal inside these. */
const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/** The module Astro makes for the store file's text `json`. */
export function astroStoreModule(json: string): string {
  return `${PREFIX}${JSON.stringify(json)}${SUFFIX}`;
}

/**
 * The module that reads the store from `file` instead, checked against the hash of `json`;
 * `undefined` when `code` is not Astro's module for `json`.
 */
export function storeModuleReadingFile(code: string, json: string, file: string): string | undefined {
  if (embeddedText(code) !== json) return undefined;
  const hash = sha256(json);
  return [
    `import { readFileSync } from 'node:fs';`,
    `import { createHash } from 'node:crypto';`,
    `const file = ${JSON.stringify(file)};`,
    `const json = readFileSync(file, 'utf8');`,
    `if (createHash('sha256').update(json).digest('hex') !== ${JSON.stringify(hash)}) {`,
    `  throw new Error(\`\${file} changed after the pages were bundled: run the build again\`);`,
    `}`,
    `export default JSON.parse(json);`,
  ].join('\n');
}

/**
 * The text `code` embeds if it is Astro's module, read back with `JSON.parse` (a JSON string
 * literal is also a JS one; parsing it is much cheaper than writing the literal again).
 */
function embeddedText(code: string): string | undefined {
  if (!code.startsWith(PREFIX) || !code.endsWith(SUFFIX)) return undefined;
  try {
    const text: unknown = JSON.parse(code.slice(PREFIX.length, code.length - SUFFIX.length));
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
