/**
 * The real archive the search is evaluated on: the State Council's government work reports (1954–2025)
 * and the NPC resolutions approving them, as transcribed on Chinese Wikisource (public domain: texts of
 * state bodies, 著作权法 第五条). `archive/government-work-reports.jsonl.gz` is the team's copy of
 * shared/realdata (one JSON object a line: title, url, content, year).
 *
 * Imported as 政策文件 through the CMS (Payload's local API, the same hooks as an editor's entry): a
 * report as 其他 issued by 国务院, a resolution as 决议 of its NPC session. The sources give a report's
 * year only and a resolution's none: a report is dated 5 March of its year and a resolution 11 March of
 * its session's year (the sessions meet in early March since 1985); 原发布栏目 says the dates are inferred.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import type { Payload } from 'payload'

import { markdownToRichText } from '../cms/lib/richText.ts'
import { SEED_CONTEXT } from '../cms/seed/index.ts'

export const ARCHIVE_FILE = path.join(import.meta.dirname, 'archive', 'government-work-reports.jsonl.gz')

export interface ArchiveDocument {
  slug: string
  title: string
  kind: 'report' | 'resolution'
  year: number
  /** A resolution's NPC session, as its title names it (第十三届全国人民代表大会第四次会议). */
  meeting: string | null
  /** Paragraphs separated by blank lines; section headings (一、…) as `## ` lines. */
  text: string
  source: string
}

const NUMERALS = '零一二三四五六七八九'
/** 一 … 九十九 as a number. */
const chineseNumber = (s: string) => {
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s]
  return (s.includes('十') ? (tens ? NUMERALS.indexOf(tens) : 1) * 10 : 0) + (ones ? NUMERALS.indexOf(ones) : 0)
}
/** The year each NPC's first session met. */
const FIRST_SESSION: Record<number, number> = { 1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023 }
const MEETING = /^(第([一二三四五六七八九十]+)届全国人民代表大会第([一二三四五六七八九十]+)次会议)/

/** Wikisource's licence notice and template residue at the end of a transcription. */
const TRAILER = /\n\s*(本作品来自|本作品在全世界都属于公有领域|Public domain)[\s\S]*$/

/** The transcription as paragraphs: links had put their words on lines of their own; those lines are joined again. */
const paragraphs = (content: string) =>
  content
    .replace(TRAILER, '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, '').trim())
    .filter(Boolean)
    .map((p) => (p.length <= 30 && /^[一二三四五六七八九十]+、/.test(p) ? `## ${p}` : p))
    .join('\n\n')

export const readArchive = (file = ARCHIVE_FILE): ArchiveDocument[] =>
  gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const raw = JSON.parse(line) as { title: string; url: string; content: string; year: string | null }
      const meeting = MEETING.exec(raw.title)
      if (meeting) {
        const year = FIRST_SESSION[chineseNumber(meeting[2]!)]! + chineseNumber(meeting[3]!) - 1
        return { slug: `npc-${String(year)}-resolution`, title: raw.title, kind: 'resolution', year, meeting: meeting[1]!, text: paragraphs(raw.content), source: raw.url }
      }
      const year = Number(raw.year ?? /^(\d{4})年/.exec(raw.title)?.[1])
      if (!year) throw new Error(`无法确定年份：${raw.title}`)
      return { slug: `gov-work-report-${String(year)}`, title: raw.title, kind: 'report', year, meeting: null, text: paragraphs(raw.content), source: raw.url }
    })

/** Imports the archive as published, signed-off 政策文件; `progress` after each document. */
export const importArchive = async (payload: Payload, docs: ArchiveDocument[], progress: (done: number) => void = () => undefined) => {
  const opts = { overrideAccess: true, context: SEED_CONTEXT } as const
  const signed = { state: 'signed' as const, history: [{ action: 'import' as const, at: new Date().toISOString(), userName: '档案导入' }] }
  for (const [i, doc] of docs.entries()) {
    const report = doc.kind === 'report'
    await payload.create({
      collection: 'resolutions',
      data: {
        title: doc.title,
        slug: doc.slug,
        docType: report ? '其他' : '决议',
        issuer: report ? '国务院' : '全国人民代表大会',
        meeting: doc.meeting ?? undefined,
        adoptedAt: `${String(doc.year)}-03-${report ? '05' : '11'}T12:00:00.000Z`,
        sourceCategory: '维基文库（日期按会期推定）',
        body: await markdownToRichText(doc.text),
        workflow: signed,
        _status: 'published',
      },
      ...opts,
    })
    progress(i + 1)
  }
}
