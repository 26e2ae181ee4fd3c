// Every RSS feed (/rss/news.xml, /rss/topics/<slug>.xml, /rss/regions/<slug>.xml, …): its title and
// items are the route's props.
import type { APIRoute } from 'astro'

import { routeProps } from '../../lib/props.ts'
import type { FeedProps } from '../../lib/routes.ts'
import { feed } from '../../lib/rss.ts'
import type { SiteIdentity } from '../../lib/types.ts'

export const GET: APIRoute = (context) => {
  const { title, items, site } = routeProps<FeedProps & { site: SiteIdentity }>(context)
  return feed(context.site, site.name, title, items)
}
