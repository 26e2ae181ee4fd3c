import { describe, expect, it } from 'vitest'

import { DEFAULT_SEED_PASSWORD, seedPassword } from '../../cms/seed/password.ts'

describe('seedPassword', () => {
  it('uses the documented default on a local machine', () => {
    expect(seedPassword({})).toBe(DEFAULT_SEED_PASSWORD)
  })

  it('refuses the default, or no password, in production', () => {
    expect(() => seedPassword({ NODE_ENV: 'production' })).toThrow(/生产环境/)
    expect(() => seedPassword({ NODE_ENV: 'production', SEED_PASSWORD: DEFAULT_SEED_PASSWORD })).toThrow(/生产环境/)
    expect(seedPassword({ NODE_ENV: 'production', SEED_PASSWORD: 'a-strong-secret-1' })).toBe('a-strong-secret-1')
  })

  it('refuses a password that is too short', () => {
    expect(() => seedPassword({ SEED_PASSWORD: 'short' })).toThrow(/太短/)
  })
})
