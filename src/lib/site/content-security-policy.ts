/**
 * The Content-Security-Policy every page carries (as a `<meta>`, since a static host may not
 * let us set headers). Scripts run only from the site's own files and the inline scripts
 * whose hashes are listed; Pagefind's WebAssembly is allowed; no plugins, frames, foreign
 * form targets or `<base>`. Images may come from anywhere (notes show remote icons), and
 * inline styles are allowed (highlighted code is coloured with `style` attributes; styles
 * cannot run script).
 */
import { createHash } from 'node:crypto';

/** The CSP source for an inline script: `'sha256-…'` of its exact text. */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes.join(' ')}`.trimEnd(),
    "style-src 'self' 'unsafe-inline'",
    'img-src * data:',
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}
