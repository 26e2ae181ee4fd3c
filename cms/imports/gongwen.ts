/**
 * A 政策文件 laid out as GB/T 9704-2012 lays out a 公文, from the top: the 版头 (份号, 密级和保密期限,
 * 紧急程度, 发文机关标志, 发文字号 with an upward document's 签发人), a title over one to three lines, the
 * 主送机关, the text, 附件说明, the 落款 with its 成文日期, the 附注, and the 版记 (抄送机关, 印发机关和印发日期).
 * A document copied from a web page (title first, then 文号 and an adoption note) reads too. Lines are
 * told apart by their words and, where the file has them, by centring and title-sized type; spaces,
 * full-width spaces and half-width punctuation are allowed everywhere. Every line no part takes stays in
 * the body, so nothing is lost.
 */
import { looksLikeDocNumber, normalizeDocNumber } from '../lib/docNumber.ts'
import { dayOf, isDateLine, shown } from './dates.ts'
import type { Block } from './read.ts'
import type { Recognition, ToRichText } from './recognise.ts'
import { bodyMarkdown, LEVEL1, LEVEL2, plain, tokens } from './structure.ts'

/** 文种 a title ends with, the longer first (实施方案 before 方案); the stored docType for each. */
const DOC_TYPES: [string, string][] = [
  ['决议', '决议'],
  ['决定', '决定'],
  ['行动计划', '行动计划'],
  ['实施方案', '实施方案'],
  ['工作方案', '方案'],
  ['方案', '方案'],
  ['意见', '意见'],
  ['函', '函'],
  ['通知', '通知'],
  ['报告', '报告'],
]
/** Every 文种 of GB/T 9704 and the Regulations on the Handling of Official Documents: where a title is complete. */
const TITLE_END =
  /(决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要|方案|计划|规划|要点|办法|规定|细则|规则|意见的通知)\s*([（(][^）)]*[）)])?$/
const SECRECY = /^(绝密|机密|秘密)(\s*★\s*\S+)?$/
const URGENCY = /^(特急|加急|特提|平急)$/
const COPY_NUMBER = /^\d{5,8}$/
const SIGNER = /签\s*发\s*人\s*[:：]\s*(\S+(?:\s+\S+)*)$/

const norm = (s: string) => s.normalize('NFKC').trim()

/** A 文号 line: the number, and the 签发人 an upward document prints beside it. */
export const numberLine = (text: string): { number: string; signer?: string } => {
  const signer = SIGNER.exec(text)
  return signer ? { number: text.slice(0, signer.index).trim(), signer: signer[1] } : { number: text }
}

type Line = {
  text: string
  align?: 'center' | 'right'
  large?: boolean
  index: number
}

