import { pbkdf2, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2Async = promisify(pbkdf2)

// Payload 3 stores `pbkdf2-sha256-v1:<hex>` (600,000 rounds, 32 bytes) and still accepts its older
// unprefixed hashes (25,000 rounds, 512 bytes). Payload does not export its checker, so this mirrors
// it; tests/int/security.test.ts verifies it against hashes Payload itself wrote.
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const params = (hash: string) =>
  hash.startsWith(CURRENT_PREFIX)
    ? { hex: hash.slice(CURRENT_PREFIX.length), iterations: 600_000, keyLength: 32 }
    : { hex: hash, iterations: 25_000, keyLength: 512 }

/** Whether `password` is the one stored as `hash`/`salt` (constant-time comparison). */
export const passwordMatches = async (stored: { hash?: unknown; salt?: unknown }, password: string): Promise<boolean> => {
  if (typeof stored.hash !== 'string' || typeof stored.salt !== 'string') return false
  const { hex, iterations, keyLength } = params(stored.hash)
  const expected = Buffer.from(hex, 'hex')
  const actual = await pbkdf2Async(password, stored.salt, iterations, keyLength, 'sha256')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** Spends what checking a real password costs, so an unknown account answers as slowly as a known one. */
export const spendPasswordCheck = async (password: string): Promise<void> => {
  await pbkdf2Async(password, 'no-such-account', 600_000, 32, 'sha256')
}
