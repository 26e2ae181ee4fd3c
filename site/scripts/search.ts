/**
 * The search page: reads `q`, `sort` and filters from the URL, queries the Pagefind index and renders
 * results (title, type, date, highlighted excerpt) with an announced status line. A document number in
 * any common spelling (门常发[2021]23号, 门常发2021年23号 …) is searched in its canonical form.
 */
import { docNumberToken, looksLikeDocNumber, normalizeDocNumber } from '../../cms/lib/docNumber.ts'
import { chineseDate } from '../lib/dates.ts'
import { escapeHtml } from '../lib/html.ts'
import { joinWords, splitWords } from '../lib/segment.ts'

interface PagefindResultData {
  url: string
  excerpt: string
  meta: Record<string, string | undefined>
  filters: Record<string, string[]>
}
interface RawResult {
  id: string
  score: number
  data: () => Promise<PagefindResultData>
}
interface PagefindInstance {
  search: (
    q: string | null,
    o: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: RawResult[] } | null>
}
interface PagefindModule {
  createInstance: (o: Record<string, unknown>) => PagefindInstance & { preload: (q: string, o: object) => Promise<void> }
}
/** `/pagefind/partitions.json`, written with each release (publisher/search-index.ts). */
interface Partitions {
  /** Newest first; `since`: the first day of the newest partition, which may start inside a year. */
  base: { path: string; from: number | null; to: number | null; since: string | null; pages: number }[]
  delta: { path: string; dates: Record<string, string | null> } | null
  removed: string[]
}

/**
 * Results shown at first, and added by each 显示更多结果: each result fetches its own fragment (its text
 * and excerpt), so the first screen of a phone costs five, not ten (Pagefind's own interface shows five).
 */
const FIRST_PAGE = 5
const PAGE = 10

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T

/** What the user typed, as the index knows it. */
export const searchTerm = (raw: string): string => {
  const q = raw.trim()
  return looksLikeDocNumber(q) ? normalizeDocNumber(q) : q
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
/** Text with HTML character references resolved (Pagefind's excerpts may carry them). */
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[ref.toLowerCase()] ?? whole
  })

/**
 * The excerpt as DOM nodes: Pagefind marks hits with <mark>; everything else is text, so markup that
 * came from a page (or a synonym) is shown as the characters it is, never run. The index holds its text
 * split into words (site/lib/segment.ts); the spaces between them are taken out again here.
 */
export const excerptElement = (excerpt: string): HTMLParagraphElement => {
  const p = document.createElement('p')
  p.className = 'excerpt'
  let target: HTMLElement = p
  for (const part of joinWords(excerpt).split(/(<\/?mark>)/)) {
    if (part === '<mark>') target = p.appendChild(document.createElement('mark'))
    else if (part === '</mark>') target = p
    else if (part) target.append(decodeEntities(part))
  }
  return p
}

/**
 * Files Pagefind fetches one after the other when an instance starts (its entry file, then its metadata
 * and WebAssembly), downloaded here at once, in parallel with Pagefind's script: Pagefind's own requests
 * for them are answered from these downloads. The WebAssembly is the same file in every partition of a
 * release (one Pagefind version builds them all), so it is downloaded once for all of them.
 */
const earlyDownloads = () => {
  const plain = window.fetch.bind(window)
  const downloads = new Map<string, Promise<ArrayBuffer>>()
  /** The download's key: the path without Pagefind's cache-busting query; the WebAssembly by file name. */
  const keyOf = (url: URL) => /^\/pagefind\/[^/]+\/(wasm\.[\w-]+\.pagefind)$/.exec(url.pathname)?.[1] ?? url.pathname
  const urlOf = (input: RequestInfo | URL) => new URL(input instanceof Request ? input.url : String(input), location.href)
  const download = (key: string, input: RequestInfo | URL, init?: RequestInit) => {
    let found = downloads.get(key)
    if (!found) {
      found = plain(input, init).then((res) => {
        if (!res.ok) throw new Error(`HTTP ${String(res.status)}`)
        return res.arrayBuffer()
      })
      found.catch(() => downloads.delete(key))
      downloads.set(key, found)
    }
    return found
  }
  window.fetch = (input, init) => {
    const url = urlOf(input)
    const key = keyOf(url)
    if (url.origin !== location.origin || !downloads.has(key)) return plain(input, init)
    return download(key, input, init).then((bytes) => new Response(bytes.slice(0)))
  }
  const start = (path: string) => download(keyOf(urlOf(path)), path)
  /**
   * Starts downloading what the instance at `path` will ask for first. The index's language has no
   * stemmer (INDEX_LANGUAGE), so its WebAssembly is Pagefind's "unknown" one, which needs no entry file.
   */
  return (path: string) => {
    void start(`${path}wasm.unknown.pagefind`)
    void start(`${path}pagefind-entry.json`)
      .then((bytes) => {
        const entry = JSON.parse(new TextDecoder().decode(bytes)) as { languages: Record<string, { hash: string }> }
        for (const { hash } of Object.values(entry.languages)) void start(`${path}pagefind.${hash}.pf_meta`)
      })
      .catch(() => undefined)
  }
}

