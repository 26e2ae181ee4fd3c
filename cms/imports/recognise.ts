/**
 * What a document is and what its parts say: the 政策文件's title, 文号, 发文机关, dates, 会议 and 文种;
 * a 简报·快报's masthead, 第N期/总第N期, office, date, 【栏目】, items with their attribution, 简讯 run-ins
 * by 镇街, sign-off, 报/送/发 and contacts; a 工作动态's title, subtitle, authors, 数说 figures and body.
 * Every line a recogniser does not take stays in a body, so an import never loses text; the lists of
 * what was and was not recognised go back to the editor.
 */
import { looksLikeDocNumber } from '../lib/docNumber.ts'
import type { RichText } from '../lib/richText.ts'
import { dayOf, isDateLine, shown } from './dates.ts'
import { numberLine } from './gongwen.ts'
import type { Block } from './read.ts'
import { LEVEL1, LEVEL2, plain, tokens } from './structure.ts'

export { recogniseResolution } from './gongwen.ts'

export type ImportKind = 'resolutions' | 'bulletins' | 'news'
export const IMPORT_KINDS: Record<ImportKind, string> = { resolutions: '政策文件', bulletins: '简报·快报', news: '工作动态' }

export interface Known {
  series: { id: number | string; name: string; issuer: string; kind: string; phone?: string | null; fax?: string | null; email?: string | null }[]
  regions: { id: number | string; name: string }[]
}
export interface Recognition {
  data: Record<string, unknown>
  /** A series the masthead names that does not exist yet: the importer creates it with the draft. */
  newSeries?: { name: string; kind: string; issuer: string; phone?: string; fax?: string; email?: string }
  recognised: string[]
  unrecognised: string[]
}
export type ToRichText = (blocks: Block[]) => Promise<RichText>

const texts = (blocks: Block[]) => blocks.flatMap((b) => ('text' in b ? [plain(b.text)] : []))
const nfkc = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')

/** Guesses the kind: 第N期 and 【栏目】 make a bulletin, a 文号, a 发文机关标志 or a 公文 title a policy, anything else news. */
export const guessKind = (blocks: Block[]): ImportKind => {
  const lines = texts(blocks).map((l) => l.trim())
  const head = lines.slice(0, 10)
  if (head.some((l) => /^第\s*\d+\s*期/.test(l)) || lines.some((l) => /^(编校|责编)\s*[:：]/.test(l))) return 'bulletins'
  if (head.some((l) => looksLikeDocNumber(numberLine(l).number) || /文件$/.test(l.replace(/\s+/g, '')))) return 'resolutions'
  if (head.slice(0, 5).some((l) => /(决议|决定|行动计划|方案|通知|意见|报告|的函)\s*([（(][^）)]*[）)])?\s*(发表时间|发布时间|$)/.test(l))) return 'resolutions'
  return 'news'
}

// ---------- 简报·快报 ----------

const ATTRIBUTION = /^(.*?)[\s]*\**[（(]([^（()）]{2,60})[）)]\**$/
const SIGNOFF: [RegExp, 'editor' | 'reviewer' | 'signer', string][] = [
  [/(?:编校|责编)\s*[:：]\s*([^\s:：]+)/, 'editor', '编校/责编'],
  [/(?:审核|核稿)\s*[:：]\s*([^\s:：]+)/, 'reviewer', '审核/核稿'],
  [/核签\s*[:：]\s*([^\s:：]+)/, 'signer', '核签'],
]
const DISTRIBUTION: [RegExp, 'reportTo' | 'sendTo' | 'issueTo'][] = [
  [/^报\s*[:：]\s*(.+)$/, 'reportTo'],
  [/^送\s*[:：]\s*(.+)$/, 'sendTo'],
  [/^发\s*[:：]\s*(.+)$/, 'issueTo'],
]
const CONTACTS: [RegExp, 'phone' | 'fax' | 'email', string][] = [
  [/电话\s*[:：]\s*([\d\-－ ]{5,})/, 'phone', '电话'],
  [/传真\s*[:：]\s*([\d\-－ ]{5,})/, 'fax', '传真'],
  [/(?:电子邮箱|邮箱)\s*[:：]\s*([\w.+-]+@[\w.-]+)/, 'email', '电子邮箱'],
]
/** Marks above a bulletin's name: 内部资料, 注意保存, a 密级, a 份号. */
const MASTHEAD_MARK = /^[（(【]?(内部资料|内部刊物|内部参阅|注意保存|妥善保存|(绝密|机密|秘密)(★.*)?|\d{5,8})[）)】]?$/
const TRAILER_LINE = /^(编校|责编|审核|核稿|核签|报|送|发|电话|传真|邮箱|电子邮箱)\s*[:：]/

interface Item {
  title?: string
  category?: string
  region?: number | string
  source?: string
  blocks: Block[]
}

