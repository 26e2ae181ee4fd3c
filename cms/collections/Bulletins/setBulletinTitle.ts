import type { CollectionBeforeChangeHook } from 'payload'

import type { Bulletin } from '../../payload-types.ts'

/** Titles a bulletin the way it is cited: series name and issue, e.g. …工作快报 第673期. */
export const setBulletinTitle: CollectionBeforeChangeHook<Bulletin> = async ({ data, originalDoc, req }) => {
  const seriesRef = data.series ?? originalDoc?.series
  const issueNumber = data.issueNumber ?? originalDoc?.issueNumber
  if (seriesRef === undefined || seriesRef === null || issueNumber === undefined || issueNumber === null) return data
  const series =
    typeof seriesRef === 'object'
      ? seriesRef
      : await req.payload.findByID({ collection: 'bulletin-series', id: seriesRef, depth: 0, req })
  const total = data.totalIssueNumber ?? originalDoc?.totalIssueNumber
  data.title = `${series.name} 第${issueNumber}期${total ? `（总第${total}期）` : ''}`
  return data
}
