/**
 * What a document is and what its parts say: the 政策文件's title, 文号, 发文机关, dates, 会议 and 文种;
 * a 简报·快报's masthead, 第N期/总第N期, office, date, 【栏目】, items with their attribution, 简讯 run-ins
 * by 镇街, sign-off, 报/送/发 and contacts; a 工作动态's title, subtitle, authors, 数说 figures and body.
 * Every line a recogniser does not take stays in a body, so an import never loses text; the lists of
 * what was and was not recognised go back to the editor.
 */
import { normalizeDocNumber, looksLikeDocNumber } from '../lib/docNumber.ts'
import type { RichText } from '../lib/richText.ts'
import type { Block } from './read.ts'
import { bodyMarkdown, LEVEL1, LEVEL2, plain } from './structure.ts'

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
const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/
/** A calendar day as the day fields store it (noon UTC is the same day in Beijing). */
const dayOf = (text: string): string | null => {
  const m = DATE.exec(text) ?? /((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(text)
  return m ? `${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}T12:00:00.000Z` : null
}
const shown = (iso: string) => iso.slice(0, 10)

/** Guesses the kind: 第N期 and 【栏目】 make a bulletin, a 文号 or a 公文 title a policy, anything else news. */
export const guessKind = (blocks: Block[]): ImportKind => {
  const lines = texts(blocks)
  const head = lines.slice(0, 8)
  if (head.some((l) => /^第\s*\d+\s*期$/.test(l.trim())) || lines.some((l) => /^(编校|责编)\s*[:：]/.test(l))) return 'bulletins'
  if (head.some((l) => looksLikeDocNumber(l.trim())) || /(决议|决定|行动计划|实施方案|通知|意见)\s*([（(][^）)]*[）)])?\s*(发表时间|发布时间|$)/.test(head[0] ?? '')) return 'resolutions'
  return 'news'
}

// ---------- 政策文件 ----------

const DOC_TYPES = ['决议', '决定', '行动计划', '实施方案', '通知'] as const

export const recogniseResolution = async (blocks: Block[], toRichText: ToRichText): Promise<Recognition> => {
  const recognised: string[] = []
  const unrecognised: string[] = []
  const data: Record<string, unknown> = {}
  let rest = [...blocks]
  const first = rest.find((b) => 'text' in b)
  let title = first && 'text' in first ? plain(first.text).trim() : ''
  rest = rest.slice(first ? rest.indexOf(first) + 1 : 0)
  // A page copied from a government website: 标题 发表时间:2018-08-02 09:56 正文…
  const posted = /^(.*?)\s*(?:发表|发布)时间\s*[:：]\s*((?:19|20)\d{2}-\d{1,2}-\d{1,2})(?:\s+(\d{1,2}:\d{2}))?\s*(.*)$/.exec(title)
  if (posted) {
    title = (posted[1] ?? '').trim()
    data.publishedAt = new Date(`${posted[2] ?? ''}T${(posted[3] ?? '12:00').padStart(5, '0')}:00+08:00`).toISOString()
    recognised.push(`发布时间：${posted[2] ?? ''}${posted[3] ? ` ${posted[3]}` : ''}`)
    if (posted[4]) rest.unshift({ text: posted[4] })
  }
  data.title = title
  recognised.push(`标题：${title}`)
  const period = /[（(]\s*((?:19|20)\d{2})\s*[—–\-~至]+\s*((?:19|20)\d{2})\s*年?\s*[）)]/.exec(title)
  if (period) {
    data.period = `${period[1] ?? ''}—${period[2] ?? ''}年`
    recognised.push(`实施期间：${String(data.period)}`)
  }
  const bare = title.replace(/\s*[（(][^）)]*[）)]\s*$/, '')
  const docType = DOC_TYPES.find((t) => bare.endsWith(t))
  data.docType = docType ?? '其他'
  if (docType) recognised.push(`文种：${docType}`)
  else unrecognised.push('文种：标题末尾不是决议、决定、行动计划、实施方案或通知，已设为“其他”，请核对')
  const issuer = /^(.{2,30}?)关于/.exec(bare)?.[1]
  if (issuer) {
    data.issuer = issuer
    recognised.push(`发文机关：${issuer}`)
  } else unrecognised.push('发文机关：标题中没有“××关于”，请补填')

  // The header: the 文号 and the adoption note（2021年4月27日…会议通过）, possibly over two lines.
  const header = rest.slice(0, 6)
  for (const block of header) {
    if (!('text' in block)) continue
    const t = plain(block.text).trim()
    if (!data.docNumber && looksLikeDocNumber(t)) {
      data.docNumber = normalizeDocNumber(t)
      recognised.push(`文号：${String(data.docNumber)}`)
      rest.splice(rest.indexOf(block), 1)
    }
  }
  const opening = rest.findIndex((b) => 'text' in b && /^[（(]/.test(plain(b.text).trim()))
  if (opening >= 0 && opening < 4) {
    let note = ''
    let end = opening
    for (; end < rest.length && end < opening + 3; end++) {
      const b = rest[end]
      note += b && 'text' in b ? plain(b.text).trim() : ''
      if (/[）)]$/.test(note)) break
    }
    const adopted = /^[（(]\s*(.+?日)\s*(.*?)\s*(通过|批准|印发)\s*[）)]$/.exec(note)
    const day = adopted ? dayOf(adopted[1] ?? '') : null
    if (adopted && day) {
      data.adoptedAt = day
      recognised.push(`${adopted[3] === '通过' ? '通过' : '成文'}日期：${shown(day)}`)
      if (adopted[2]) {
        data.meeting = adopted[2]
        recognised.push(`会议：${adopted[2]}`)
      }
      rest.splice(opening, end - opening + 1)
    }
  }
  if (!data.docNumber) unrecognised.push('文号：文中没有找到，如有请补填')
  if (!data.adoptedAt && !data.publishedAt) unrecognised.push('通过/成文日期：没有找到，请补填')
  // An action plan's phases: （一）2018年为“对标攻坚年”…
  const phases = [...texts(rest).join('\n').matchAll(/((?:19|20)\d{2})\s*年[为是]\s*“([^”]{2,12})”/g)].map((m) => `${m[1] ?? ''}年 ${m[2] ?? ''}`)
  if (phases.length > 1) recognised.push(`实施步骤：${phases.join('；')}`)
  const body = bodyMarkdown(rest)
  data.body = await toRichText(rest)
  recognised.push(`正文：${String(texts(rest).length)} 段，其中标题 ${String(body.headings)} 个、列表项 ${String(body.listItems)} 个`)
  return { data, recognised, unrecognised }
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
  const masthead = lines
    .slice(0, issueAt)
    .map(lineText)
    .filter(Boolean)
    .join('')
    .replace(/\s+/g, '')
  data.issueNumber = Number(/第\s*(\d+)\s*期/.exec(lineText(lines[issueAt]))?.[1])
  recognised.push(`期号：第${String(data.issueNumber)}期`)
  let cursor = issueAt
  const total = /总第\s*(\d+)\s*期/.exec(`${lineText(lines[issueAt])}${lineText(lines[issueAt + 1])}`)
  if (total) {
    data.totalIssueNumber = Number(total[1])
    recognised.push(`总期号：总第${String(data.totalIssueNumber)}期`)
    if (!/总第/.test(lineText(lines[issueAt]))) cursor++
  }
  // The issuing office and the date follow.
  let office = ''
  for (let i = cursor + 1; i < Math.min(lines.length, cursor + 4); i++) {
    const t = lineText(lines[i])
    const day = dayOf(t)
    if (day && t.replace(DATE, '').trim().length < 4) {
      data.date = day
      recognised.push(`印发日期：${shown(day)}`)
      cursor = i
      break
    }
    if (t && !office) office = t
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
    if (/^【[^】]+】\s*\S/.test(t) && section) {
      ;(section as { items: Item[] }).items.push(...runIns(t, known))
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
