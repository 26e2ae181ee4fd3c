import { readdirSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

import { type APIRequestContext, expect, test } from '@playwright/test'
import sharp from 'sharp'

import { ANONYMOUS_MAX_LIMIT } from '../../../cms/lib/apiCache.ts'
import { markdownToRichText } from '../../../cms/lib/richText.ts'
import { as, cms, liveDir, site, token, until } from './helpers.ts'

// Attacks on what an anonymous reader can get, and on what an editor's account can do, over real HTTP.

const png = (r: number, g: number, b: number) => sharp({ create: { width: 16, height: 12, channels: 3, background: { r, g, b } } }).png().toBuffer()

/** A valid black 1-bit PNG of side × side pixels, written by hand: its zero rows deflate to almost nothing. */
const pngBomb = (side: number) => {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header.set([1, 0, 0, 0, 0], 8) // bit depth 1, greyscale, deflate, no filter, no interlace
  const rows = Buffer.alloc(side * (1 + side / 8)) // each row: filter byte 0 and side/8 zero bytes
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

const upload = async (request: APIRequestContext, name: string, buffer: Buffer, role = 'editor') =>
  request.post(`${cms}/api/media`, {
    headers: await as(request, role),
    multipart: { file: { name, mimeType: 'image/png', buffer }, _payload: JSON.stringify({ alt: `测试图片 ${name}` }) },
    failOnStatusCode: false,
  })

/** Media documents, and stored files, whose name contains `part` (other tests add media meanwhile). */
const stored = async (request: APIRequestContext, part: string) => ({
  docs: ((await (await request.get(`${cms}/api/media?limit=1&where[filename][like]=${part}`, { headers: await as(request, 'admin') })).json()) as { totalDocs: number }).totalDocs,
  files: readdirSync(path.join(liveDir, 'media')).filter((f) => f.includes(part)).length,
})

test('a file used only by a draft is neither listed nor served to anonymous readers until the draft is published', async ({ request, playwright }) => {
  const anon = await playwright.request.newContext()
  const name = `${token('draftimg')}.png`
  const created = await upload(request, name, await png(200, 30, 30))
  expect(created.status(), await created.text()).toBe(201)
  const media = ((await created.json()) as { doc: { id: number; filename: string } }).doc
  const slug = token('draftnews')
  const news = await request.post(`${cms}/api/news?draft=true`, {
    headers: await as(request, 'editor'),
    data: { title: `草稿配图${slug}`, slug, date: '2022-06-01T12:00:00.000Z', category: '其他', cover: media.id, body: await markdownToRichText('尚未发布。'), _status: 'draft' },
  })
  expect(news.ok(), await news.text()).toBe(true)
  const newsId = ((await news.json()) as { doc: { id: number } }).doc.id

  const listing = await (await anon.get(`${cms}/api/media?limit=100&where[filename][equals]=${encodeURIComponent(media.filename)}`)).text()
  expect(listing).not.toContain(media.filename)
  expect((await anon.get(`${cms}/api/media/${String(media.id)}`, { failOnStatusCode: false })).status()).toBe(404)
  expect([403, 404]).toContain((await anon.get(`${cms}/api/media/file/${media.filename}`, { failOnStatusCode: false })).status())
  // Its resized copies too.
  const sized = media.filename.replace(/\.png$/, '-320x240.webp')
  expect([403, 404]).toContain((await anon.get(`${cms}/api/media/file/${sized}`, { failOnStatusCode: false })).status())
  // Signed-in users see the whole library.
  expect((await request.get(`${cms}/api/media/file/${media.filename}`, { headers: await as(request, 'editor') })).status()).toBe(200)

  const publish = await request.patch(`${cms}/api/news/${String(newsId)}`, { headers: await as(request, 'editor'), data: { _status: 'published' } })
  expect(publish.ok(), await publish.text()).toBe(true)
  await expect.poll(async () => (await anon.get(`${cms}/api/media/file/${media.filename}`, { failOnStatusCode: false })).status(), { timeout: 15_000 }).toBe(200)
  await anon.dispose()
})

test('sign-off records and return reasons are internal', async ({ request, playwright }) => {
  const anon = await playwright.request.newContext()
  const body = await (await anon.get(`${cms}/api/bulletins?where[issueNumber][equals]=673&depth=0`)).json() as { docs: Record<string, unknown>[] }
  expect(body.docs).toHaveLength(1)
  expect(body.docs[0]).not.toHaveProperty('workflow')
  expect(body.docs[0]!.signoff).toBeTruthy()
  const one = (await (await anon.get(`${cms}/api/resolutions?limit=1`)).json()) as { docs: Record<string, unknown>[] }
  expect(one.docs[0]).not.toHaveProperty('workflow')
  const signedIn = (await (await request.get(`${cms}/api/resolutions?limit=1`, { headers: await as(request, 'editor') })).json()) as { docs: Record<string, unknown>[] }
  expect(signedIn.docs[0]).toHaveProperty('workflow')
  await anon.dispose()
})

test('after sign-off, a changed title needs a new sign-off, and a signer cannot rename themselves', async ({ request }) => {
  const title = `签发后改标题测试${token('t')}`
  const created = await request.post(`${cms}/api/resolutions?draft=true`, {
    headers: await as(request, 'editor'),
    data: { title, docType: '通知', issuer: '测试机关', adoptedAt: '2022-06-01T12:00:00.000Z', body: await markdownToRichText('正文。') },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const id = ((await created.json()) as { doc: { id: number } }).doc.id
  for (const [role, action] of [['editor', 'submit'], ['reviewer', 'pass'], ['signer', 'sign']]) {
    const step = await request.post(`${cms}/api/resolutions/${String(id)}/workflow`, { headers: await as(request, role!), data: { action } })
    expect(step.ok(), await step.text()).toBe(true)
  }
  const retitled = await request.patch(`${cms}/api/resolutions/${String(id)}?draft=true`, { headers: await as(request, 'editor'), data: { title: `${title}（改）` } })
  expect(retitled.ok(), await retitled.text()).toBe(true)
  const after = (await (await request.get(`${cms}/api/resolutions/${String(id)}?draft=true`, { headers: await as(request, 'editor') })).json()) as { workflow: { state: string } }
  expect(after.workflow.state).toBe('draft')
  const publish = await request.patch(`${cms}/api/resolutions/${String(id)}`, { headers: await as(request, 'editor'), data: { _status: 'published' }, failOnStatusCode: false })
  expect(publish.status()).toBe(400)

  const me = (await (await request.get(`${cms}/api/users/me`, { headers: await as(request, 'signer') })).json()) as { user: { id: number; name: string } }
  await request.patch(`${cms}/api/users/${String(me.user.id)}`, { headers: await as(request, 'signer'), data: { name: '区委书记' }, failOnStatusCode: false })
  const still = (await (await request.get(`${cms}/api/users/me`, { headers: await as(request, 'signer') })).json()) as { user: { name: string } }
  expect(still.user.name).toBe(me.user.name)
})

test('anonymous list requests are capped and file downloads are never cached', async ({ playwright, request }) => {
  const anon = await playwright.request.newContext()
  for (const query of ['limit=0', 'limit=100000', 'pagination=false', 'limit=0&pagination=false&depth=50']) {
    const res = await anon.get(`${cms}/api/news?${query}`)
    expect(res.ok()).toBe(true)
    const body = (await res.json()) as { docs: unknown[]; limit: number; totalDocs: number }
    expect(body.limit, query).toBeGreaterThan(0)
    expect(body.limit, query).toBeLessThanOrEqual(ANONYMOUS_MAX_LIMIT)
    expect(body.docs.length).toBeLessThanOrEqual(ANONYMOUS_MAX_LIMIT)
  }
  expect(((await (await anon.get(`${cms}/api/news?limit=0`)).json()) as { limit: number }).limit).toBe(ANONYMOUS_MAX_LIMIT)
  const [portrait] = ((await (await anon.get(`${cms}/api/media?limit=1`)).json()) as { docs: { filename: string }[] }).docs
  for (let i = 0; i < 2; i++) {
    const file = await anon.get(`${cms}/api/media/file/${portrait!.filename}`)
    expect(file.status()).toBe(200)
    expect(file.headers()['x-cache']).toBeUndefined()
  }
  // Signed-in readers still choose their own page size.
  const all = (await (await request.get(`${cms}/api/news?limit=0&depth=0`, { headers: await as(request, 'editor') })).json()) as { limit: number }
  expect(all.limit).not.toBe(ANONYMOUS_MAX_LIMIT)
  await anon.dispose()
})

test('an image whose pixel size would exhaust memory is refused before it is decoded, and nothing is stored', async ({ request }) => {
  // A valid 16384×16384 PNG of about 40 KB: decoding and resizing it would need gigabytes.
  const bomb = pngBomb(16384)
  const name = token('bomb')
  const res = await upload(request, `${name}.png`, bomb)
  expect(res.status()).toBe(400)
  expect(await res.text()).toContain('尺寸过大')
  expect(await stored(request, name)).toEqual({ docs: 0, files: 0 })
})

test('media cannot be created from a URL unless the operator allowed the address', async ({ request }) => {
  let hits = 0
  const image = await png(10, 200, 10)
  const server = http.createServer((_, res) => {
    hits++
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(image)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/internal.png`
  const name = token('byurl')
  const res = await request.post(`${cms}/api/media`, { headers: await as(request, 'editor'), data: { alt: '网址导入', filename: `${name}.png`, url }, failOnStatusCode: false })
  expect(res.status()).toBe(400)
  expect(await res.text()).toContain('不允许通过网址导入文件')
  expect(hits).toBe(0)
  expect(await stored(request, name)).toEqual({ docs: 0, files: 0 })
  const paste = await request.get(`${cms}/api/media/paste-url?src=${encodeURIComponent(url)}`, { headers: await as(request, 'editor'), failOnStatusCode: false })
  expect(paste.status()).toBe(400)
  expect(hits).toBe(0)
  server.close()
})

test('markup in a title, a body or a synonym is shown as text in search results, never run', async ({ request, page }) => {
  test.setTimeout(300_000)
  const word = token('xsssyn')
  const synonymOnly = token('synonly')
  const attack = (n: number) => `<img src=x onerror="window.__pwned=${String(n)}">`
  const settings = await request.post(`${cms}/api/globals/search-settings`, {
    headers: await as(request, 'admin'),
    data: { synonyms: [{ term: '创文', expansions: '创建全国文明城区' }, { term: '创城', expansions: '创建文明城市、创建全国文明城市' }, { term: word, expansions: `${attack(1)} ${synonymOnly}` }] },
  })
  expect(settings.ok(), await settings.text()).toBe(true)
  const slug = token('xssnews')
  const created = await request.post(`${cms}/api/news`, {
    headers: await as(request, 'editor'),
    data: { title: `${attack(2)}标题${slug}`, slug, date: '2022-06-02T12:00:00.000Z', category: '其他', body: await markdownToRichText(`正文提到 ${word}，以及 ${attack(3)} 这段文字。`), _status: 'published' },
  })
  expect(created.ok(), await created.text()).toBe(true)
  await until(request, `${site}/news/${slug}/`, 200, 240_000)

  for (const q of [word, synonymOnly]) {
    await page.goto(`${site}/search/?q=${encodeURIComponent(q)}`)
    await expect(page.locator('#search-status')).toContainText('共找到', { timeout: 30_000 })
    const result = page.locator('#search-results li', { hasText: slug })
    await expect(result).toHaveCount(1)
    expect(await result.locator('img').count()).toBe(0)
    expect(await result.locator('h2').textContent()).toContain('<img src=x')
  }
  // The body's markup and the synonym's markup are both shown as the characters they are.
  await page.goto(`${site}/search/?q=${encodeURIComponent(word)}`)
  await expect(page.locator('#search-results li', { hasText: slug }).locator('.excerpt')).toContainText('<img src=x onerror=')
  await page.goto(`${site}/search/?q=${synonymOnly}`)
  await expect(page.locator('#search-results li', { hasText: slug }).locator('.excerpt')).toContainText(`onerror="window.__pwned=1"> ${synonymOnly}`)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
})
