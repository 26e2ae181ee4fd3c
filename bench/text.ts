// Sentences of the seed documents, the raw material of generated benchmark text.
import { bulletin as briefing2202 } from '../content/seed/briefing-shoudu-jianbao-2202.ts'
import { bulletin as bulletin673 } from '../content/seed/bulletin-mentougou-kuaibao-673.ts'
import { feature } from '../content/seed/feature-mentougou-lizu-shoushan.ts'
import { resolution as dazu } from '../content/seed/plan-dazu-2018-2020.ts'
import { resolution as mentougou } from '../content/seed/resolution-mentougou-2021-23.ts'

const texts = [
  mentougou.body,
  dazu.body,
  feature.body,
  ...[bulletin673, briefing2202].flatMap((b) => b.sections.flatMap((s) => s.items.map((i) => i.body))),
]

export const briefing = {
  sentences: texts
    .join('\n')
    .replace(/^#+ .*$/gm, '')
    .replace(/^> /gm, '')
    .replace(/\*\*/g, '')
    .split(/(?<=[。！？])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && s.length <= 160),
}
