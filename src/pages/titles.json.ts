/**
 * The whole title list (src/lib/search/title-list.ts), for tools and tests: every page a
 * title reaches, the other names of notes, and the titles only one note links, which lead to
 * their mention in it. The search box loads only the pieces a query needs (`titles/[piece].json.ts`).
 */
import { siteTitleList } from '../data/title-list.ts';

export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(await siteTitleList()), { headers: { 'content-type': 'application/json' } });
}
