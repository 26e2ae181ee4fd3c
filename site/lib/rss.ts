import rss from '@astrojs/rss'

import type { FeedItem } from './routes.ts'

/** An RSS 2.0 feed in Chinese; items are dated noon Beijing time of their day. */
export const feed = (site: URL | undefined, siteName: string, title: string, items: FeedItem[]) =>
  rss({
    title: `${title} - ${siteName}`,
    description: `${siteName}：${title}`,
    site: site ?? 'http://localhost:4321',
    items: items.map((i) => ({ title: i.title, link: i.link, description: i.description, pubDate: i.day ? new Date(`${i.day}T12:00:00+08:00`) : undefined })),
    customData: '<language>zh-cn</language>',
  })
