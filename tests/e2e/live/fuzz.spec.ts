import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'

import { type APIRequestContext, expect, test } from '@playwright/test'

import { seeded, seedFrom } from '../../lib/seeded.ts'
import { mutatedBody, type Template, templateFor } from './fuzz-bodies.ts'
import { as, cms, liveDir, token } from './helpers.ts'

// Random and malformed bodies for every collection's create and update, and every global's update, over
// REST, as an editor and anonymously: no answer may be a 5xx, a refused write may leave nothing behind,
// and the server keeps answering. FUZZ_SEED=<seed printed by a run> replays the same requests.

const COLLECTIONS = ['resolutions', 'bulletins', 'news', 'figures', 'bulletin-series', 'regions', 'topics', 'media', 'users', 'content-rules', 'preview-links', 'audit-log', 'publish-targets'] as const
const GLOBALS = ['search-settings', 'site-settings'] as const
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 700)

type Answer = { status: number; text: string }
type Sent = { what: string; marker: string; answer: Answer; created: boolean; carried: boolean }

test('a copy of another news item, row ids and all, is saved with rows of its own; the original keeps its rows', async ({ request }) => {
  const editor = await as(request, 'editor')
  const { docs } = (await (await request.get(`${cms}/api/news?limit=50&depth=0&draft=true&where[keyFigures.value][exists]=true`, { headers: editor })).json()) as { docs: { id: number; keyFigures: { id: string; value: string }[] }[] }
  const original = docs.find((d) => d.keyFigures.length > 0)!
  expect(original, 'the seed has a news item with 数说').toBeTruthy()
  const { id: _id, slug: _slug, createdAt: _c, updatedAt: _u, firstPublishedAt: _f, ...copy } = original as unknown as Record<string, unknown>
  const res = await request.post(`${cms}/api/news?draft=true`, { headers: editor, data: { ...copy, title: `复制的动态 ${token('fzcopy')}`, _status: 'draft' } })
  expect(res.status(), await res.text()).toBe(201)
  const made = ((await res.json()) as { doc: { id: number; keyFigures: { id: string; value: string }[] } }).doc
  expect(made.keyFigures.map((k) => k.value)).toEqual(original.keyFigures.map((k) => k.value))
  expect(made.keyFigures.some((k) => original.keyFigures.some((o) => o.id === k.id)), 'the copy got rows of its own').toBe(false)
  const after = (await (await request.get(`${cms}/api/news/${String(original.id)}?depth=0&draft=true`, { headers: editor })).json()) as { keyFigures: { id: string }[] }
  expect(after.keyFigures.map((k) => k.id)).toEqual(original.keyFigures.map((k) => k.id))
})

test('a reference to a missing document, a wrong type and a taken 文号 answer 400 naming the field, and write nothing', async ({ request }) => {
  const editor = await as(request, 'editor')
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['news', { title: token('fzref'), category: '其他', cover: 987_654 }, /“题图”引用的文档（编号 987654）不存在/],
    ['news', { title: token('fzref'), date: 'next tuesday' }, /“日期”的格式不正确/],
    ['news', { title: token('fzref'), keyFigures: 'many' }, /“数说”的格式不正确/],
    ['figures', { name: token('fzref'), story: { root: { type: 'root', children: 'x' } } }, /“事迹”的格式不正确/],
    ['resolutions', { title: token('fzref'), slug: 'mentougou-2021-23' }, /“网址标识”/],
  ]
  for (const [slug, data, message] of cases) {
    const res = await request.post(`${cms}/api/${slug}?draft=true`, { headers: editor, data: { ...data, _status: 'draft' } })
    const text = await res.text()
    expect(res.status(), text).toBe(400)
    expect(text).toMatch(message)
    const marker = (data.title ?? data.name) as string
    expect(markersInDatabase([marker]), `${slug}: nothing written`).toEqual([])
  }
})

test('null for a group or a list clears it: the write is saved, not a 500 (found by FUZZ_SEED=1620253596)', async ({ request }) => {
  const editor = await as(request, 'editor')
  const { docs } = (await (await request.get(`${cms}/api/bulletins?limit=1&depth=0&draft=true`, { headers: editor })).json()) as { docs: { id: number }[] }
  const res = await request.patch(`${cms}/api/bulletins/${String(docs[0]!.id)}?draft=true`, { headers: editor, data: { distribution: null, topics: null, _status: 'draft' } })
  expect(res.status(), await res.text()).toBe(200)
  const after = ((await res.json()) as { doc: { distribution: Record<string, unknown> | null; topics: unknown[] } }).doc
  expect(Object.values(after.distribution ?? {}).filter(Boolean)).toEqual([])
  expect(after.topics).toEqual([])
})

