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
import { transition } from '../cms/workflow/transition.ts'

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

/**
 * The documents today's content rules would refuse, published as written (原文照登): the editor marks them,
 * the signer signs them with this reason. The 1984 report names 南朝鲜, the term of its time (the rule
 * applies from 1992-08-24, so it passes on its date as well); the 1981 report writes 墨守陈规.
 */
export const HISTORICAL: Record<string, { note: string; reason: string }> = {
  'gov-work-report-1981': {
    note: '本文为1981年政府工作报告，按原文刊登，个别用字保留原件写法。',
    reason: '历史文献按原件照登：“墨守陈规”系原文用字，不作改动。',
  },
  'gov-work-report-1984': {
    note: '本文为1984年政府工作报告，按原文刊登，国名等用语保留当时的写法。',
    reason: '历史文献按原件照登：“南朝鲜”系1992年中韩建交前的通行称谓，保留原文。',
  },
}

/**
 * Numbered documents the evaluation adds beside the archive (the archive's own documents carry no 文号), so
 * that parts of a 文号 (23号, 门文发38号 …) are evaluated on more than the seed's one resolution.
 */
export const NUMBERED_DOCUMENTS = Array.from({ length: 10 }, (_, i) => {
  const year = 2015 + i
  const serial = 31 + i * 7
  return {
    slug: `eval-notice-${String(year)}-${String(serial)}`,
    title: `关于做好${String(year)}年度文明城区创建测评迎检工作的通知`,
    docNumber: `门文发〔${String(year)}〕${String(serial)}号`,
    year,
    text: `各镇街、各有关单位：为做好${String(year)}年度文明城区创建测评迎检工作，现将有关事项通知如下。请各单位对照测评体系逐项整改，按时报送工作进展。`,
  }
})

interface Person {
  id: number | string
  name?: string | null
  email?: string | null
  roles?: string[] | null
}

/** One holder of each role of the sign-off chain (the seed's demo accounts). */
const signOffPeople = async (payload: Payload) => {
  const find = async (role: string) => {
    const found = (await payload.find({ collection: 'users', where: { roles: { contains: role } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
    if (!found) throw new Error(`没有${role}角色的账号：档案须按 编校 → 审核 → 核签 导入`)
    return { ...found, collection: 'users' } as Person & { collection: 'users' }
  }
  return { editor: await find('editor'), reviewer: await find('reviewer'), signer: await find('signer') }
}

/**
 * Imports the archive (and NUMBERED_DOCUMENTS) as an office publishes: each document is entered by an
 * editor as a draft, submitted, passed by a reviewer and signed by a signer — the content checks on, as
 * for any document — and published. A document the checks refuse stops the import, unless it is one of
 * HISTORICAL (marked 原文照登, signed with its reason). `progress` after each document.
 */
export const importArchive = async (payload: Payload, docs: ArchiveDocument[], progress: (done: number) => void = () => undefined) => {
  const people = await signOffPeople(payload)
  const context = { skipRebuild: true }
  const entries = [
    ...docs.map((doc) => {
      const report = doc.kind === 'report'
      return {
        title: doc.title,
        slug: doc.slug,
        docType: report ? '其他' : '决议',
        issuer: report ? '国务院' : '全国人民代表大会',
        meeting: doc.meeting ?? undefined,
        adoptedAt: `${String(doc.year)}-03-${report ? '05' : '11'}T12:00:00.000Z`,
        sourceCategory: '维基文库（日期按会期推定）',
        text: doc.text,
      }
    }),
    ...NUMBERED_DOCUMENTS.map((d) => ({ title: d.title, slug: d.slug, docType: '通知', issuer: '门头沟区文明委', docNumber: d.docNumber, adoptedAt: `${String(d.year)}-04-20T12:00:00.000Z`, text: d.text })),
  ]
  for (const [i, { text, ...entry }] of entries.entries()) {
    const historical = HISTORICAL[entry.slug]
    const draft = await payload.create({
      collection: 'resolutions',
      data: { ...entry, body: await markdownToRichText(text), ...(historical ? { verbatim: true, verbatimNote: historical.note } : {}), _status: 'draft' } as never,
      draft: true,
      user: people.editor,
      overrideAccess: false,
      context,
    })
    for (const [action, user] of [['submit', people.editor], ['pass', people.reviewer], ['sign', people.signer]] as const) {
      await transition(payload, { collection: 'resolutions', id: draft.id, action, user, reason: action === 'sign' ? historical?.reason : undefined })
    }
    await payload.update({ collection: 'resolutions', id: draft.id, data: { _status: 'published' }, user: people.editor, overrideAccess: false, context })
    progress(i + 1)
  }
}
