import type { APIRoute } from 'astro'

import { dayDate, feed } from '../../lib/rss.ts'
import { bulletins, excerpt, url } from '../../lib/site.ts'

export const GET: APIRoute = async ({ site }) =>
  feed(
    site,
    '简报快报',
    (await bulletins()).map((b) => ({
      title: b.title,
      link: url.bulletin(b),
      pubDate: dayDate(b.date),
      description: excerpt(b.sections.flatMap((s) => s.items).map((i) => i.text).join(''), 200),
    })),
  )
