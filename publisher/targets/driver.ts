/**
 * What every kind of public target does, and nothing more: the code that publishes to targets
 * (publisher/targets/sync.ts) never asks which kind it has. A kind is a file of its own (folder.ts, ssh.ts).
 */
import type { SignedManifest, TargetManifest } from './signing.ts'

/** A release on its way to one target: the signed manifest and the files the target does not have yet. */
export interface Shipment {
  manifest: TargetManifest
  signed: SignedManifest
  /** The parts of the signed manifest the target was not given with its last release (signing.ts). */
  newParts: string[]
  /** The parts of the last release's manifest the target was given that this one does not name (a bucket deletes them). */
  droppedParts: string[]
  /** The local release's site directory, where the files are read from. */
  siteDir: string
  /** Files (paths in the site) the target lacks or holds with another hash. */
  delta: string[]
  /** Files the target holds that the release does not. */
  removed: string[]
  /** The release the target is known to serve (null: none, or unknown). */
  base: string | null
}

export interface TargetDriver {
  /**
   * Puts the release on the target beside what it serves and verifies it there, then makes it what the
   * target serves in one atomic step (a release the target holds already, after a rollback, is only
   * switched to). Anything that fails before the switch leaves what is served as it was. Returns the bytes
   * sent. (One call, not a stage and a switch: over SSH the switch rides on the last round trip.)
   */
  push(shipment: Shipment, signal: AbortSignal): Promise<number>
  /**
   * Tampering found and put right on the target since `offset` (and the offset to read from next time);
   * `live` is the manifest the target was last given, what its files must be.
   */
  tamperSince?(offset: number, live: TargetManifest | null, signal: AbortSignal): Promise<{ entries: TamperEntry[]; offset: number }>
}

/** One file the target's guard found changed, added or deleted, and put back. */
export interface TamperEntry {
  at: string
  kind: 'changed' | 'added' | 'deleted'
  file: string
  release: string
}
