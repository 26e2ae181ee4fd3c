// One part of the sitemap (/sitemaps/news-2024.xml, /sitemaps/pages.xml, …; sitemaps.org protocol, at most
// 50,000 addresses a file): its addresses are the route's props (site/lib/routes.ts says how they are split).
import type { APIRoute } from 'astro'

import { routeProps } from '../../lib/props.ts'
import { xmlResponse } from '../../lib/sitemap.ts'
import { escapeHtml } from '../../lib/html.ts'

export const GET: APIRoute = (context) =>
  xmlResponse(
    'urlset',
    routeProps<{ urls: string[] }>(context).urls.map((p) => `<url><loc>${escapeHtml(new URL(p, context.site).href)}</loc></url>`),
  )
