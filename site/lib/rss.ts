import rss from '@astrojs/rss'

/** An RSS 2.0 feed in Chinese. */
export const feed = (
  site: URL | undefined,
  title: string,
  items: { title: string; link: string; pubDate?: Date; description?: string }[],
) =>
  rss({
    title: `${title} - 门头沟区文明创建`,
    description: `门头沟区创建全国文明城区：${title}`,
    site: site ?? 'http://localhost:4321',
    items: items.slice(0, 50),
    customData: '<language>zh-cn</language>',
  })

/** Noon Beijing time of a calendar day. */
export const dayDate = (day: string | null) => (day ? new Date(`${day}T12:00:00+08:00`) : undefined)
