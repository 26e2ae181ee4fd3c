// The sitemap index (sitemaps.org protocol); robots.txt and every page's <link rel="sitemap"> point here.
import type { APIRoute } from 'astro'

import { routeProps } from '../lib/props.ts'
import { xmlResponse } from '../lib/sitemap.ts'
import { escapeHtml } from '../lib/html.ts'

export const GET: APIRoute = (context) =>
  xmlResponse(
    'sitemapindex',
    routeProps<{ sitemaps: string[] }>(context).sitemaps.map((p) => `<sitemap><loc>${escapeHtml(new URL(p, context.site).href)}</loc></sitemap>`),
  )
