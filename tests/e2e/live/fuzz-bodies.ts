// Bodies for the REST fuzz test (fuzz.spec.ts): a valid document of each collection, bent by a few
// random mutations — wrong types, huge strings, deep nesting, row ids of other documents, unknown fields,
// bad relation ids, malformed rich text and dates — or replaced by bytes that are not a JSON object.
import { type APIRequestContext, expect } from '@playwright/test'

import type { Seeded } from '../../lib/seeded.ts'
import { as, cms } from './helpers.ts'

type Data = Record<string, unknown>

// Markers and unique values end with this run's nonce: a replay (same seed, same requests) on a database
// that an earlier run wrote to must neither clash with its documents nor find its markers.
const NONCE = Date.now().toString(36)
/** Issue numbers this run gives the bulletins it creates, counting up (unique per series, across runs too). */
let nextIssue = 1e10 + (Date.now() % 1e9) * 1000

/** A collection's valid body, the id of a document the fuzz owns (updates go there), and where the marker goes. */
export interface Template {
  base: Data
  id: number | null
  titleField: string | null
}

const SYSTEM = ['id', 'createdAt', 'updatedAt', '_status', 'firstPublishedAt', 'contentChecks', 'workflow', 'sizes', 'url', 'thumbnailURL', 'filename', 'filesize', 'mimeType', 'width', 'height', 'focalX', 'focalY', 'loginAttempts', 'lockUntil', 'sessions', 'hash', 'salt']
const TITLES = ['title', 'name', 'text', 'alt', 'docTitle']
/** Where the marker goes when the title is not stored as sent (a bulletin's title is made from its series and issue). */
const MARKED: Record<string, string> = { bulletins: 'distribution' }
const RELATIONS = ['region', 'regions', 'topics', 'cover', 'series', 'portrait', 'policies', 'interprets', 'sourceBulletin', 'attachments', 'createdBy', 'user']

/** Puts `marker` in the field: text fields take it, a group takes it in each of its text fields. */
const mark = (body: Data, field: string, marker: string) => {
  const value = body[field]
  if (value && typeof value === 'object' && !Array.isArray(value)) body[field] = Object.fromEntries(Object.keys(value).map((k) => [k, marker]))
  else body[field] = marker
}

/** Rows' ids removed everywhere in a copied document (the copy gets rows of its own). */
const withoutRowIds = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(withoutRowIds) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id').map(([k, v]) => [k, withoutRowIds(v)])) : value

/** A fresh valid document of `slug`, copied from one the seed made, or an empty template where there is none to read. */
export const templateFor = async (request: APIRequestContext, slug: string, headers: Record<string, string>, rand: Seeded): Promise<Template> => {
  const admin = await as(request, 'admin')
  const list = await request.get(`${cms}/api/${slug}?limit=1&depth=0&draft=true&sort=id`, { headers: admin })
  const doc = list.ok() ? ((await list.json()) as { docs: Data[] }).docs[0] : undefined
  if (!doc) return { base: {}, id: null, titleField: null }
  const base = Object.fromEntries(Object.entries(doc).filter(([k]) => !SYSTEM.includes(k)).map(([k, v]) => [k, withoutRowIds(v)])) as Data
  const titleField = MARKED[slug] ?? TITLES.find((t) => typeof base[t] === 'string') ?? null
  const unique = `${rand.token('fzbase')}${NONCE}`
  if ('slug' in base) base.slug = unique
  if ('docNumber' in base) delete base.docNumber
  if ('issueNumber' in base) base.issueNumber = nextIssue++
  if ('email' in base) base.email = `${unique}@example.com`
  if (titleField) mark(base, titleField, unique)
  if (['media', 'users', 'audit-log', 'preview-links', 'publish-targets'].includes(slug)) return { base, id: null, titleField }
  const res = await request.post(`${cms}/api/${slug}?draft=true`, { headers, data: { ...base, _status: 'draft' }, failOnStatusCode: false })
  expect(res.status(), `the fuzz's own ${slug}: ${await res.text()}`).toBe(201)
  return { base, id: ((await res.json()) as { doc: { id: number } }).doc.id, titleField }
}

const nested = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let value = leaf
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value }
  return value
}

const weird = (rand: Seeded): unknown =>
  rand.pick([
    () => rand.int(-1e9, 1e9),
    () => rand.random() * 1e308,
    () => true,
    () => null,
    () => '',
    () => rand.token('fzv'),
    () => [],
    () => ({}),
    () => [rand.int(0, 9), rand.token('fzv')],
    () => ({ [rand.token('k')]: { nested: [1, { x: null }] } }),
    () => '\u0000\u202e<script>alert(1)</script>',
    () => -0,
    () => '2021-13-45T99:99:99Z',
  ])()

const badRelation = (rand: Seeded): unknown =>
  rand.pick([999_999, -1, 0, 1.5, 'abc', '1; DROP TABLE news', { relationTo: 'users', value: 1 }, [999_999], [{}], [1, 1, 999_998], { id: 999_997 }, 2 ** 60])

const badRichText = (rand: Seeded): unknown =>
  rand.pick([
    { root: 'x' },
    { root: { type: 'root', children: 'x' } },
    { root: { type: 'root', children: [{ type: 'no-such-node', children: 5 }] } },
    { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 12, format: 'bold' }] }] } },
    nested(rand.int(50, 400), { type: 'text', text: 'x' }, false),
    [],
  ])

