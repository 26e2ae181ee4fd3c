// The synonym groups in force for this build; the indexer applies them (site/build/search-index.ts).
import type { APIRoute } from 'astro'
import { getCollection } from 'astro:content'

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getCollection('synonyms')).map((e) => (e.data as { words: string[] }).words)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
