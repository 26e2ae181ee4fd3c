import { describe, expect, it } from 'vitest'

import { defaultSlug, formatSlug } from '../../cms/fields/slug.ts'

describe('slugs', () => {
  it('lower-cases and hyphenates what an editor typed', () => {
    expect(formatSlug('  Mentougou 2021_23 ')).toBe('mentougou-2021-23')
    expect(formatSlug('--a--b--')).toBe('a-b')
  })

  it('drops characters that cannot appear in a readable URL', () => {
    expect(formatSlug('门头沟 news')).toBe('news')
  })

  it('makes a dated default slug when none is given', () => {
    expect(defaultSlug(new Date('2022-04-13T08:00:00Z'))).toMatch(/^2022-04-13-[a-z0-9]{1,5}$/)
  })
})
