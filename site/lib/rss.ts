import rss from '@astrojs/rss'

import type { FeedItem } from './routes.ts'

/** An RSS 2.0 feed in Chinese; items are dated noon Beijing time of their day. */
export const feed = (site: URL | undefined, title: string, items: FeedItem[]) =>
  rss({
    title: `${title} - 门头沟区文明创建`,
    description: `门头沟区创建全国文明城区：${title}`,
    site: site ?? 'http://localhost:4321',
    items: items.map((i) => ({ title: i.title, link: i.link, description: i.description, pubDate: i.day ? new Date(`${i.day}T12:00:00+08:00`) : undefined })),
    customData: '<language>zh-cn</language>',
  })
