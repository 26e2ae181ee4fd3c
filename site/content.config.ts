// Content collections of the public site. CMS collections come in through Payload's Local API (published
// documents only, see lib/load.ts); the campaign's standing pages are MDX files under content/pages/.
import { glob } from 'astro/loaders'
import { defineCollection } from 'astro:content'

import { loadBulletins, loadFigures, loadNews, loadRegions, loadResolutions, loadSeries, loadSynonyms } from './lib/load.ts'

export const collections = {
  regions: defineCollection({ loader: loadRegions }),
  series: defineCollection({ loader: loadSeries }),
  resolutions: defineCollection({ loader: loadResolutions }),
  bulletins: defineCollection({ loader: loadBulletins }),
  news: defineCollection({ loader: loadNews }),
  figures: defineCollection({ loader: loadFigures }),
  synonyms: defineCollection({ loader: loadSynonyms }),
  pages: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/pages' }) }),
}