export const startSearch = async () => {
  // User Timing marks, read by the benchmark (bench/lib/probe.ts) on the page's own clock.
  performance.mark('search:start')
  const form = $<HTMLFormElement>('search-form')
  const input = $<HTMLInputElement>('search-q')
  const sortSelect = $<HTMLSelectElement>('search-sort')
  const filtersBox = $<HTMLDivElement>('search-filters')
  const status = $<HTMLParagraphElement>('search-status')
  const list = $<HTMLOListElement>('search-results')
  const more = $<HTMLButtonElement>('search-more')
  const empty = $<HTMLDivElement>('search-empty')

  const params = new URLSearchParams(location.search)
  input.value = params.get('q') ?? ''
  sortSelect.value = params.get('sort') ?? ''

  status.textContent = '正在载入搜索索引…'
  let partitions: Partitions
  let pagefind: PagefindModule
  const instances = new Map<string, Promise<PagefindInstance>>()
  let lastCreated: Promise<unknown> = Promise.resolve()
  /**
   * One Pagefind instance per partition, created when first needed (its index files load then). All of
   * them live in the one WebAssembly instance Pagefind's script keeps per page: instances that start at
   * the same time would each start their own, the second replacing the first under it, so each is
   * created once the one before has finished starting.
   */
  const instance = (path: string) => {
    let found = instances.get(path)
    if (!found) {
      found = lastCreated
        .catch(() => undefined)
        .then(async () => {
          const created = pagefind.createInstance({ basePath: path, excerptLength: 40, noWorker: true })
          // Without a worker, init() does not wait for the index to start; a preload of nothing does.
          await created.preload('', {})
          return created
        })
      lastCreated = found
      instances.set(path, found)
    }
    return found
  }
  try {
    // The page preloads this file; the server has browsers revalidate it on every load (it changes with
    // each release), so the request's cache mode stays the default one, which the preload matches.
    partitions = (await (await fetch('/pagefind/partitions.json')).json()) as Partitions
    const first = partitions.base[0]
    if (!first) throw new Error('no search index')
    const startDownloads = earlyDownloads()
    startDownloads(first.path)
    if (partitions.delta) startDownloads(partitions.delta.path)
    pagefind = (await import(/* @vite-ignore */ `${first.path}pagefind.js`)) as PagefindModule
    // The first (newest) partition and the delta are what a first search needs: load them now.
    void instance(first.path)
    if (partitions.delta) void instance(partitions.delta.path)
  } catch {
    status.textContent = '搜索索引暂时无法载入，请稍后刷新页面重试。'
    return
  }
  const removed = new Set(partitions.removed)

  // Filter checkboxes are printed by the page; restore them from the URL and search on change.
  for (const box of filtersBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = params.getAll(box.name).includes(box.value)
    box.addEventListener('change', () => form.requestSubmit())
  }
  filtersBox.hidden = filtersBox.childElementCount === 0

  interface Hit {
    raw: RawResult
    /**
     * Score relative to the best hit of its own partition: Pagefind's scores come from each index's own
     * statistics and do not compare across indexes. On equal footing the delta (newer edits) goes first.
     */
    norm: number
    delta?: boolean
    /** Known for delta hits; for base hits read from the result's data when needed (date order). */
    date?: string | null
    data?: Promise<PagefindResultData>
  }
  const dataOf = (hit: Hit) => (hit.data ??= hit.raw.data())
  const dateOf = async (hit: Hit) => (hit.date !== undefined ? hit.date : ((await dataOf(hit)).meta.date ?? null))

  // The current search: base partitions still to consult (in the order the sort needs), the hits found.
  let query: { q: string | null; filters: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> } = { q: null, filters: {} }
  let pending: Partitions['base'] = []
  let baseHits: Hit[] = []
  let deltaHits: Hit[] = []
  let ordered: Hit[] = []
  let offset = 0
  let searchId = 0
  /** A document number's index word and the number it stands for, shown in its place in excerpts. */
  let excerptWords: [string, string] | null = null

  const searchIn = async (path: string): Promise<Hit[]> => {
    const results = ((await (await instance(path)).search(query.q, { filters: query.filters, sort: query.sort }))?.results ?? []).filter((r) => !removed.has(r.id))
    const best = Math.max(...results.map((r) => r.score), Number.MIN_VALUE)
    return results.map((raw) => ({ raw, norm: raw.score / best }))
  }

  /** Merges the delta's hits into the base hits: by date when sorting by date, else by score. */
  const merge = async () => {
    if (!query.sort) {
      const shown = new Set(ordered.slice(0, offset))
      const rest = [...baseHits, ...deltaHits].filter((h) => !shown.has(h))
      ordered = [...ordered.slice(0, offset), ...rest.sort((x, y) => y.norm - x.norm || Number(Boolean(y.delta)) - Number(Boolean(x.delta)))]
      return
    }
    const desc = query.sort.date === 'desc'
    const shown = new Set(ordered.slice(0, offset))
    const base = baseHits.filter((h) => !shown.has(h))
    const delta = deltaHits.filter((h) => !shown.has(h))
    const merged: Hit[] = []
    let i = 0
    for (const d of delta) {
      const dDate = d.date ?? ''
      // Base hits come in date order; place each delta hit among them by its date.
      while (i < base.length) {
        const bDate = (await dateOf(base[i]!)) ?? ''
        if (desc ? bDate >= dDate : bDate <= dDate) merged.push(base[i++]!)
        else break
      }
      merged.push(d)
    }
    ordered = [...ordered.slice(0, offset), ...merged, ...base.slice(i)]
  }

  /** Consults the next base partition; false when there is none left. */
  const consultNext = async () => {
    const next = pending.shift()
    if (!next) return false
    baseHits = [...baseHits, ...(await searchIn(next.path))]
    await merge()
    return true
  }

  const years = () => [...filtersBox.querySelectorAll<HTMLInputElement>('input[name="年份"]:checked')].map((b) => Number(b.value))
  const covers = (p: Partitions['base'][number], year: number) => p.from === null || (year >= (p.from ?? 0) && year <= (p.to ?? 9999))
  /**
   * The partitions a search consults, in order: only the years asked for; oldest first for 旧→新. A
   * document number names its year: that year's partition is consulted first, and on its own when it
   * answers (`answeredBy`).
   */
  let answeredBy: Partitions['base'] = []
  const plan = (numberYear: number | null): Partitions['base'] => {
    const wanted = years()
    const chosen = wanted.length ? partitions.base.filter((p) => wanted.some((y) => covers(p, y))) : partitions.base
    const inOrder = query.sort?.date === 'asc' ? [...chosen].reverse() : [...chosen]
    answeredBy = numberYear === null ? [] : inOrder.filter((p) => covers(p, numberYear))
    return [...answeredBy, ...inOrder.filter((p) => !answeredBy.includes(p))]
  }

  const render = async (first = false) => {
    // Fill a page from the partitions consulted so far; consult older ones while it is not full (on the
    // first page of a document number's search, only while its own year has not answered).
    const answered = () => first && answeredBy.length > 0 && ordered.length > 0 && !pending.some((p) => answeredBy.includes(p))
    const size = first ? FIRST_PAGE : PAGE
    while (ordered.length < offset + size && !answered() && (await consultNext())) {
      /* keep consulting */
    }
    const slice = ordered.slice(offset, offset + size)
    const data = await Promise.all(slice.map(dataOf))
    for (const d of data) {
      const li = document.createElement('li')
      const type = d.meta.type ?? d.filters['类型']?.[0] ?? ''
      li.innerHTML =
        `<h2><a href="${escapeHtml(d.url)}">${escapeHtml(d.meta.title ?? d.url)}</a></h2>` +
        `<p class="meta">${type ? `<span class="tag">${escapeHtml(type)}</span>` : ''}${d.meta.date ? `<time datetime="${escapeHtml(d.meta.date)}">${escapeHtml(d.meta.date)}</time>` : ''}</p>`
      li.append(excerptElement(excerptWords ? d.excerpt.replaceAll(excerptWords[0], excerptWords[1]) : d.excerpt))
      list.append(li)
    }
    offset += slice.length
    more.hidden = offset >= ordered.length && pending.length === 0
    more.textContent = offset >= ordered.length ? '检索更早年份的文件' : '显示更多结果'
  }

  const statusText = () => {
    const consulted = partitions.base.filter((p) => !pending.includes(p))
    const newestFirst = consulted.every((p) => partitions.base.indexOf(p) < consulted.length)
    const ranges = consulted.map((p) => (p.from === p.to ? String(p.from) : `${String(p.from)}–${String(p.to)}`)).join('、')
    const oldest = consulted.at(-1)
    const newestSince = oldest?.since ? chineseDate(oldest.since) : `${String(oldest?.from ?? '')} 年`
    const scope = pending.length === 0 ? '' : newestFirst ? `（已检索 ${newestSince}以来的文件）` : `（已检索 ${ranges} 年的文件）`
    return `共找到 ${String(ordered.length)} 条结果${query.sort ? '（按日期排序）' : ''}${scope}`
  }

  const run = async () => {
    const id = ++searchId
    const q = searchTerm(input.value)
    // A document number is looked up as the one word the index stores for it (docNumberToken).
    const numberToken = looksLikeDocNumber(q) ? docNumberToken(q) : null
    const filters: Record<string, { any: string[] }> = {}
    for (const box of filtersBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
      ;(filters[box.name] ??= { any: [] }).any.push(box.value)
    }
    const sort = sortSelect.value === 'date-desc' ? { date: 'desc' as const } : sortSelect.value === 'date-asc' ? { date: 'asc' as const } : undefined
    list.innerHTML = ''
    empty.hidden = true
    more.hidden = true
    if (!q && Object.keys(filters).length === 0) {
      status.textContent = '请输入关键词，或选择筛选条件。'
      return
    }
    status.textContent = '正在搜索…'
    const started = performance.now()
    // Split into words as the index was (site/lib/segment.ts); Pagefind does not split them again.
    query = { q: numberToken ?? (q ? splitWords(q).trim() : null), filters, sort }
    excerptWords = numberToken ? [numberToken, q] : null
    pending = plan(numberToken ? Number(/〔(\d{4})〕/.exec(q)?.[1]) : null)
    baseHits = []
    ordered = []
    offset = 0
    deltaHits = partitions.delta ? (await searchIn(partitions.delta.path)).map((h): Hit => ({ ...h, delta: true, date: partitions.delta!.dates[h.raw.id] ?? null })) : []
    if (sort) deltaHits.sort((x, y) => ((x.date ?? '') < (y.date ?? '') ? -1 : 1) * (sort.date === 'desc' ? -1 : 1))
    await merge()
    await render(true)
    if (id !== searchId) return
    if (ordered.length === 0) {
      status.textContent = q ? `没有找到与“${q}”相关的内容。` : '没有符合筛选条件的内容。'
      empty.hidden = false
      return
    }
    status.textContent = `${q ? `“${q}”` : '筛选结果'}：${statusText()}。`
    list.dataset.ms = String(Math.round(performance.now() - started))
    performance.mark('search:results')
    document.title = `${q || '筛选'} - 站内搜索 - 门头沟区文明创建`
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const next = new URLSearchParams()
    if (input.value.trim()) next.set('q', input.value.trim())
    if (sortSelect.value) next.set('sort', sortSelect.value)
    for (const box of filtersBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) next.append(box.name, box.value)
    history.replaceState(null, '', `?${next.toString()}`)
    void run()
  })
  sortSelect.addEventListener('change', () => form.requestSubmit())
  more.addEventListener('click', () => {
    const first = list.children.length
    void render().then(() => {
      status.textContent = `${query.q ? `“${query.q}”` : '筛选结果'}：${statusText()}。`
      ;(list.children[first]?.querySelector('a') as HTMLElement | null)?.focus()
    })
  })

  await run()
}
