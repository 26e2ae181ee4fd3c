import { Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'

import { dayOf, isDateLine } from '../../cms/imports/dates.ts'
import { chineseCounting, formatNumber, withTypedNumbers } from '../../cms/imports/numbering.ts'

describe('Word number formats', () => {
  it('counts in Chinese as 公文 number their parts', () => {
    expect([1, 2, 9, 10, 11, 15, 19, 20, 21, 99, 100, 101, 110, 111].map(chineseCounting)).toEqual([
      '一',
      '二',
      '九',
      '十',
      '十一',
      '十五',
      '十九',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零一',
      '一百一十',
      '一百一十一',
    ])
  })
  it('reads the formats offices use, and leaves bullets alone', () => {
    expect(formatNumber(3, 'decimal')).toBe('3')
    expect(formatNumber(3, 'decimalFullWidth')).toBe('３')
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙')
    expect(formatNumber(3, 'decimalEnclosedCircleChinese')).toBe('③')
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('拾贰')
    expect(formatNumber(28, 'upperLetter')).toBe('AB')
    expect(formatNumber(4, 'lowerRoman')).toBe('iv')
    expect(formatNumber(1, 'bullet')).toBeNull()
  })
})

describe('numbering written into the text', () => {
  const text = async (docx: Buffer) => (await mammoth.extractRawText({ buffer: await withTypedNumbers(docx) })).value.split('\n').filter(Boolean)
  it('numbers each level, restarts the levels below a higher one, and honours start values', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'gw',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
              { level: 2, format: LevelFormat.DECIMAL, text: '%3.', start: 3 },
            ],
          },
        ],
      },
      sections: [
        {
          children: (
            [
              [0, '总体要求'],
              [1, '指导思想'],
              [2, '甲'],
              [2, '乙'],
              [1, '工作目标'],
              [2, '丙'],
              [0, '保障措施'],
              [1, '组织领导'],
            ] as const
          ).map(([level, t]) => new Paragraph({ numbering: { reference: 'gw', level }, children: [new TextRun(t)] })),
        },
      ],
    })
    expect(await text(await Packer.toBuffer(doc))).toEqual([
      '一、总体要求',
      '（一）指导思想',
      '3.甲',
      '4.乙',
      '（二）工作目标',
      '3.丙',
      '二、保障措施',
      '（一）组织领导',
    ])
  })
  it('leaves a document without numbering as it was', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('一、手打的编号')] }] }))
    expect(await withTypedNumbers(docx)).toBe(docx)
  })
})

describe('dates as 公文 write them', () => {
  it('in digits, with spaces, full-width, dashed, and in Chinese numerals', () => {
    expect(['2023年7月5日', '2023 年 7 月 5 日', '２０２３年７月５日', '2023-07-05', '二〇二三年七月五日', '二○二三年七月五日'].map(dayOf)).toEqual(
      Array(6).fill('2023-07-05T12:00:00.000Z'),
    )
    expect(dayOf('二〇二三年十二月二十五日')).toBe('2023-12-25T12:00:00.000Z')
    expect(dayOf('二〇二三年十月十日')).toBe('2023-10-10T12:00:00.000Z')
    expect(dayOf('2023年13月5日')).toBeNull()
  })
  it('tells a date line from a sentence with a date in it', () => {
    expect(isDateLine(' 2023 年 7 月 5 日 ')).toBe(true)
    expect(isDateLine('二〇二三年七月五日')).toBe(true)
    expect(isDateLine('2023年7月5日召开推进会')).toBe(false)
  })
})
