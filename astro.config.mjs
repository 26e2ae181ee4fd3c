// Astro compiles the public portal's pages into a server bundle that the publisher runs in-process to
// write static releases (publisher/renderer.ts); nothing serves it over HTTP.
import mdx from '@astrojs/mdx'
import { defineConfig } from 'astro/config'

import { publisherAdapter } from './publisher/adapter.ts'

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  srcDir: './site',
  publicDir: './public',
  // The publisher builds the renderer into its own cache directory (keyed by the code's hash).
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  output: 'server',
  adapter: publisherAdapter(),
  trailingSlash: 'ignore',
  build: { inlineStylesheets: 'always' },
  compressHTML: true,
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
})
