/**
 * Where a route's page lies in a release's `site/` directory: `/news/` → `news/index.html`, `/rss.xml` →
 * `rss.xml`, `/404` → `404.html`. Shared by the publisher, which writes the files, and the CMS's content
 * checks, which ask whether a linked page exists by looking for its one file.
 */
export const fileFor = (url: string) => (url.endsWith('/') ? `${url.slice(1)}index.html` : /\.[a-z0-9]+$/i.test(url) ? url.slice(1) : `${url.slice(1)}.html`)
