/**
 * The title list in pieces (src/lib/search/title-pieces.ts): `/titles/index.json`, where
 * each piece starts, and `/titles/<n>.json`, the pieces, of which a query loads a few.
 */
import type { GetStaticPaths } from 'astro';
import { siteTitleList } from '../../data/title-list.ts';
import { splitTitleList } from '../../lib/search/title-pieces.ts';

export const getStaticPaths = (async () => {
  const { index, pieces } = splitTitleList(await siteTitleList());
  return [
    { params: { piece: 'index' }, props: { body: JSON.stringify(index) } },
    ...pieces.map((piece, at) => ({ params: { piece: String(at) }, props: { body: JSON.stringify(piece) } })),
  ];
}) satisfies GetStaticPaths;

export function GET({ props }: { props: { body: string } }): Response {
  return new Response(props.body, { headers: { 'content-type': 'application/json' } });
}
