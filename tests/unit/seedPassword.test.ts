import { describe, expect, it } from 'vitest'

import { DEFAULT_SEED_PASSWORD, seedPassword } from '../../cms/seed/password.ts'

describe('seedPassword', () => {
  it('uses the documented default on a local trial', () => {
    expect(seedPassword({})).toBe(DEFAULT_SEED_PASSWORD)
    expect(seedPassword({ HOST: '127.0.0.1', SERVER_URL: 'http://localhost:3000' })).toBe(DEFAULT_SEED_PASSWORD)
  })

  it('creates no demo accounts on a served site, and refuses the documented password there', () => {
    for (const env of [{ NODE_ENV: 'production' }, { HOST: '0.0.0.0' }, { SERVER_URL: 'https://cms.example.gov.cn' }, { SITE_URL: 'https://www.example.gov.cn' }]) {
      expect(seedPassword(env)).toBeNull()
      expect(() => seedPassword({ ...env, SEED_PASSWORD: DEFAULT_SEED_PASSWORD })).toThrow(/演示密码/)
    }
    expect(seedPassword({ NODE_ENV: 'production', SEED_PASSWORD: 'a-strong-secret-1' })).toBe('a-strong-secret-1')
  })

  it('refuses a password that is too short', () => {
    expect(() => seedPassword({ SEED_PASSWORD: 'short' })).toThrow(/太短/)
  })
})
