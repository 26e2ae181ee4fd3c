import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

/** Next.js config for the Payload admin and REST API that live in cms/. */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The public site is static Astro output; Next only serves the CMS, so image optimisation is not needed.
  images: { unoptimized: true },
  // `npm run check` type-checks the whole repository; the admin build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // The admin may only be framed by itself (clickjacking); browsers that predate CSP get X-Frame-Options.
  headers: async () => [
    {
      source: '/:path*',
      headers: [
        { key: 'Content-Security-Policy', value: "frame-ancestors 'self'" },
        { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      ],
    },
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
