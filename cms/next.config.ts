import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

/** Next.js config for the Payload admin and REST API that live in cms/. */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The public site is static Astro output; Next only serves the CMS, so image optimisation is not needed.
  images: { unoptimized: true },
  // `npm run check` type-checks the whole repository; the admin build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // Security headers: the CMS's server (server.ts) gives them to every answer, Next's and its own.
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
