import { describe, expect, test } from 'vitest';
import { LOCAL_SITE_URL, resolveSiteUrl } from '../../../src/lib/settings/site-url.ts';

describe('resolveSiteUrl', () => {
  test('falls back to the local address when SITE_URL is unset or blank', () => {
    expect(resolveSiteUrl({})).toEqual({ url: LOCAL_SITE_URL, isFallback: true });
    expect(resolveSiteUrl({ SITE_URL: '  ' })).toEqual({ url: LOCAL_SITE_URL, isFallback: true });
  });
  test.each([
    ['https://example.org', 'https://example.org'],
    ['https://example.org/', 'https://example.org'],
    ['http://Example.ORG:8080', 'http://example.org:8080'],
  ])('reads %s as the origin %s', (value, origin) => {
    expect(resolveSiteUrl({ SITE_URL: value })).toEqual({ url: origin, isFallback: false });
  });
  test.each([
    ['example.org', /not an address/],
    ['ftp://example.org', /must start with https/],
    ['https://user.github.io/wiki/', /BASE_PATH=\/wiki\//],
  ])('rejects %s with a message naming the fix', (value, message) => {
    expect(() => resolveSiteUrl({ SITE_URL: value })).toThrow(message);
  });
});