export const recogniseResolution = async (blocks: Block[], toRichText: ToRichText): Promise<Recognition> => {
  const recognised: string[] = []
  const unrecognised: string[] = []
  const data: Record<string, unknown> = {}
  const gongwen: Record<string, string> = {}
  const lines: Line[] = blocks.flatMap((b, index) => ('text' in b ? [{ text: plain(b.text).trim(), align: b.align, large: b.large, index }] : []))
  const used = new Set<number>()
  const take = (line: Line) => used.add(line.index)
  const note = (name: string, value: string) => recognised.push(`${name}：${value}`)

  // ---- 版头: the lines before the title that are marks, the 发文机关标志 or the 发文字号.
  let cursor = 0
  let flag = ''
  for (; cursor < Math.min(lines.length, 10); cursor++) {
    const line = lines[cursor]!
    const parts = tokens(line.text)
    const kinds = parts.map((p) => {
      const n = norm(p)
      if (COPY_NUMBER.test(n)) return 'copyNumber'
      if (SECRECY.test(n)) return 'secrecy'
      if (URGENCY.test(n)) return 'urgency'
      if (/^附件\s*\d*$/.test(n)) return 'attachmentMark'
      return null
    })
    if (kinds.every(Boolean)) {
      parts.forEach((p, i) => {
        const kind = kinds[i]!
        if (kind === 'attachmentMark') note('附件标识', norm(p))
        else {
          gongwen[kind] = norm(p).replace(/\s+/g, '')
          note(kind === 'copyNumber' ? '份号' : kind === 'secrecy' ? '密级和保密期限' : '紧急程度', gongwen[kind]!)
        }
      })
      take(line)
      continue
    }
    const { number, signer } = numberLine(line.text)
    if (looksLikeDocNumber(number)) {
      data.docNumber = normalizeDocNumber(number)
      note('文号', String(data.docNumber))
      if (signer) {
        gongwen.signedBy = signer.replace(/\s+/g, '、')
        note('签发人', gongwen.signedBy)
      }
      take(line)
      cursor++
      break
    }
    // 发文机关标志: “××文件”, or a title-sized line before a 文号 (joint documents put one organ per line).
    const ahead = lines.slice(cursor + 1, cursor + 5).some((l) => looksLikeDocNumber(numberLine(l.text).number))
    if (
      !/关于/.test(line.text) &&
      !TITLE_END.test(line.text) &&
      (/文件$/.test(line.text.replace(/\s+/g, '')) || (line.large && ahead) || (ahead && line.align === 'center' && line.text.length <= 30))
    ) {
      flag += (flag ? '、' : '') + line.text.replace(/\s+/g, '').replace(/文件$/, '')
      take(line)
      continue
    }
    break
  }
  if (flag) note('发文机关标志', flag)

  // ---- The title: one line, or the lines that make it up (centred, or until it ends with a 文种).
  const first = lines[cursor]
  let title = first ? first.text : ''
  if (first) take(first)
  let next = cursor + 1
  // A page copied from a government website: 标题 发表时间:2018-08-02 09:56 正文…
  const posted = /^(.*?)\s*(?:发表|发布)时间\s*[:：]\s*((?:19|20)\d{2}-\d{1,2}-\d{1,2})(?:\s+(\d{1,2}:\d{2}))?\s*(.*)$/.exec(title)
  const extraBlocks: Block[] = []
  if (posted) {
    title = (posted[1] ?? '').trim()
    data.publishedAt = new Date(`${posted[2] ?? ''}T${(posted[3] ?? '12:00').padStart(5, '0')}:00+08:00`).toISOString()
    note('发布时间', `${posted[2] ?? ''}${posted[3] ? ` ${posted[3]}` : ''}`)
    if (posted[4]) extraBlocks.push({ text: posted[4] })
  } else {
    for (; next < lines.length && next < cursor + 3; next++) {
      const line = lines[next]!
      const t = line.text
      if (looksLikeDocNumber(t) || /[。；：:]$/.test(t) || LEVEL1.test(t) || LEVEL2.test(t) || /^[（(].*(通过|批准|印发)[）)]$/.test(t)) break
      const centred = first?.align === 'center' && line.align === 'center'
      const period = /^[（(]\s*(?:19|20)\d{2}\s*[—–\-~至]+\s*(?:19|20)\d{2}\s*年?\s*[）)]$/.test(t)
      if (centred || period || (!TITLE_END.test(title) && t.length <= 30 && !/[，。,]/.test(t))) {
        title += t
        take(line)
      } else break
    }
  }
  title = title.trim()
  data.title = title
  note('标题', title)
  const period = /[（(]\s*((?:19|20)\d{2})\s*[—–\-~至]+\s*((?:19|20)\d{2})\s*年?\s*[）)]/.exec(title)
  if (period) {
    data.period = `${period[1] ?? ''}—${period[2] ?? ''}年`
    note('实施期间', String(data.period))
  }
  const bare = title.replace(/\s*[（(][^）)]*[）)]\s*$/, '')
  const docType = DOC_TYPES.find(([ending]) => bare.endsWith(ending))?.[1]
  data.docType = docType ?? '其他'
  if (docType) note('文种', docType)
  else unrecognised.push('文种：标题末尾不是决议、决定、行动计划、方案、意见、通知、报告或函，已设为“其他”，请核对')

  // ---- After the title: a 文号 and an adoption note（2021年4月27日…会议通过）, possibly over two lines; the 主送机关.
  const rest = lines.filter((l) => !used.has(l.index))
  for (const line of rest.slice(0, 4)) {
    if (!data.docNumber && looksLikeDocNumber(line.text)) {
      data.docNumber = normalizeDocNumber(line.text)
      note('文号', String(data.docNumber))
      take(line)
    }
  }
  const afterTitle = lines.filter((l) => !used.has(l.index))
  const opening = afterTitle.findIndex((l) => /^[（(]/.test(l.text))
  if (opening >= 0 && opening < 3) {
    let text = ''
    const parts: Line[] = []
    for (const line of afterTitle.slice(opening, opening + 3)) {
      text += line.text
      parts.push(line)
      if (/[）)]$/.test(text)) break
    }
    const adopted = /^[（(]\s*(.+?日)\s*(.*?)\s*(通过|批准|印发)\s*[）)]$/.exec(text)
    const day = adopted ? dayOf(adopted[1] ?? '') : null
    if (adopted && day) {
      data.adoptedAt = day
      note(adopted[3] === '通过' ? '通过日期' : '成文日期', shown(day))
      if (adopted[2]) {
        data.meeting = adopted[2]
        note('会议', adopted[2])
      }
      parts.forEach(take)
    }
  }
  const addressee = lines
    .filter((l) => !used.has(l.index))
    .slice(0, 2)
    .find((l) => /[：:]$/.test(l.text) && l.text.length <= 150 && !LEVEL1.test(l.text) && !LEVEL2.test(l.text) && !/^附件/.test(l.text))
  if (addressee) {
    gongwen.mainRecipients = addressee.text.replace(/[：:]$/, '').trim()
    note('主送机关', gongwen.mainRecipients)
    take(addressee)
  }

  // ---- 版记, from the end: 印发机关和印发日期, 抄送机关 (possibly over several lines).
  const tail = lines.filter((l) => !used.has(l.index))
  const printed = tail.findLast((l) => /印\s*发$/.test(l.text) && dayOf(l.text))
  if (printed) {
    const at = printed.text.search(/(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年/)
    gongwen.printedBy = printed.text.slice(0, at).trim()
    gongwen.printedAt = dayOf(printed.text)!
    note('印发机关', gongwen.printedBy)
    note('印发日期', shown(gongwen.printedAt))
    take(printed)
  }
  const ccAt = tail.findIndex((l) => /^抄\s*送\s*[:：]/.test(l.text))
  if (ccAt >= 0) {
    let copyTo = tail[ccAt]!.text.replace(/^抄\s*送\s*[:：]\s*/, '')
    take(tail[ccAt]!)
    for (const line of tail.slice(ccAt + 1)) {
      if (line === printed || used.has(line.index) || /[：:]/.test(line.text)) break
      copyTo += line.text
      take(line)
    }
    gongwen.copyTo = copyTo.replace(/[。.]$/, '').trim()
    note('抄送机关', gongwen.copyTo)
  }

  // ---- 落款 and 成文日期 (the last line that is only a date, after the text), 附注, 附件说明.
  const body = lines.filter((l) => !used.has(l.index))
  const dateAt = body.findLastIndex((l, i) => i > 0 && isDateLine(l.text))
  if (dateAt > 0) {
    const dateLine = body[dateAt]!
    const day = dayOf(dateLine.text)!
    if (!data.adoptedAt) {
      data.adoptedAt = day
      note('成文日期', shown(day))
    }
    take(dateLine)
    const organs: Line[] = []
    for (let i = dateAt - 1; i >= 0 && organs.length < 3; i--) {
      const t = body[i]!.text
      if (t.length > 40 || /[。，,；;：:！？]/.test(t) || LEVEL1.test(t) || LEVEL2.test(t) || /^附件/.test(t) || /^\d+[.．、]/.test(t)) break
      organs.unshift(body[i]!)
    }
    if (organs.length) {
      gongwen.signatory = organs.map((l) => l.text.replace(/\s+/g, '')).join('、')
      note('落款', gongwen.signatory)
      organs.forEach(take)
    }
    const remark = body[dateAt + 1]
    if (remark && /^[（(].+[）)]$/.test(remark.text)) {
      gongwen.note = remark.text.slice(1, -1).trim()
      note('附注', gongwen.note)
      take(remark)
    }
    const before = body.slice(0, dateAt - organs.length)
    const listAt = before.findLastIndex((l) => /^附\s*件\s*[:：]/.test(l.text))
    if (listAt >= 0 && before.slice(listAt + 1).every((l) => /^\d+\s*[.．、]/.test(l.text) || l.text.length <= 40)) {
      const names = [before[listAt]!.text.replace(/^附\s*件\s*[:：]\s*/, ''), ...before.slice(listAt + 1).map((l) => l.text)]
        .map((n) => n.replace(/^\d+\s*[.．、]\s*/, '').trim())
        .filter(Boolean)
      gongwen.attachmentNotes = names.join('\n')
      note('附件说明', names.join('；'))
      before.slice(listAt).forEach(take)
    }
  }

  if (!data.issuer) {
    // Joint documents name their organs in the title set apart by spaces: 甲 乙关于…
    const issuer = /^(.{2,60}?)关于/.exec(bare)?.[1]?.trim().split(/\s+/).join('、') ?? (flag || gongwen.signatory)
    if (issuer) {
      data.issuer = issuer
      note('发文机关', issuer)
    } else unrecognised.push('发文机关：标题、版头和落款中都没有找到，请补填')
  }
  if (!data.docNumber) unrecognised.push('文号：文中没有找到，如有请补填')
  if (!data.adoptedAt && !data.publishedAt) unrecognised.push('通过/成文日期：没有找到，请补填')
  if (gongwen.secrecy && gongwen.secrecy !== '公开')
    unrecognised.push(`密级：原件标有“${gongwen.secrecy}”。涉密文件不得在互联网发布；确已解密的，请删去密级后再送审`)
  if (Object.keys(gongwen).length) data.gongwen = gongwen

  // The body: every block no part took, in order (pictures included), then what followed a web page's title.
  const content: Block[] = [...extraBlocks, ...blocks.filter((b, index) => !('text' in b) || (!used.has(index) && plain(b.text).trim()))]
  const texts = content.flatMap((b) => ('text' in b ? [plain(b.text)] : []))
  // An action plan's phases: （一）2018年为“对标攻坚年”…
  const phases = [...texts.join('\n').matchAll(/((?:19|20)\d{2})\s*年[为是]\s*“([^”]{2,12})”/g)].map((m) => `${m[1] ?? ''}年 ${m[2] ?? ''}`)
  if (phases.length > 1) note('实施步骤', phases.join('；'))
  const markdown = bodyMarkdown(content)
  data.body = await toRichText(content)
  note('正文', `${String(texts.length)} 段，其中标题 ${String(markdown.headings)} 个、列表项 ${String(markdown.listItems)} 个`)
  return { data, recognised, unrecognised }
}