const DEEP = '__fz_deep__'

/** The JSON text of a value nested `depth` levels deep in arrays or objects. */
const deepJson = (depth: number, open: string) => (open === '[' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)

type Mutation = (rand: Seeded, body: Data, foreign: string[]) => string

/** Each mutation bends the body and says what it did (printed with a failure, to read it back). */
const MUTATIONS: Mutation[] = [
  function wrongType(rand, body) {
    const key = rand.pick([...Object.keys(body), 'title', 'date', 'issueNumber'])
    body[key] = weird(rand)
    return `wrong type ${key}`
  },
  function hugeString(rand, body) {
    const key = rand.pick([...Object.keys(body).filter((k) => typeof body[k] === 'string'), 'summary'])
    const length = rand.pick([10_000, 300_000, 1_200_000])
    body[key] = 'x'.repeat(length)
    return `huge ${key} ${String(length)}`
  },
  function deepNesting(rand, body) {
    const key = rand.pick([...Object.keys(body), 'extra'])
    const depth = rand.pick([64, 1_000, 5_000])
    // Written into the JSON text afterwards: this process's JSON.stringify would overflow its own stack.
    body[key] = `${DEEP}${String(depth)}${rand.random() < 0.5 ? '[' : '{'}`
    return `nested ${key} ${String(depth)}`
  },
  function foreignRowIds(rand, body, foreign) {
    const arrays = Object.keys(body).filter((k) => Array.isArray(body[k]) && (body[k] as unknown[]).every((r) => r && typeof r === 'object'))
    const key = rand.pick([...arrays, 'keyFigures'])
    const rows = Array.isArray(body[key]) && (body[key] as unknown[]).length ? (body[key] as Data[]) : [{ value: '1', label: '一', title: '一', heading: '一' }]
    const twice = rand.random() < 0.3
    const id = rand.pick(foreign)
    body[key] = [...rows, ...rows].map((row, i) => ({ ...row, id: twice ? id : (foreign[(i + rand.int(0, foreign.length)) % foreign.length] ?? id) }))
    return `row ids of others in ${key}${twice ? ' (repeated)' : ''}`
  },
  function unknownFields(rand, body) {
    const key = rand.pick(['unknownField', 'constructor', 'prototype', 'id', 'createdAt', '_status', 'workflow', 'firstPublishedAt', 'hash', 'roles'])
    body[key] = key === '_status' ? rand.pick(['weird', 'published', 7]) : key === 'workflow' ? { state: rand.pick(['signed', 'x']), history: 'x' } : weird(rand)
    return `unknown or system field ${key}`
  },
  function protoKey(rand, body) {
    // JSON.parse makes "__proto__" an own property: the server must not treat it as the prototype.
    body.__fz_proto__ = { polluted: rand.token('fzp') }
    return 'key __proto__'
  },
  function badRelations(rand, body) {
    const key = rand.pick(RELATIONS)
    body[key] = badRelation(rand)
    return `bad relation ${key}`
  },
  function garbageRows(rand, body) {
    const key = rand.pick(['keyFigures', 'sections', 'honors', 'synonyms', 'attachments', 'roles'])
    body[key] = rand.pick([[1, 'a', null], 'not a list', [[]], [{ blockType: 'nope' }], { 0: { value: 1 } }])
    return `garbage rows ${key}`
  },
  function badRichTextField(rand, body) {
    const key = rand.pick(['body', 'story', 'summary'])
    body[key] = badRichText(rand)
    return `bad rich text ${key}`
  },
  function badDates(rand, body) {
    const key = rand.pick(['date', 'adoptedAt', 'publishedAt', 'expiresAt'])
    body[key] = rand.pick(['not a date', '99999-01-01', 1e20, -1, '2021-02-30', { $gt: '' }])
    return `bad date ${key}`
  },
]

/** Bodies that are not a JSON object at all. */
const RAW = ['{', '{"title": ', 'null', '[]', '"a string"', '12', '{"a":1}{"b":2}', '\u0000\u0001\u0002', '{"title":"\\ud800"}', '{"__proto__":{"x":1}}', '']

/** A body for one request, the marker it carries in its title field, and the mutations applied. */
export const mutatedBody = (rand: Seeded, template: Template, foreign: string[], creating: boolean): { body: string; marker: string; mutations: string[] } => {
  if (rand.random() < 0.06) {
    const raw = rand.pick(RAW)
    return { body: raw, marker: '', mutations: [`raw ${JSON.stringify(raw)}`] }
  }
  const body = structuredClone(template.base)
  const marker = `${rand.token('fz')}${NONCE}`
  if (template.titleField) mark(body, template.titleField, marker)
  else body.title = marker
  if (creating) {
    if ('slug' in body) body.slug = marker
    if ('issueNumber' in body) body.issueNumber = nextIssue++
    if ('email' in body) body.email = `${marker}@example.com`
  }
  const mutations: string[] = []
  for (let i = rand.int(1, 3); i > 0; i--) mutations.push(rand.pick(MUTATIONS)(rand, body, foreign))
  if (rand.random() < 0.85) body._status = 'draft'
  const text = JSON.stringify(body)
    .replace('"__fz_proto__"', '"__proto__"')
    .replace(new RegExp(`"${DEEP}(\\d+)([[{])"`, 'g'), (_, depth: string, open: string) => deepJson(Number(depth), open))
  return { body: text, marker, mutations }
}
