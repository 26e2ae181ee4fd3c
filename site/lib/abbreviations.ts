/**
 * Abbreviations of Chinese government usage, applied to queries both ways: a search for 十三届全国人大四次会议
 * also runs as 第十三届全国人民代表大会第四次会议, and one for 全国人民代表大会常务委员会 also as 全国人大常委会.
 * The search page runs the query as typed and in each of these spellings and keeps every document's best
 * match (site/scripts/search.ts), so a document is found, and ranked by the phrase, in the spelling it uses.
 *
 * Where the list comes from: the short forms that official documents themselves define on first use
 * ("以下简称…") for the bodies and meetings that the archive of State Council work reports and NPC
 * resolutions names (全国人大, 全国人大常委会, 全国政协, 国办 …), the short forms of the civilisation campaign
 * (文明办, 文明委, 创城, 创文), and the ordinal forms of sessions and meetings (第十三届 ↔ 十三届, 第四次会议 ↔
 * 四次会议), which are a rule rather than a list (ORDINAL). Each group lists the full form first.
 * Editors' synonyms (搜索设置) are merged in as more groups (mergeGroups).
 */
export const ABBREVIATIONS: readonly (readonly string[])[] = [
  ['全国人民代表大会常务委员会', '全国人大常委会'],
  ['人民代表大会常务委员会', '人大常委会'],
  ['全国人民代表大会', '全国人大'],
  ['人民代表大会', '人大'],
  ['常务委员会', '常委会'],
  ['中国人民政治协商会议全国委员会', '全国政协'],
  ['中国人民政治协商会议', '人民政协', '政协'],
  ['中国共产党中央委员会', '中共中央', '党中央'],
  ['中国共产党', '中共'],
  ['中华人民共和国国务院', '国务院'],
  ['国务院办公厅', '国办'],
  ['中共中央办公厅', '中办'],
  ['精神文明建设委员会办公室', '文明办'],
  ['精神文明建设委员会', '文明委'],
  ['创建全国文明城市', '创建文明城市', '创城'],
  ['创建全国文明城区', '创文'],
  ['新时代文明实践中心', '文明实践中心'],
  ['国家发展和改革委员会', '国家发展改革委', '发改委'],
  ['国内生产总值', 'GDP'],
  ['居民消费价格指数', 'CPI'],
  ['世界贸易组织', '世贸组织', 'WTO'],
  ['国有企业', '国企'],
  ['中央企业', '央企'],
  ['政府工作报告', '国务院政府工作报告'],
]

/** Chinese numerals as session and meeting ordinals are written (十三, 二十, 一百零一 …). */
const NUMERAL = '[〇零一二三四五六七八九十百]+'
/** An ordinal of a term or meeting: 第十三届, 第四次; the short form drops 第. */
const ORDINAL_FULL = new RegExp(`第(${NUMERAL}[届次])`, 'gu')
const ORDINAL_SHORT = new RegExp(`(?<!第|${NUMERAL})(${NUMERAL}[届次])`, 'gu')

/**
 * Groups that share a word become one group (an editor's 创城 row and the built-in one, say), full form
 * first: the longest word of the merged group.
 */
export const mergeGroups = (groups: readonly (readonly string[])[]): string[][] => {
  const merged: Set<string>[] = []
  for (const group of groups) {
    const words = new Set(group.map((w) => w.trim()).filter(Boolean))
    for (const other of merged.filter((m) => [...words].some((w) => m.has(w)))) {
      for (const w of other) words.add(w)
      merged.splice(merged.indexOf(other), 1)
    }
    if (words.size > 1) merged.push(words)
  }
  return merged.map((words) => [...words].sort((a, b) => b.length - a.length))
}

/**
 * `text` with every word of a group written in the form `pick` chooses from the group. Matches are found
 * longest first at each position, so 全国人大常委会 is one match, not 全国人大 and 常委会.
 */
const rewrite = (text: string, groups: string[][], pick: (group: string[]) => string) => {
  const forms = groups.flatMap((group) => group.map((word) => ({ word, to: pick(group) }))).sort((a, b) => b.word.length - a.word.length)
  let out = ''
  for (let i = 0; i < text.length; ) {
    const hit = forms.find((f) => text.startsWith(f.word, i))
    out += hit ? hit.to : text[i]
    i += hit ? hit.word.length : 1
  }
  return out
}

/**
 * The spellings a query is searched in: as typed, with every abbreviation written in full, and with every
 * full form abbreviated (duplicates dropped). `groups`: mergeGroups of ABBREVIATIONS and editors' synonyms.
 */
export const queryVariants = (query: string, groups: string[][]): string[] => {
  const full = rewrite(query, groups, (g) => g[0]!).replace(ORDINAL_SHORT, '第$1')
  const short = rewrite(query, groups, (g) => g.at(-1)!).replace(ORDINAL_FULL, '$1')
  return [...new Set([query, full, short])]
}
