/**
 * The `folder` target: a one-way ferry (网闸) or a mounted disk. Each release becomes one signed bundle in
 * the folder; `npm run receive` on the public machine verifies and applies it. Nothing comes back, so the
 * switch is the receiver's, and what it serves is known only on that machine (its receive.log).
 */
import { writeBundle } from './bundle.ts'
import type { TargetDriver } from './driver.ts'

export const folderTarget = (config: { path: string }): TargetDriver => ({
  push: async (shipment) => (await writeBundle(config.path, shipment.siteDir, shipment.manifest, shipment.signed, shipment.delta, shipment.newParts)).bytes,
})
