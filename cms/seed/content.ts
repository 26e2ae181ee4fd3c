import { bulletin as briefing2202 } from '../../content/seed/briefing-shoudu-jianbao-2202.ts'
import { bulletin as bulletin673 } from '../../content/seed/bulletin-mentougou-kuaibao-673.ts'
import { feature } from '../../content/seed/feature-mentougou-lizu-shoushan.ts'
import { resolution as dazuPlan } from '../../content/seed/plan-dazu-2018-2020.ts'
import { figures, regions, series, site, topics } from '../../content/seed/reference.ts'
import { resolution as mentougou2021 } from '../../content/seed/resolution-mentougou-2021-23.ts'

/** Everything the seed imports, in dependency order. */
export const seedContent = {
  site,
  topics,
  regions,
  series,
  figures,
  resolutions: [mentougou2021, dazuPlan],
  bulletins: [bulletin673, briefing2202],
  news: [feature],
}
