/**
 * Documents laid out as offices lay them out, each with the facts it must yield on import. The layouts
 * follow GB/T 9704-2012 (党政机关公文格式): a 版头 with 份号, 密级, 紧急程度, 发文机关标志 (red, title-sized,
 * centred) and 发文字号 (centred; an upward document's at the left with 签发人 at the right, set apart with
 * spaces); titles over two or three centred lines; 主送机关; headings at four levels typed or numbered by
 * Word (chineseCounting lists), with punctuation inside them; 附件说明; 落款 and 成文日期 right-aligned, in
 * digits, with spaces, or in Chinese numerals; 附注; 版记 with 抄送 and 印发. Bulletins: marks above the
 * name, the office and the date on one line set apart by full-width spaces, or on two, 期号 with 总期号.
 * Written with the `docx` library; the import test also sends each through LibreOffice as .doc.
 */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx'

/** How a line is set: as the standard sets each element. */
type Look = 'mark' | 'flag' | 'number' | 'title' | 'body' | 'plain' | 'h1' | 'h2' | 'right' | 'center' | 'masthead'
export interface Line {
  text: string
  look?: Look
  /** Numbered by Word's list (level 0–3), the number not typed. */
  auto?: 0 | 1 | 2 | 3
}
export interface Fact {
  name: string
  field: string
  value: unknown
}
export interface Layout {
  name: string
  kind: 'resolutions' | 'bulletins'
  lines: Line[]
  facts: Fact[]
  /** Sentences the body must hold (nothing lost) and lines it must not (a part read into the text). */
  inBody: string[]
  notInBody: string[]
  /**
   * Not sent through LibreOffice as .doc: its .doc export renumbers Word's lists (its own text export of
   * the .doc it writes reads 一、一、 where Word reads 一、二、), so the .doc would not carry the same facts.
   */
  docxOnly?: true
}

const FONTS: Record<
  Look,
  {
    font: string
    size: number
    color?: string
    align?: (typeof AlignmentType)[keyof typeof AlignmentType]
    bold?: boolean
    indent?: boolean
  }
> = {
  mark: { font: '黑体', size: 32 },
  flag: {
    font: '方正小标宋简体',
    size: 60,
    color: 'E60000',
    align: AlignmentType.CENTER,
  },
  masthead: {
    font: '方正小标宋简体',
    size: 72,
    color: 'E60000',
    align: AlignmentType.CENTER,
  },
  number: { font: '仿宋_GB2312', size: 32, align: AlignmentType.CENTER },
  title: { font: '方正小标宋简体', size: 44, align: AlignmentType.CENTER },
  center: { font: '仿宋_GB2312', size: 32, align: AlignmentType.CENTER },
  h1: { font: '黑体', size: 32, indent: true },
  h2: { font: '楷体_GB2312', size: 32, indent: true },
  body: {
    font: '仿宋_GB2312',
    size: 32,
    indent: true,
    align: AlignmentType.JUSTIFIED,
  },
  plain: { font: '仿宋_GB2312', size: 32 },
  right: { font: '仿宋_GB2312', size: 32, align: AlignmentType.RIGHT },
}

const LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3．' },
  { level: 3, format: LevelFormat.DECIMAL, text: '（%4）' },
]

export const layoutDocx = (layout: Layout): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({
      numbering: {
        config: [
          {
            reference: 'gongwen',
            levels: LEVELS.map((l) => ({ ...l, suffix: 'nothing' as never })),
          },
        ],
      },
      sections: [
        {
          children: layout.lines.map((line) => {
            const f = FONTS[line.look ?? 'body']
            return new Paragraph({
              alignment: f.align,
              indent: f.indent ? { firstLine: 640 } : undefined,
              numbering: line.auto === undefined ? undefined : { reference: 'gongwen', level: line.auto },
              children: [
                new TextRun({
                  text: line.text,
                  font: { eastAsia: f.font, ascii: f.font },
                  size: f.size,
                  color: f.color,
                  bold: f.bold,
                }),
              ],
            })
          }),
        },
      ],
    }),
  )

const 全角 = '\u3000'

