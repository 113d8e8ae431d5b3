/**
 * The whole title list (src/lib/search/title-list.ts), for tools and tests: the search box
 * loads only the pieces a query needs (`titles/[piece].json.ts`).
 */
import { siteTitleList } from '../data/title-list.ts';

export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(await siteTitleList()), { headers: { 'content-type': 'application/json' } });
}
