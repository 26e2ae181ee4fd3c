import type { APIRoute } from 'astro'

import { dayDate, feed } from '../../lib/rss.ts'
import { excerpt, news, url } from '../../lib/site.ts'

export const GET: APIRoute = async ({ site }) =>
  feed(site, '工作动态', (await news()).map((n) => ({ title: n.title, link: url.news(n), pubDate: dayDate(n.date), description: excerpt(n.summary ?? n.text, 200) })))
