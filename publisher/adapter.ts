/**
 * The Astro adapter of the publisher: the site's pages are compiled into one server bundle whose entry
 * (renderer-entry.ts) renders any URL of the route table on request. The publisher calls it in-process
 * for every page of a full build and for the few pages a change affects, so both paths use the same
 * components and the same build of them (publisher/renderer.ts).
 */
import type { AstroIntegration } from 'astro'

export const publisherAdapter = (): AstroIntegration => ({
  name: 'wenming-publisher',
  hooks: {
    'astro:config:done': ({ setAdapter }) => {
      setAdapter({
        name: 'wenming-publisher',
        entrypointResolution: 'auto',
        serverEntrypoint: new URL('./renderer-entry.ts', import.meta.url),
        supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'stable', hybridOutput: 'stable', sharpImageService: 'stable' },
      })
    },
  },
})
