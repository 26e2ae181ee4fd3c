import type { APIRoute } from 'astro'

import { dayDate, feed } from '../../lib/rss.ts'
import { excerpt, resolutions, url } from '../../lib/site.ts'

export const GET: APIRoute = async ({ site }) =>
  feed(
    site,
    '政策文件',
    (await resolutions()).map((r) => ({
      title: r.docNumber ? `${r.title}（${r.docNumber}）` : r.title,
      link: url.resolution(r),
      pubDate: dayDate(r.date),
      description: r.summary ?? excerpt(r.text, 200),
    })),
  )
