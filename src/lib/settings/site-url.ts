/** The site's public address, which sitemap, feed, canonical and Open Graph URLs need. */

/** Where `npm start` serves the site: the address used when `SITE_URL` is not set. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

export interface SiteUrl {
  url: string;
  /** True when `SITE_URL` was not set and the local address stands in. */
  isFallback: boolean;
}

/** Reads `SITE_URL`; throws a message naming the fix when it is not an http(s) address. */
export function resolveSiteUrl(env: Record<string, string | undefined>): SiteUrl {
  const value = env.SITE_URL?.trim();
  if (!value) return { url: LOCAL_SITE_URL, isFallback: true };
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`SITE_URL="${value}" is not an address. Set it to the site's public origin, e.g. SITE_URL=https://example.org`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`SITE_URL="${value}" must start with https:// or http://, e.g. SITE_URL=https://example.org`);
  }
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    throw new Error(
      `SITE_URL="${value}" holds a path; give the origin only (SITE_URL=${parsed.origin}) and the path as BASE_PATH=${parsed.pathname}`,
    );
  }
  return { url: parsed.origin, isFallback: false };
}