export const LAYOUTS: Layout[] = [
  {
    name: '通知·完整版头（份号、密级、紧急程度、标志、文号、两行标题、主送、附件说明、落款、附注、版记）',
    kind: 'resolutions',
    lines: [
      { text: '000128', look: 'mark' },
      { text: '秘密★1年', look: 'mark' },
      { text: '特急', look: 'mark' },
      { text: '北京市门头沟区人民政府办公室文件', look: 'flag' },
      { text: '门政办发〔2023〕12号', look: 'number' },
      { text: '北京市门头沟区人民政府办公室关于印发《门头沟区', look: 'title' },
      { text: '巩固全国文明城区创建成果工作方案》的通知', look: 'title' },
      {
        text: '各镇人民政府，各街道办事处，区政府各委、办、局，各区属机构：',
        look: 'plain',
      },
      {
        text: '《门头沟区巩固全国文明城区创建成果工作方案》已经区政府同意，现印发给你们，请认真贯彻落实。',
      },
      { text: '一、坚持问题导向，推动整改落实', look: 'h1' },
      {
        text: '各单位要对照测评体系逐项自查，建立问题清单、责任清单和整改清单。',
      },
      { text: '（一）压实属地责任，做到“四个到位”', look: 'h2' },
      { text: '各镇街要落实主体责任，主要负责同志亲自部署、亲自督办。' },
      { text: '附件：门头沟区巩固全国文明城区创建成果工作方案' },
      { text: '北京市门头沟区人民政府办公室', look: 'right' },
      { text: '2023年7月5日', look: 'right' },
      { text: '（此件公开发布）' },
      {
        text: '抄送：区委各部门，区人大常委会办公室，区政协办公室，区法院，区检察院。',
        look: 'plain',
      },
      {
        text: `北京市门头沟区人民政府办公室${全角.repeat(6)}2023年7月6日印发`,
        look: 'plain',
      },
    ],
    facts: [
      { name: '份号', field: 'gongwen.copyNumber', value: '000128' },
      { name: '密级和保密期限', field: 'gongwen.secrecy', value: '秘密★1年' },
      { name: '紧急程度', field: 'gongwen.urgency', value: '特急' },
      { name: '发文字号', field: 'docNumber', value: '门政办发〔2023〕12号' },
      {
        name: '标题（两行）',
        field: 'title',
        value: '北京市门头沟区人民政府办公室关于印发《门头沟区巩固全国文明城区创建成果工作方案》的通知',
      },
      { name: '文种', field: 'docType', value: '通知' },
      {
        name: '发文机关',
        field: 'issuer',
        value: '北京市门头沟区人民政府办公室',
      },
      {
        name: '主送机关',
        field: 'gongwen.mainRecipients',
        value: '各镇人民政府，各街道办事处，区政府各委、办、局，各区属机构',
      },
      {
        name: '附件说明',
        field: 'gongwen.attachmentNotes',
        value: '门头沟区巩固全国文明城区创建成果工作方案',
      },
      {
        name: '落款',
        field: 'gongwen.signatory',
        value: '北京市门头沟区人民政府办公室',
      },
      { name: '成文日期', field: 'adoptedAt', value: '2023-07-05' },
      { name: '附注', field: 'gongwen.note', value: '此件公开发布' },
      {
        name: '抄送机关',
        field: 'gongwen.copyTo',
        value: '区委各部门，区人大常委会办公室，区政协办公室，区法院，区检察院',
      },
      {
        name: '印发机关',
        field: 'gongwen.printedBy',
        value: '北京市门头沟区人民政府办公室',
      },
      { name: '印发日期', field: 'gongwen.printedAt', value: '2023-07-06' },
      {
        name: '一级标题（含标点）',
        field: 'headings.h2',
        value: ['一、坚持问题导向，推动整改落实'],
      },
      {
        name: '二级标题（含引号）',
        field: 'headings.h3',
        value: ['（一）压实属地责任，做到“四个到位”'],
      },
    ],
    inBody: ['现印发给你们，请认真贯彻落实。', '建立问题清单、责任清单和整改清单。', '亲自部署、亲自督办。'],
    notInBody: ['000128', '秘密★1年', '特急', '抄送', '2023年7月6日印发', '此件公开发布', '各镇人民政府，各街道办事处'],
  },
  {
    name: '报告·上行文（文号与签发人同一行、中文数字成文日期、多级标题含标点）',
    kind: 'resolutions',
    lines: [
      { text: '门头沟区精神文明建设委员会办公室文件', look: 'flag' },
      {
        text: `门文明办〔2023〕5号${全角.repeat(8)}签发人：王建国`,
        look: 'plain',
      },
      { text: '关于2023年上半年创建全国文明城区', look: 'title' },
      { text: '工作情况的报告', look: 'title' },
      { text: '区委、区政府：', look: 'plain' },
      { text: '现将我区2023年上半年创建全国文明城区工作情况报告如下。' },
      { text: '一、坚持高位统筹，创建合力持续增强', look: 'h1' },
      { text: '（一）健全工作机制，压实各方责任', look: 'h2' },
      { text: '区创城指挥部每月召开调度会，研究解决重点难点问题。' },
      { text: '1．开展“门前三包”专项行动，累计整改问题1.2万余处。' },
      { text: '2．推进老旧小区综合整治，完成楼本体改造36栋。' },
      { text: '（1）同步加装电梯12部；' },
      { text: '（2）新增停车位860个。' },
      { text: '二、存在的问题和下一步打算', look: 'h1' },
      {
        text: '个别点位反复出现问题，长效机制仍需完善。下一步，我们将持续用力，久久为功。',
      },
      { text: '门头沟区精神文明建设委员会办公室', look: 'right' },
      { text: '二〇二三年七月十日', look: 'right' },
      { text: '（联系人：张三，电话：69842233）' },
      {
        text: `门头沟区精神文明建设委员会办公室${全角.repeat(4)}2023年7月10日印发`,
        look: 'plain',
      },
    ],
    facts: [
      { name: '发文字号', field: 'docNumber', value: '门文明办〔2023〕5号' },
      { name: '签发人', field: 'gongwen.signedBy', value: '王建国' },
      {
        name: '标题（两行）',
        field: 'title',
        value: '关于2023年上半年创建全国文明城区工作情况的报告',
      },
      { name: '文种', field: 'docType', value: '报告' },
      {
        name: '发文机关（版头标志）',
        field: 'issuer',
        value: '门头沟区精神文明建设委员会办公室',
      },
      {
        name: '主送机关',
        field: 'gongwen.mainRecipients',
        value: '区委、区政府',
      },
      {
        name: '落款',
        field: 'gongwen.signatory',
        value: '门头沟区精神文明建设委员会办公室',
      },
      { name: '成文日期（中文数字）', field: 'adoptedAt', value: '2023-07-10' },
      {
        name: '附注',
        field: 'gongwen.note',
        value: '联系人：张三，电话：69842233',
      },
      { name: '印发日期', field: 'gongwen.printedAt', value: '2023-07-10' },
      {
        name: '一级标题',
        field: 'headings.h2',
        value: ['一、坚持高位统筹，创建合力持续增强', '二、存在的问题和下一步打算'],
      },
      {
        name: '二级标题',
        field: 'headings.h3',
        value: ['（一）健全工作机制，压实各方责任'],
      },
      { name: '三、四级条目（列表项）', field: 'listItems', value: 4 },
    ],
    inBody: ['报告如下。', '累计整改问题1.2万余处。', '完成楼本体改造36栋。', '同步加装电梯12部', '新增停车位860个。', '久久为功。'],
    notInBody: ['签发人', '联系人', '7月10日印发'],
  },
  {
    name: '方案·Word 自动编号（四级：一、（一）1．（1））、附件标识、三行标题',
    kind: 'resolutions',
    lines: [
      { text: '附件', look: 'mark' },
      { text: '门头沟区', look: 'title' },
      { text: '巩固全国文明城区创建成果', look: 'title' },
      { text: '工作方案', look: 'title' },
      {
        text: '为巩固全国文明城区创建成果，推动文明创建常态长效，制定本方案。',
      },
      { text: '指导思想', look: 'h1', auto: 0 },
      { text: '坚持以人民为中心，把创建为民、创建惠民、创建靠民贯穿始终。' },
      { text: '工作目标', look: 'h1', auto: 0 },
      { text: '常态长效，全域提升', look: 'h2', auto: 1 },
      { text: '测评成绩保持在全国前列。', auto: 2 },
      { text: '群众满意度达到95%以上。', auto: 2 },
      { text: '城市管理', auto: 3 },
      { text: '社区服务', auto: 3 },
      { text: '示范引领，典型带动', look: 'h2', auto: 1 },
      { text: '每年选树“门头沟好人”100名。', auto: 2 },
      { text: '保障措施', look: 'h1', auto: 0 },
      { text: '各单位要把巩固创建成果纳入年度重点工作，主要领导亲自抓。' },
    ],
    facts: [
      {
        name: '标题（三行）',
        field: 'title',
        value: '门头沟区巩固全国文明城区创建成果工作方案',
      },
      { name: '文种', field: 'docType', value: '方案' },
      {
        name: '一级标题（自动编号）',
        field: 'headings.h2',
        value: ['一、指导思想', '二、工作目标', '三、保障措施'],
      },
      {
        name: '二级标题（自动编号）',
        field: 'headings.h3',
        value: ['（一）常态长效，全域提升', '（二）示范引领，典型带动'],
      },
      { name: '三、四级条目（自动编号）', field: 'listItems', value: 5 },
    ],
    inBody: [
      '制定本方案。',
      '贯穿始终。',
      '测评成绩保持在全国前列。',
      '群众满意度达到95%以上。',
      '城市管理',
      '社区服务',
      '每年选树“门头沟好人”100名。',
      '主要领导亲自抓。',
    ],
    notInBody: [],
    docxOnly: true,
  },
  {
    name: '决定·半角标点和空格（[2023]、半角括号和冒号、带空格的日期、两项附件）',
    kind: 'resolutions',
    lines: [
      { text: '北京市门头沟区人民政府文件', look: 'flag' },
      { text: '门政发 [2023] 8 号', look: 'number' },
      {
        text: '北京市门头沟区人民政府关于表彰2022年度创建全国文明城区工作先进集体的决定',
        look: 'title',
      },
      { text: '各镇人民政府,各街道办事处,区政府各委、办、局:', look: 'plain' },
      { text: '2022年,全区各单位认真落实创城工作部署,涌现出一批先进集体。' },
      { text: '一、表彰范围', look: 'h1' },
      { text: '(一)先进集体20个', look: 'h2' },
      { text: '希望受表彰的集体珍惜荣誉,再接再厉。' },
      { text: '附件:1.先进集体名单' },
      { text: '2.先进个人名单' },
      { text: '北京市门头沟区人民政府', look: 'right' },
      { text: '2023 年 7 月 20 日', look: 'right' },
      { text: '抄送:区委办公室,区人大常委会办公室。', look: 'plain' },
    ],
    facts: [
      {
        name: '发文字号（半角括号、空格）',
        field: 'docNumber',
        value: '门政发〔2023〕8号',
      },
      { name: '文种', field: 'docType', value: '决定' },
      { name: '发文机关', field: 'issuer', value: '北京市门头沟区人民政府' },
      {
        name: '主送机关（半角标点）',
        field: 'gongwen.mainRecipients',
        value: '各镇人民政府,各街道办事处,区政府各委、办、局',
      },
      {
        name: '附件说明（两项）',
        field: 'gongwen.attachmentNotes',
        value: '先进集体名单\n先进个人名单',
      },
      {
        name: '落款',
        field: 'gongwen.signatory',
        value: '北京市门头沟区人民政府',
      },
      { name: '成文日期（带空格）', field: 'adoptedAt', value: '2023-07-20' },
      {
        name: '抄送机关（半角冒号）',
        field: 'gongwen.copyTo',
        value: '区委办公室,区人大常委会办公室',
      },
      { name: '一级标题', field: 'headings.h2', value: ['一、表彰范围'] },
      {
        name: '二级标题（半角括号）',
        field: 'headings.h3',
        value: ['(一)先进集体20个'],
      },
    ],
    inBody: ['涌现出一批先进集体。', '再接再厉。'],
    notInBody: ['先进个人名单', '抄送'],
  },
  {
    name: '通知·联合行文（两个发文机关标志、标题中两机关以空格分隔、两行落款）',
    kind: 'resolutions',
    lines: [
      { text: '中共北京市门头沟区委宣传部', look: 'flag' },
      { text: '北京市门头沟区精神文明建设委员会办公室文件', look: 'flag' },
      { text: '京门宣发〔2023〕9号', look: 'number' },
      { text: '中共北京市门头沟区委宣传部 北京市门头沟区精神文明建设委员会办公室', look: 'title' },
      { text: '关于开展“文明家庭”评选活动的通知', look: 'title' },
      { text: '各镇党委、街道党工委，区委各部委办局：', look: 'plain' },
      { text: '为深化群众性精神文明创建活动，决定在全区开展“文明家庭”评选活动。' },
      { text: '一、评选范围', look: 'h1' },
      { text: '全区常住家庭均可参加。' },
      { text: '中共北京市门头沟区委宣传部', look: 'right' },
      { text: '北京市门头沟区精神文明建设委员会办公室', look: 'right' },
      { text: '2023年8月1日', look: 'right' },
    ],
    facts: [
      { name: '发文字号', field: 'docNumber', value: '京门宣发〔2023〕9号' },
      { name: '标题（两行，机关间空格）', field: 'title', value: '中共北京市门头沟区委宣传部 北京市门头沟区精神文明建设委员会办公室关于开展“文明家庭”评选活动的通知' },
      { name: '发文机关（两个）', field: 'issuer', value: '中共北京市门头沟区委宣传部、北京市门头沟区精神文明建设委员会办公室' },
      { name: '主送机关', field: 'gongwen.mainRecipients', value: '各镇党委、街道党工委，区委各部委办局' },
      { name: '落款（两行）', field: 'gongwen.signatory', value: '中共北京市门头沟区委宣传部、北京市门头沟区精神文明建设委员会办公室' },
      { name: '成文日期', field: 'adoptedAt', value: '2023-08-01' },
    ],
    inBody: ['决定在全区开展“文明家庭”评选活动。', '全区常住家庭均可参加。'],
    notInBody: ['宣传部文件', '各镇党委'],
  },
  {
    name: '函·信函格式（标志不带“文件”、文号右上、主送、落款）',
    kind: 'resolutions',
    lines: [
      { text: '北京市门头沟区人民政府办公室', look: 'flag' },
      { text: '门政办函〔2023〕15号', look: 'right' },
      { text: '北京市门头沟区人民政府办公室关于商请支持文明城区创建工作的函', look: 'title' },
      { text: '区文明办：', look: 'plain' },
      { text: '为做好创建全国文明城区迎检工作，请贵单位给予支持。' },
      { text: '特此函达。' },
      { text: '北京市门头沟区人民政府办公室', look: 'right' },
      { text: '2023年8月3日', look: 'right' },
    ],
    facts: [
      { name: '发文字号（右上）', field: 'docNumber', value: '门政办函〔2023〕15号' },
      { name: '标题', field: 'title', value: '北京市门头沟区人民政府办公室关于商请支持文明城区创建工作的函' },
      { name: '文种', field: 'docType', value: '函' },
      { name: '发文机关', field: 'issuer', value: '北京市门头沟区人民政府办公室' },
      { name: '主送机关', field: 'gongwen.mainRecipients', value: '区文明办' },
      { name: '落款', field: 'gongwen.signatory', value: '北京市门头沟区人民政府办公室' },
      { name: '成文日期', field: 'adoptedAt', value: '2023-08-03' },
    ],
    inBody: ['请贵单位给予支持。', '特此函达。'],
    notInBody: ['区文明办：'],
  },
  {
    name: '工作简报·刊头标记、编印单位与日期同一行（全角空格）',
    kind: 'bulletins',
    lines: [
      { text: `内部资料${全角}注意保存`, look: 'mark' },
      { text: '创建全国文明城区工作简报', look: 'masthead' },
      { text: '第12期', look: 'center' },
      { text: `门头沟区创城办${全角.repeat(10)}2023年7月5日`, look: 'plain' },
      { text: '【工作动态】', look: 'plain' },
      { text: '我区召开创城工作推进会', look: 'center' },
      { text: '7月4日，区创城指挥部召开推进会，部署下半年重点任务。' },
      { text: '（区创城办）' },
      { text: '编校：李国栋 审核：张东辉 核签：李争三', look: 'plain' },
      { text: '报：首都文明办，区委、区政府领导同志', look: 'plain' },
    ],
    facts: [
      {
        name: '刊物名称（不含“内部资料”）',
        field: 'seriesName',
        value: '创建全国文明城区工作简报',
      },
      { name: '期号', field: 'issueNumber', value: 12 },
      {
        name: '印发日期（与编印单位同一行）',
        field: 'date',
        value: '2023-07-05',
      },
      { name: '编印单位', field: 'seriesIssuer', value: '门头沟区创城办' },
      { name: '栏目', field: 'sections', value: ['工作动态'] },
      {
        name: '稿件标题与署名',
        field: 'firstItem',
        value: { title: '我区召开创城工作推进会', source: '区创城办' },
      },
      {
        name: '编校/审核/核签',
        field: 'signoff',
        value: { editor: '李国栋', reviewer: '张东辉', signer: '李争三' },
      },
    ],
    inBody: ['部署下半年重点任务。'],
    notInBody: [],
  },
  {
    name: '工作快报·总期号同一行、中文数字日期单独一行',
    kind: 'bulletins',
    lines: [
      { text: '创建全国文明城区工作快报', look: 'masthead' },
      { text: '第 8 期（总第 86 期）', look: 'center' },
      { text: '门头沟区创建全国文明城区指挥部办公室', look: 'center' },
      { text: '二〇二三年七月十五日', look: 'center' },
      { text: '【督导检查】', look: 'plain' },
      { text: '区领导检查背街小巷环境整治', look: 'center' },
      { text: '7月14日，区领导到大峪街道检查背街小巷环境整治情况。' },
      { text: '（本刊）' },
      { text: '编校：李国栋 审核：张东辉 核签：李争三', look: 'plain' },
    ],
    facts: [
      { name: '期号', field: 'issueNumber', value: 8 },
      { name: '总期号（同一行）', field: 'totalIssueNumber', value: 86 },
      { name: '印发日期（中文数字）', field: 'date', value: '2023-07-15' },
      {
        name: '编印单位',
        field: 'seriesIssuer',
        value: '门头沟区创建全国文明城区指挥部办公室',
      },
      { name: '栏目', field: 'sections', value: ['督导检查'] },
      {
        name: '稿件标题与署名',
        field: 'firstItem',
        value: { title: '区领导检查背街小巷环境整治', source: '本刊' },
      },
    ],
    inBody: ['检查背街小巷环境整治情况。'],
    notInBody: [],
  },
  {
    name: '情况简报·编印单位与带空格日期同一行（半角空格）',
    kind: 'bulletins',
    lines: [
      { text: '文明创建情况简报', look: 'masthead' },
      { text: '第3期', look: 'center' },
      { text: '门头沟区文明办        2023 年 7 月 25 日', look: 'plain' },
      {
        text: '【简讯】大峪街道：近日开展文明交通劝导活动。城子街道：近日开展垃圾分类宣传。',
        look: 'plain',
      },
      { text: '编校：李国栋 审核：张东辉 核签：李争三', look: 'plain' },
    ],
    facts: [
      { name: '期号', field: 'issueNumber', value: 3 },
      {
        name: '印发日期（带空格、同一行）',
        field: 'date',
        value: '2023-07-25',
      },
      { name: '编印单位', field: 'seriesIssuer', value: '门头沟区文明办' },
      {
        name: '简讯单位',
        field: 'briefUnits',
        value: ['大峪街道', '城子街道'],
      },
    ],
    inBody: ['开展文明交通劝导活动。', '开展垃圾分类宣传。'],
    notInBody: [],
  },
]
