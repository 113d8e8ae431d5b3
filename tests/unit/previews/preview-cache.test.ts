import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { previewCache } from '../../../src/lib/previews/preview-cache.ts';

describe('previewCache', () => {
  test('fetches a page once and hands out the same preview', async () => {
    const fetched: string[] = [];
    const previewAt = previewCache(async (url) => {
      fetched.push(url);
      return { title: url };
    });
    const first = previewAt('/notes/a/');
    expect(previewAt('/notes/a/')).toBe(first);
    expect(await first).toEqual({ title: '/notes/a/' });
    expect(fetched).toEqual(['/notes/a/']);
  });

  test('a failed fetch is no preview, and is not tried again', async () => {
    let fetches = 0;
    const previewAt = previewCache(async () => {
      fetches++;
      throw new Error('offline');
    });
    expect(await previewAt('/notes/a/')).toBeUndefined();
    expect(await previewAt('/notes/a/')).toBeUndefined();
    expect(fetches).toBe(1);
  });

  test('for any visits: one fetch per page, in the order first asked, each visit the page’s own preview', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('/a/', '/b/', '/c/', '/d/'), { maxLength: 30 }), async (visits) => {
        const fetched: string[] = [];
        const previewAt = previewCache(async (url) => {
          fetched.push(url);
          return url === '/d/' ? undefined : `preview of ${url}`;
        });
        const previews = await Promise.all(visits.map((url) => previewAt(url)));
        expect(fetched).toEqual([...new Set(visits)]);
        expect(previews).toEqual(visits.map((url) => (url === '/d/' ? undefined : `preview of ${url}`)));
      }),
    );
  });
});
