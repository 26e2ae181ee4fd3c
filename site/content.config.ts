// The campaign's standing pages are MDX files under content/pages/ (a content collection, bundled with the
// site's code). CMS documents do not go through Astro's content layer: the publisher loads them
// (lib/load.ts) and hands each page its data through the route table (lib/routes.ts, lib/props.ts).
import { glob } from 'astro/loaders'
import { defineCollection } from 'astro:content'

export const collections = {
  pages: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/pages' }) }),
}
