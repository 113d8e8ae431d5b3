/** Serves a built site on a free localhost port, as a static host would. */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface ServedSite {
  url: string;
  close(): Promise<void>;
}

export async function serveSite(outDir: string, base = '/'): Promise<ServedSite> {
  const files = sirv(outDir, { dev: true, etag: false });
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.statusCode = 404;
      response.end('outside the base path');
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    files(request, response, () => {
      // As static hosts do: the site's own 404 page, with status 404.
      response.statusCode = 404;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(existsSync(join(outDir, '404.html')) ? readFileSync(join(outDir, '404.html')) : 'not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
