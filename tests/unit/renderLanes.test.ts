import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { sha256 } from '../../publisher/files.ts'
import { renderLanes } from '../../publisher/render-lanes.ts'

/** A stand-in for the server bundle (publisher/renderer-entry.ts): renders a route's props as a page; `/crash` ends its thread, `/fail` throws. */
const BUNDLE = `
export const render = async (request, routes) => {
  const url = new URL(request.url).pathname
  if (url === '/crash') process.exit(3)
  if (url === '/fail') throw new Error('模板出错')
  const { text } = routes.get(url).props
  return new Response('<!doctype html><html><body><main data-pagefind-body><h1>' + text + '</h1>' + '<p>文明城区创建工作</p>'.repeat(60) + '</main></body></html>')
}
`

const setUp = (bundle: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-lanes-'))
  const entry = path.join(dir, `entry-${String(Math.random()).slice(2)}.mjs`)
  writeFileSync(entry, bundle)
  const siteDir = path.join(dir, 'site')
  mkdirSync(path.join(siteDir, 'a'), { recursive: true })
  return { entry, siteDir }
}
const route = (text: string) => ({ page: 'test', props: { text } })

describe('render lanes', () => {
  it('write each page with its compressed copy and return their hashes and what the search indexes', async () => {
    const { entry, siteDir } = setUp(BUNDLE)
    const lanes = await renderLanes(entry, 'http://site.test', 2)
    lanes.begin({ siteDir, groups: [] })
    const pages = await Promise.all(['一', '二', '三'].map((text, i) => lanes.render(`/a/${String(i)}`, route(text), `a/${String(i)}.html`)))
    for (const [i, page] of pages.entries()) {
      const html = readFileSync(path.join(siteDir, `a/${String(i)}.html`))
      expect(Object.fromEntries(page.files)).toEqual({
        [`a/${String(i)}.html`]: sha256(html),
        [`a/${String(i)}.html.br`]: sha256(readFileSync(path.join(siteDir, `a/${String(i)}.html.br`))),
      })
      expect(page.index?.input).toContain(['一', '二', '三'][i])
    }
  })

  it('fail only the page that failed; a thread that ends is started again for the next pages', async () => {
    const { entry, siteDir } = setUp(BUNDLE)
    const lanes = await renderLanes(entry, 'http://site.test', 1)
    lanes.begin({ siteDir, groups: [] })
    await expect(lanes.render('/fail', route('x'), 'a/fail.html')).rejects.toThrow('模板出错')
    expect(existsSync(path.join(siteDir, 'a/fail.html'))).toBe(false)
    await expect(lanes.render('/crash', route('x'), 'a/crash.html')).rejects.toThrow('页面生成线程异常退出')
    const after = await lanes.render('/a/ok', route('好'), 'a/ok.html')
    expect(after.index?.input).toContain('好')
  })

  it('fail every page with the reason when the bundle cannot be loaded', async () => {
    const { entry, siteDir } = setUp('export const render = ;')
    const lanes = await renderLanes(entry, 'http://site.test', 1)
    lanes.begin({ siteDir, groups: [] })
    await expect(lanes.render('/a/0', route('x'), 'a/0.html')).rejects.toThrow('页面生成线程')
    await expect(lanes.render('/a/1', route('x'), 'a/1.html')).rejects.toThrow('无法启动')
  })
})
