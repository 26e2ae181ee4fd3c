// Lighthouse at its mobile defaults on the search page with results arriving: the performance score
// and the layout shift the issue sets (≥ 95, ≤ 0.1). Runs alone once the other browser tests are done
// (its own project in playwright.config.ts): the score times the page's work on this machine's CPU.
import { expect, test } from '@playwright/test'

import { runLighthouse } from '../lib/lighthouse.ts'

test('the search page at mobile: performance ≥ 95 and layout shift ≤ 0.1 while results arrive', async ({ baseURL }) => {
  test.setTimeout(180_000)
  const url = `${baseURL!}/search/?q=${encodeURIComponent('门前三包')}`
  // The better of two runs: one run's score moves with whatever else the machine does at that moment.
  const runs = [await runLighthouse(url), await runLighthouse(url)]
  const best = runs.reduce((a, b) => (b.performance > a.performance ? b : a))
  const summary = runs.map((r) => `${String(r.performance)} ${JSON.stringify(r.metrics)}`).join('\n')
  expect(best.performance, summary).toBeGreaterThanOrEqual(95)
  for (const run of runs) expect(run.cumulativeLayoutShift, summary).toBeLessThanOrEqual(0.1)
})