/** 简讯 run-ins: 【文明培育】 东辛房街道：近日…。**斋堂镇：**近日…, one item per unit, under the category. */
const runIns = (text: string, known: Known): Item[] => {
  const m = /^【([^】]+)】\s*(.*)$/.exec(text)
  if (!m) return []
  const category = (m[1] ?? '').replace(/\s+/g, '')
  const items: Item[] = []
  // A unit's name and a colon, at the start or after a full stop: where the next run-in begins.
  const starts = [...(m[2] ?? '').matchAll(/(?:^|(?<=[。！？]))\s*(\*\*)?([^\s，。：:、*]{2,12})(\*\*)?\s*[：:]/g)]
  if (starts.length === 0) return [{ category, blocks: [{ text: (m[2] ?? '').trim() }] }]
  starts.forEach((start, i) => {
    const from = start.index
    const to = starts[i + 1]?.index ?? (m[2] ?? '').length
    const unit = start[2] ?? ''
    const body = (m[2] ?? '').slice(from + start[0].length, to).trim()
    const region = known.regions.find((r) => r.name === unit)
    items.push({ category, title: unit, region: region?.id, blocks: [{ text: body }] })
  })
  return items
}

export const recogniseBulletin = async (blocks: Block[], known: Known, toRichText: ToRichText): Promise<Recognition> => {
  const recognised: string[] = []
  const unrecognised: string[] = []
  const data: Record<string, unknown> = {}
  const lines = [...blocks]
  const lineText = (b: Block | undefined) => (b && 'text' in b ? plain(b.text).trim() : '')

  // The masthead: the lines before 第N期.
  const issueAt = lines.findIndex((b) => /^第\s*\d+\s*期/.test(lineText(b)))
  if (issueAt < 0) throw new Error('没有找到期号（第N期）：这不像一期简报或快报。请选择其他文档类型，或在文中补上“第N期”。')
  // Marks printed above a bulletin's name (内部资料、注意保存, a 密级) are not part of it.
  const masthead = lines
    .slice(0, issueAt)
    .flatMap((b) => tokens(lineText(b)))
    .filter((t) => !MASTHEAD_MARK.test(t.normalize('NFKC').replace(/\s+/g, '')))
    .join('')
    .replace(/\s+/g, '')
  const issueLine = lineText(lines[issueAt])
  data.issueNumber = Number(/第\s*(\d+)\s*期/.exec(issueLine)?.[1])
  recognised.push(`期号：第${String(data.issueNumber)}期`)
  let cursor = issueAt
  const total = /总第\s*(\d+)\s*期/.exec(`${issueLine}${lineText(lines[issueAt + 1])}`)
  if (total) {
    data.totalIssueNumber = Number(total[1])
    recognised.push(`总期号：总第${String(data.totalIssueNumber)}期`)
    if (!/总第/.test(issueLine)) cursor++
  }
  // The issuing office and the date follow: on one line (set apart by spaces, as printed bulletins align
  // them), on two, or on the 期号's own line; the date in digits or in Chinese numerals.
  let office = ''
  const candidates = [{ text: issueLine.replace(/第\s*\d+\s*期/, '').replace(/[（(]?\s*总第\s*\d+\s*期\s*[）)]?/, ''), at: cursor }]
  for (let i = cursor + 1; i < Math.min(lines.length, cursor + 4); i++) candidates.push({ text: lineText(lines[i]), at: i })
  for (const { text, at } of candidates) {
    const parts = tokens(text)
    const dated = parts.find((p) => isDateLine(p)) ?? (isDateLine(text) ? text : undefined)
    const others = dated === text ? [] : parts.filter((p) => p !== dated)
    if (others.length && !office) office = others.join('')
    if (dated) {
      data.date = dayOf(dated)
      recognised.push(`印发日期：${shown(String(data.date))}`)
      cursor = Math.max(cursor, at)
      break
    }
  }
  if (!data.date) unrecognised.push('印发日期：刊头中没有找到，请补填')
  const content = lines.slice(cursor + 1)

  // The trailer: sign-off, distribution and contacts, from the first such line on.
  const trailerAt = content.findIndex((b) => TRAILER_LINE.test(lineText(b)))
  const trailer = trailerAt >= 0 ? content.splice(trailerAt) : []
  const signoff: Record<string, string> = {}
  const distribution: Record<string, string> = {}
  const contacts: Record<string, string> = {}
  const leftOver: Block[] = []
  for (const block of trailer) {
    const t = lineText(block)
    let used = false
    for (const [re, field, name] of SIGNOFF) {
      const m = re.exec(t)
      if (m) {
        signoff[field] = m[1] ?? ''
        recognised.push(`${name}：${m[1] ?? ''}`)
        used = true
      }
    }
    for (const [re, field] of DISTRIBUTION) {
      const m = re.exec(t)
      if (m) {
        distribution[field] = (m[1] ?? '').trim()
        recognised.push(`${t.slice(0, 1)}：${distribution[field]}`)
        used = true
      }
    }
    for (const [re, field, name] of CONTACTS) {
      const m = re.exec(t)
      if (m) {
        contacts[field] = (m[1] ?? '').trim()
        recognised.push(`${name}：${contacts[field]}`)
        used = true
      }
    }
    if (!used) leftOver.push(block)
  }
  if (Object.keys(signoff).length) data.signoff = signoff
  if (Object.keys(distribution).length) data.distribution = distribution

  // The series: an existing one whose name the masthead spells (spaces aside), or a new one.
  const series = known.series.find((s) => nfkc(s.name) === nfkc(masthead)) ?? known.series.find((s) => nfkc(masthead).includes(nfkc(s.name)))
  let newSeries: Recognition['newSeries']
  if (series) {
    data.series = series.id
    recognised.push(`刊物：${series.name}`)
    if (office && nfkc(office) !== nfkc(series.issuer)) unrecognised.push(`编印单位：文中为“${office}”，刊物登记为“${series.issuer}”，请核对`)
    for (const [field, value] of Object.entries(contacts)) {
      const stored = series[field as 'phone' | 'fax' | 'email']
      if (stored && nfkc(stored) !== nfkc(value)) unrecognised.push(`联系方式：文中${field === 'phone' ? '电话' : field === 'fax' ? '传真' : '邮箱'}为 ${value}，刊物登记为 ${stored}，请在刊物中核对`)
    }
  } else if (masthead) {
    newSeries = { name: masthead, kind: masthead.includes('快报') ? '工作快报' : masthead.includes('简报') ? '情况简报' : '其他', issuer: office || masthead, ...contacts }
    recognised.push(`刊物：新建“${masthead}”（${newSeries.kind}，编印单位：${newSeries.issuer}），请核对`)
  } else unrecognised.push('刊物：刊头中没有刊物名称，请选择刊物')

  // Sections and items.
  const sections: { heading?: string; items: Item[] }[] = []
  let section: { heading?: string; items: Item[] } | null = null
  let item: Item | null = null
  const newSection = (heading?: string) => {
    section = { heading, items: [] }
    sections.push(section)
    item = null
  }
  const currentItem = (): Item => {
    if (!section) newSection()
    if (!item) {
      item = { blocks: [] }
      section!.items.push(item)
    }
    return item
  }
  for (const block of content) {
    const t = lineText(block)
    const heading = /^【([^】]+)】$/.exec(t)
    if (heading) {
      newSection((heading[1] ?? '').replace(/\s+/g, ''))
      continue
    }
    if (/^【[^】]+】\s*\S/.test(t)) {
      // Run-ins with no 【简讯】 heading above them make a section of their own, named by their category.
      if (!section) newSection(/^【([^】]+)】/.exec(t)?.[1]?.replace(/\s+/g, ''))
      ;(section! as { items: Item[] }).items.push(...runIns(t, known))
      item = null
      continue
    }
    const attribution = ATTRIBUTION.exec(t)
    const standalone = attribution && !attribution[1]
    const trailing = attribution && /[。！？”]$/.test(attribution[1] ?? '')
    if (attribution && (standalone || trailing) && !/^\d/.test(attribution[2] ?? '')) {
      const it = currentItem()
      if (!standalone && 'text' in block) it.blocks.push({ text: block.text.replace(/\s*\**[（(][^（()）]+[）)]\**\s*$/, '') })
      it.source = (attribution[2] ?? '').trim()
      item = null
      continue
    }
    const it = currentItem()
    // A short line with no full stop opening an item is its title.
    if (it.blocks.length === 0 && !it.title && t.length <= 40 && !/[。！？；]$/.test(t) && 'text' in block) it.title = t.replace(/\s+(?=\d)|(?<=\d)\s+/g, '')
    else it.blocks.push(block)
  }
  // A 情况简报's item opens with its headline sentence: that sentence is the item's title.
  for (const s of sections) {
    for (const it of s.items) {
      const head = it.blocks[0]
      if (it.title || !head || !('text' in head)) continue
      const lead = /^(\*\*)?([^。！？]{6,50})[。！？](\*\*)?(.+)$/.exec(head.text)
      if (lead && !s.heading) {
        it.title = plain(lead[2] ?? '')
        it.blocks[0] = { text: lead[4] ?? '' }
      }
    }
  }
  if (leftOver.length) {
    const last = sections.at(-1) ?? (newSection(), sections.at(-1)!)
    last.items.push({ title: '（未识别的刊尾文字）', blocks: leftOver })
    unrecognised.push(`刊尾有 ${String(leftOver.length)} 行未能识别，已放在最后一篇稿件中：${leftOver.map(lineText).join(' / ').slice(0, 120)}`)
  }
  data.sections = await Promise.all(
    sections.map(async (s) => ({
      heading: s.heading,
      items: await Promise.all(
        s.items.map(async (it) => ({ title: it.title, category: it.category, region: it.region, source: it.source, body: await toRichText(it.blocks) })),
      ),
    })),
  )
  const items = sections.flatMap((s) => s.items)
  recognised.push(`栏目：${sections.map((s) => s.heading ?? '（无栏目）').join('、')}；稿件 ${String(items.length)} 篇，署名 ${String(items.filter((i) => i.source).length)} 篇`)
  const unmatched = items.filter((i) => i.category && i.title && i.region === undefined)
  if (unmatched.length) unrecognised.push(`简讯单位不是镇街（未关联镇街）：${[...new Set(unmatched.map((i) => i.title))].join('、')}`)
  return { data, newSeries, recognised, unrecognised }
}

