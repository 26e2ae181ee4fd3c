import { describe, expect, it } from 'vitest'

import { looksLikeDocNumber, normalizeDocNumber } from '../../cms/lib/docNumber.ts'

describe('normalizeDocNumber', () => {
  it.each([
    ['门常发〔2021〕23号'],
    ['门常发[2021]23号'],
    ['门常发(2021)23号'],
    ['门常发（2021）23号'],
    ['门常发2021年23号'],
    ['门常发〔2021〕第23号'],
    [' 门常发 [2021] 23 号 '],
  ])('reads %s as 门常发〔2021〕23号', (input) => {
    expect(normalizeDocNumber(input)).toBe('门常发〔2021〕23号')
  })

  it('drops leading zeros of the serial number', () => {
    expect(normalizeDocNumber('京文明办发[2022]007号')).toBe('京文明办发〔2022〕7号')
  })

  it('leaves text that is not a document number as it was typed', () => {
    expect(normalizeDocNumber('门前三包')).toBe('门前三包')
    expect(looksLikeDocNumber('门前三包')).toBe(false)
    expect(looksLikeDocNumber('门常发(2021)23号')).toBe(true)
  })
})
