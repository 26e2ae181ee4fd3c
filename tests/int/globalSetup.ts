import { rmSync } from 'node:fs'

/** Removes the throwaway data directory the integration suite ran against (never a TEST_DATA_DIR). */
export default function setup(): () => void {
  return () => {
    const dir = process.env.WENMING_THROWAWAY_DIR
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}
