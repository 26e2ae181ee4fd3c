/**
 * Lighthouse (npm `lighthouse`) on a page at its default, mobile settings (a mid-range phone, simulated
 * slow 4G and a 4× slower CPU), driving Debian's Chromium through its DevTools port.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import lighthouse from 'lighthouse'
import type LHResult from 'lighthouse/types/lhr/lhr.js'

export interface LighthouseResult {
  /** Lighthouse's whole report. */
  lhr: LHResult
  /** The performance score, 0–100. */
  performance: number
  cumulativeLayoutShift: number
  /** Each metric's displayed value, for the failure message. */
  metrics: Record<string, string>
}

/** Starts Chromium headless with a DevTools port of the system's choosing; resolves with the port and a stop function. */
const startChromium = async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'wenming-lighthouse-'))
  const chromium = spawn(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    let said = ''
    chromium.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString()
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(said)
      if (found) resolve(Number(found[1]))
    })
    chromium.once('exit', (code) => reject(new Error(`Chromium exited (${String(code)}): ${said}`)))
  })
  return {
    port,
    stop: async () => {
      const exited = new Promise((resolve) => chromium.once('exit', resolve))
      chromium.kill()
      await exited
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
    },
  }
}

/**
 * Lighthouse on `url`, `runs` times in one Chromium. Lighthouse empties the page's caches before each run;
 * what stays is the browser process's own state — the system's CJK font, which a fresh Chromium here
 * reads from disk (20 MB) during its first layout, where a phone has it loaded with the system.
 */
export const runLighthouse = async (url: string, runs = 1): Promise<LighthouseResult[]> => {
  const browser = await startChromium()
  try {
    const results: LighthouseResult[] = []
    for (let i = 0; i < runs; i++) results.push(await lighthouseOnce(url, browser.port))
    return results
  } finally {
    await browser.stop()
  }
}

const lighthouseOnce = async (url: string, port: number): Promise<LighthouseResult> => {
  {
    const result = await lighthouse(url, { port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' })
    if (!result) throw new Error('Lighthouse returned nothing')
    const { lhr } = result
    const audits = lhr.audits
    return {
      lhr,
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      cumulativeLayoutShift: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      metrics: Object.fromEntries(
        ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [id, audits[id]?.displayValue ?? '?']),
      ),
    }
  }
}
