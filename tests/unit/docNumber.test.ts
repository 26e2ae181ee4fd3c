import { describe, expect, it } from 'vitest'

import { docNumbersIn, docNumberToken, looksLikeDocNumber, normalizeDocNumber } from '../../cms/lib/docNumber.ts'

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

describe('document numbers in the search index', () => {
  it('gives every spelling of a number the same single ASCII word, and other numbers other words', () => {
    const word = docNumberToken('门常发〔2021〕23号')
    expect(word).toMatch(/^wh[0-9a-z]+$/)
    expect(docNumberToken('门常发[2021]23号')).toBe(word)
    expect(docNumberToken('门常发2021年23号')).toBe(word)
    expect(docNumberToken('门常发〔2021〕24号')).not.toBe(word)
  })

  it('finds the numbers a text cites, whatever words come before the issuer', () => {
    const found = docNumbersIn('根据《通知》（门常发[2021]23号）和京文明委2020年第5号文件')
    expect(found).toContain('门常发〔2021〕23号')
    expect(found).toContain('京文明委〔2020〕5号')
    expect(docNumbersIn('开展志愿服务活动23次')).toEqual([])
  })
})