// ---------- 工作动态 ----------

/**
 * 数说：…全区360个社区(小区)、…注册志愿者7.1万余人… → each number with its unit and what it counts: the
 * words after the unit, or (when the clause ends with the number) the words before it.
 */
const keyFiguresOf = (text: string) =>
  text.split(/[，,、；;。]/).flatMap((clause) => {
    const m = /^(.*?)(\d+(?:\.\d+)?(?:万|亿)?)(余人|余个|余名|余项|余家|多人|万元|亿元|个|人|支|项|家|户|名|场|次|处|条|所|座|件|类|元)(.*)$/.exec(clause.trim())
    if (!m) return []
    const label = (m[4] ?? '').trim().length >= 2 ? (m[4] ?? '').trim() : (m[1] ?? '').replace(/^(全区|全市|全镇)?(有|共有|实现|累计)?/, '').trim()
    return label ? [{ value: m[2] ?? '', unit: m[3] ?? '', label }] : []
  })

export const recogniseNews = async (blocks: Block[], known: Known, toRichText: ToRichText): Promise<Recognition> => {
  const recognised: string[] = []
  const unrecognised: string[] = []
  const data: Record<string, unknown> = {}
  const rest = [...blocks]
  const take = () => {
    const i = rest.findIndex((b) => 'text' in b)
    return i >= 0 ? plain((rest.splice(i, 1)[0] as { text: string }).text).trim() : ''
  }
  data.title = take()
  recognised.push(`标题：${String(data.title)}`)
  const peek = () => {
    const b = rest.find((x) => 'text' in x)
    return b && 'text' in b ? plain(b.text).trim() : ''
  }
  if (/^[—–-]{1,2}/.test(peek())) {
    data.subtitle = take().replace(/^[—–-]+\s*/, '')
    recognised.push(`副标题：${String(data.subtitle)}`)
  }
  // An author line: two to four names, separated by spaces or 、.
  if (/^([\p{Script=Han}]{2,4}[\s、，]+){0,5}[\p{Script=Han}]{2,4}$/u.test(peek()) && peek().length <= 30 && /[\s、，]/.test(peek())) {
    data.authors = take().replace(/\s+/g, ' ')
    recognised.push(`作者：${String(data.authors)}`)
  }
  const opening = peek()
  const day = dayOf(opening)
  if (day && opening.length <= 20) {
    data.date = day
    take()
    recognised.push(`日期：${shown(day)}`)
  }
  // Short lines without a full stop between paragraphs are the article's section headings.
  const body: Block[] = []
  const figures: { value: string; unit: string; label: string }[] = []
  for (const block of rest) {
    if (!('text' in block)) {
      body.push(block)
      continue
    }
    const t = plain(block.text).trim()
    const said = /^数说\s*[:：]\s*(.+)$/.exec(t)
    if (said) figures.push(...keyFiguresOf(said[1] ?? ''))
    if (said) body.push({ text: `> ${t}` })
    else if (t.length <= 30 && !/[。！？；，：:]/.test(t) && !LEVEL1.test(t) && !LEVEL2.test(t)) body.push({ text: `## ${t}` })
    else body.push(block)
  }
  if (figures.length) {
    data.keyFigures = figures
    recognised.push(`数说：${figures.map((f) => `${f.value}${f.unit}${f.label}`).join('；')}`)
  }
  const region = known.regions.filter((r) => String(data.title).includes(r.name) || String(data.subtitle ?? '').includes(r.name)).sort((a, b) => b.name.length - a.name.length)[0]
  if (region) {
    data.region = region.id
    recognised.push(`镇街：${region.name}`)
  }
  data.category = '其他'
  unrecognised.push('分类：请选择（已暂设为“其他”）')
  if (!data.date) unrecognised.push('日期：文中没有找到，请补填')
  data.body = await toRichText(body)
  recognised.push(`正文：${String(texts(rest).length)} 段`)
  return { data, recognised, unrecognised }
}
