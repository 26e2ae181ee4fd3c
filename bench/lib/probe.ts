/**
 * Browser measurements on a cold page (fresh browser context, empty cache): bytes transferred — counted
 * on the server's sockets, so requests from Pagefind's web worker are included — and time until a
 * condition holds. Used by the benchmarks and the closing figures.
 */
import type { Server } from 'node:http'
import type { Socket } from 'node:net'

import type { Browser } from '@playwright/test'

export interface ColdLoad {
  bytes: number
  /** Until `ready` held: from the navigation's start on the page's own clock when the page marks it (search:results), else as seen from outside. */
  ms: number
  /** The search page: from its script starting (search:start) to its first results (search:results). */
  searchMs?: number
}

/** Bytes a server wrote since the last reset: counted in the server's process (meter), or asked of it (site-process.ts). */
export interface Meter {
  reset: () => void | Promise<void>
  bytes: () => number | Promise<number>
}

/** Counts bytes the server writes (headers and bodies, compressed as sent). */
export const meter = (server: Server) => {
  const sockets = new Set<Socket>()
  const base = new Map<Socket, number>()
  server.on('connection', (socket) => sockets.add(socket))
  return {
    reset: () => {
      base.clear()
      for (const s of sockets) base.set(s, s.bytesWritten)
    },
    bytes: () => [...sockets].reduce((sum, s) => sum + s.bytesWritten - (base.get(s) ?? 0), 0),
  }
}

/** Loads `url` in a fresh context and waits for `ready` (a page predicate). */
export const coldLoad = async (browser: Browser, m: Meter, url: string, ready?: () => boolean, viewport?: { width: number; height: number }): Promise<ColdLoad> => {
  const context = await browser.newContext(viewport ? { viewport } : {})
  const page = await context.newPage()
  await m.reset()
  const started = performance.now()
  await page.goto(url, { waitUntil: 'load' })
  if (ready) await page.waitForFunction(ready, undefined, { timeout: 60_000 })
  const ms = performance.now() - started
  // User Timing marks of the search page (site/scripts/search.ts), on the page's clock: no Playwright round trips.
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime])))
  await page.waitForTimeout(300)
  const bytes = await m.bytes()
  await context.close()
  const start = marks['search:start']
  const results = marks['search:results']
  if (start === undefined || results === undefined) return { bytes, ms: Math.round(ms) }
  return { bytes, ms: Math.round(results), searchMs: Math.round(results - start) }
}

/** The search page's filters show their counts (wide screens count once the results are shown). */
export const countsReady = () => (document.getElementById('search-counts-note')?.textContent ?? '').includes('括号内')
/** The search page has shown its first results (or said there are none). */
export const searchReady = () => /共找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? '')
