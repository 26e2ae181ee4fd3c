import type { APIRoute } from 'astro'

import { routeProps } from '../../lib/props.ts'
import type { FeedItem } from '../../lib/routes.ts'
import { feed } from '../../lib/rss.ts'

export const GET: APIRoute = (context) => feed(context.site, '工作动态', routeProps<{ items: FeedItem[] }>(context).items)
