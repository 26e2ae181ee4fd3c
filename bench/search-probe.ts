// `node bench/search-probe.ts [query…]`: cold-page figures of the search page against the built site.
import type { AddressInfo } from 'node:net'

import { chromium } from '@playwright/test'

import { distLink } from '../publisher/release.ts'
import { createSiteServer } from '../scripts/site-server.ts'
import { coldLoad, meter, searchReady } from './lib/probe.ts'

const queries = process.argv.slice(2).length ? process.argv.slice(2) : ['门前三包', '门常发〔2021〕23号', '志愿服务队伍']
const server = createSiteServer(process.env.SITE_DIST ?? distLink())
const m = meter(server)
await new Promise<void>((resolve) => server.listen(0, resolve))
const base = `http://localhost:${String((server.address() as AddressInfo).port)}`
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
for (const q of queries) {
  const r = await coldLoad(browser, m, `${base}/search/?q=${encodeURIComponent(q)}`, searchReady)
  console.log(`${q}\t${(r.bytes / 1024).toFixed(1)} KB\t${String(r.ms)} ms from navigation\t${String(r.searchMs ?? '—')} ms from the search script`)
}
for (const p of ['/', '/bulletins/mentougou-kuaibao/673/', '/news/mentougou-lizu-shoushan/']) {
  const r = await coldLoad(browser, m, `${base}${p}`)
  console.log(`${p}\t${(r.bytes / 1024).toFixed(1)} KB`)
}
await browser.close()
server.close()
