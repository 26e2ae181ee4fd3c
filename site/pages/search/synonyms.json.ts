// The synonym groups in force for this release; the indexer applies them (publisher/search-index.ts).
import type { APIRoute } from 'astro'

import { routeProps } from '../../lib/props.ts'

export const GET: APIRoute = (context) =>
  new Response(JSON.stringify(routeProps<{ synonyms: string[][] }>(context).synonyms), { headers: { 'content-type': 'application/json; charset=utf-8' } })
