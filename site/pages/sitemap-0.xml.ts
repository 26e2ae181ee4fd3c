// Every page of the site (sitemaps.org protocol; one file holds up to 50,000 addresses).
import type { APIRoute } from 'astro'

import { routeProps } from '../lib/props.ts'
import { xmlResponse } from '../lib/sitemap.ts'
import { escapeHtml } from '../lib/html.ts'

export const GET: APIRoute = (context) =>
  xmlResponse(
    'urlset',
    routeProps<{ urls: string[] }>(context).urls.map((p) => `<url><loc>${escapeHtml(new URL(p, context.site).href)}</loc></url>`),
  )