test('no random or malformed write answers 5xx, leaves half a document, or stops the server', async ({ request, playwright }) => {
  test.setTimeout(600_000)
  const seed = seedFrom('FUZZ_SEED')
  console.log(`fuzz: seed ${String(seed)} (replay: FUZZ_SEED=${String(seed)})`)
  const rand = seeded(seed)
  const editor = await as(request, 'editor')
  const anon = await playwright.request.newContext()

  const send = async (method: 'POST' | 'PATCH', url: string, body: string, headers: Record<string, string>): Promise<Answer> => {
    const res = await request.fetch(`${cms}${url}`, { method, headers: { ...headers, 'content-type': 'application/json' }, data: body, failOnStatusCode: false, timeout: 60_000 })
    return { status: res.status(), text: (await res.text()).slice(0, 400) }
  }

  // A valid document of each collection (made now, so updates never touch another test's documents) and
  // the row ids other documents hold, to copy into bodies.
  const templates = new Map<string, Template>()
  for (const slug of COLLECTIONS) templates.set(slug, await templateFor(request, slug, editor, rand))
  const foreignRowIds = await rowIdsOfOthers(request, editor)
  const globalsBefore = new Map<string, unknown>()
  for (const slug of GLOBALS) globalsBefore.set(slug, await (await request.get(`${cms}/api/globals/${slug}?depth=0`, { headers: editor })).json())

  const sent: Sent[] = []
  const failures: string[] = []
  for (let n = 0; n < REQUESTS; n++) {
    const isGlobal = rand.random() < 0.05
    // The globals are written anonymously only (refused): the security tests beside this one set 搜索设置.
    const anonymous = isGlobal || rand.random() < 0.2
    const headers = anonymous ? {} : editor
    const slug = isGlobal ? rand.pick(GLOBALS) : rand.pick(COLLECTIONS)
    const template = isGlobal ? { base: globalsBefore.get(slug) as Record<string, unknown>, id: null, titleField: null } : templates.get(slug)!
    const update = isGlobal || (template.id !== null && rand.random() < 0.5)
    const { body, marker, mutations } = mutatedBody(rand, template, foreignRowIds, !update)
    const draft = rand.random() < 0.7 ? '?draft=true' : ''
    const url = isGlobal ? `/api/globals/${slug}` : update ? `/api/${slug}/${String(template.id)}${draft}` : `/api/${slug}${draft}`
    const method = isGlobal || !update ? 'POST' : 'PATCH'
    const answer = anonymous ? await sendAnon(anon, method, url, body) : await send(method, url, body, headers)
    const what = `#${String(n)} ${anonymous ? 'anonymous' : 'editor'} ${method} ${url} [${mutations.join(', ')}]`
    sent.push({ what, marker, answer, created: !update, carried: Boolean(marker) && body.includes(marker) })
    if (answer.status >= 500) failures.push(`${what}: ${String(answer.status)} ${answer.text}\n  body: ${body.slice(0, 600)}`)
    if (anonymous && answer.status < 400) failures.push(`${what}: an anonymous write was not refused`)
    if (n % 50 === 49) expect((await request.get(`${cms}/api/news?limit=1`, { timeout: 30_000 })).status(), `the server stopped answering after ${what}`).toBe(200)
  }

  expect(failures, `seed ${String(seed)}: ${String(failures.length)} of ${String(sent.length)} requests\n${failures.slice(0, 30).join('\n')}`).toEqual([])
  // A refused write leaves nothing: no table of the database holds its marker.
  const refused = sent.filter((s) => s.answer.status >= 400 && s.carried)
  const leftovers = markersInDatabase(refused.map((s) => s.marker))
  expect(leftovers.map((m) => refused.find((s) => s.marker === m)!.what), `seed ${String(seed)}: refused writes left data behind`).toEqual([])
  // The control: accepted creates are found by the same scan (updates may be overwritten by later ones).
  const accepted = sent.filter((s) => s.answer.status < 300 && s.created && s.carried)
  const stored = new Set(markersInDatabase(accepted.map((s) => s.marker)))
  expect(accepted.filter((s) => !stored.has(s.marker)).map((s) => s.what), 'accepted creates missing from the database').toEqual([])

  const counts = new Map<number, number>()
  for (const s of sent) counts.set(s.answer.status, (counts.get(s.answer.status) ?? 0) + 1)
  const byStatus = [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${String(status)}×${String(n)}`)
  console.log(`fuzz: seed ${String(seed)}, ${String(sent.length)} requests, 0 answered 5xx (${byStatus.join(' ')})`)
  await anon.dispose()
})

const sendAnon = async (anon: APIRequestContext, method: 'POST' | 'PATCH', url: string, body: string): Promise<Answer> => {
  const res = await anon.fetch(`${cms}${url}`, { method, headers: { 'content-type': 'application/json' }, data: body, failOnStatusCode: false, timeout: 60_000 })
  return { status: res.status(), text: (await res.text()).slice(0, 400) }
}

/** Array-row ids of documents the fuzz did not make (the seeded news' 数说, the bulletins' sections and items). */
const rowIdsOfOthers = async (request: APIRequestContext, headers: Record<string, string>) => {
  const ids: string[] = []
  for (const slug of ['news', 'bulletins', 'figures']) {
    const res = await request.get(`${cms}/api/${slug}?limit=20&depth=0&draft=true&sort=id`, { headers })
    expect(res.status(), await res.text()).toBe(200)
    const { docs } = (await res.json()) as { docs: unknown[] }
    JSON.stringify(docs, (key, value: unknown) => {
      if (key === 'id' && typeof value === 'string') ids.push(value)
      return value
    })
  }
  expect(ids.length, 'the seed content has array rows to copy ids from').toBeGreaterThan(5)
  return ids
}

/** Which of `markers` occur anywhere in the live database (every table, every text value). */
const markersInDatabase = (markers: string[]) => {
  const wanted = markers.filter(Boolean)
  const db = new DatabaseSync(path.join(liveDir, 'live.db'), { readOnly: true })
  try {
    const found = new Set<string>()
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate()) {
        const text = JSON.stringify(row)
        if (!text.includes('fz')) continue
        for (const marker of wanted) if (text.includes(marker)) found.add(marker)
      }
    }
    return [...found]
  } finally {
    db.close()
  }
}
