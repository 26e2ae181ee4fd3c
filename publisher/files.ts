/** The file a URL is written to: `/a/` → `a/index.html`, `/404` → `404.html`, `/rss/x.xml` as is. */
export const fileFor = (url: string) => (url.endsWith('/') ? `${url.slice(1)}index.html` : /\.[a-z0-9]+$/i.test(url) ? url.slice(1) : `${url.slice(1)}.html`)
