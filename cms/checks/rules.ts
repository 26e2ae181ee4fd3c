/** 内容检查 rules: what a document's text is checked against before sign-off. */
export type RuleKind = '禁用表述' | '错别字' | '不规范提法' | '领导职务'
export type Severity = '禁止' | '提醒'

export interface ContentRule {
  kind: RuleKind
  /** The expression looked for; for 领导职务, the leader's name. */
  text: string
  /** The correct form; for 领导职务, the leader's current title(s). */
  correct: string | null
  severity: Severity
  /** The first day (YYYY-MM-DD…) the rule applies to: a document dated before it is checked without it. */
  appliesFrom?: string | null
}

/**
 * The starter list the seed imports into 系统 › 内容检查. Editors keep it current (a leader's title changes
 * with every appointment). Sources:
 * - 禁用表述: 新华社《新华社新闻信息报道中的禁用词和慎用词》(2016 年 7 月修订) — names of places and
 *   bodies, and words for people with disabilities;
 * - 错别字: frequent misspellings of set phrases in 国家语委《第一批异形词整理表》and the yearly lists of
 *   《咬文嚼字》编辑部《年度十大语文差错》;
 * - 不规范提法: the norms for naming leaders and the renaming of COVID-19 (国家卫健委公告 2022 年第 7 号);
 * - 领导职务: the leaders named in the seed documents, with the titles those documents give them.
 */
export const STARTER_RULES: (ContentRule & { note: string })[] = [
  ...(
    [
      ['台湾总统', '台湾地区领导人'],
      ['台湾政府', '台湾当局'],
      ['北韩', '朝鲜'],
      ['残废人', '残疾人'],
      ['弱智', '智力障碍者'],
    ] as const
  ).map(([text, correct]) => ({ kind: '禁用表述' as const, text, correct, severity: '禁止' as const, note: '新华社新闻信息报道中的禁用词和慎用词（2016年7月修订）' })),
  // The name of its time until China and the Republic of Korea established relations (1992-08-24).
  { kind: '禁用表述', text: '南朝鲜', correct: '韩国', severity: '禁止', appliesFrom: '1992-08-24', note: '新华社新闻信息报道中的禁用词和慎用词（2016年7月修订）；中韩建交之日起适用' },
  ...(
    [
      ['农民工', '进城务工人员'],
      ['聋哑人', '聋人、言语障碍者'],
    ] as const
  ).map(([text, correct]) => ({ kind: '禁用表述' as const, text, correct, severity: '提醒' as const, note: '新华社新闻信息报道中的慎用词' })),
  ...(
    [
      ['再接再励', '再接再厉'],
      ['迫不急待', '迫不及待'],
      ['一如继往', '一如既往'],
      ['按步就班', '按部就班'],
      ['走头无路', '走投无路'],
      ['墨守陈规', '墨守成规'],
      ['直接了当', '直截了当'],
      ['精兵减政', '精兵简政'],
      ['自力更新', '自力更生'],
      ['不径而走', '不胫而走'],
      ['美仑美奂', '美轮美奂'],
      ['布署', '部署'],
      ['既使', '即使'],
      ['坐阵', '坐镇'],
    ] as const
  ).map(([text, correct]) => ({ kind: '错别字' as const, text, correct, severity: '禁止' as const, note: '常见成语、词语错别字（《咬文嚼字》年度语文差错等）' })),
  { kind: '不规范提法', text: '习总书记', correct: '习近平总书记', severity: '禁止', note: '领导人称谓须用全名' },
  { kind: '不规范提法', text: '新冠肺炎', correct: '新冠病毒感染', severity: '提醒', note: '国家卫生健康委员会公告2022年第7号' },
  { kind: '领导职务', text: '滕盛萍', correct: '市委宣传部副部长、首都文明办主任', severity: '禁止', note: '据首都精神文明建设情况简报第10期（2022年）' },
]
