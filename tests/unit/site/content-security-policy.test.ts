import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, scriptHashSource } from '../../../src/lib/site/content-security-policy.ts';

describe('contentSecurityPolicy', () => {
  test('allows scripts only from the site, WebAssembly, and the listed inline scripts', () => {
    const policy = contentSecurityPolicy(["'sha256-abc='"]);
    const directives = Object.fromEntries(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"]);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
  });
});

describe('scriptHashSource', () => {
  test('is the base64 SHA-256 of the exact text, as browsers compute it', () => {
    const text = "document.documentElement.dataset.theme = 'dark';";
    expect(scriptHashSource(text)).toBe(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    expect(scriptHashSource(`${text} `)).not.toBe(scriptHashSource(text));
  });
});
