/** The file a URL is written to: `/a/` → `a/index.html`, `/404` → `404.html`, `/rss/x.xml` as is. */
export const fileFor = (url: string) => (url.endsWith('/') ? `${url.slice(1)}index.html` : /\.[a-z0-9]+$/i.test(url) ? url.slice(1) : `${url.slice(1)}.html`)

/** Runs `fn` over `items`, `n` at a time (file operations: tens of thousands of links per release at 10,000 documents). */
export const pool = async <T>(items: T[], n: number, fn: (item: T) => Promise<void>) => {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!)
    }),
  )
}
