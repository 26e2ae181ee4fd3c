/** A sitemaps.org document: `<urlset>` or `<sitemapindex>` around its (already escaped) entries. */
export const xmlResponse = (root: 'urlset' | 'sitemapindex', entries: string[]) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</${root}>\n`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })
