/**
 * The search page: reads `q`, `sort` and filters from the URL, queries the Pagefind index and renders
 * results (title, type, date, highlighted excerpt) with an announced status line. A document number in
 * any common spelling (门常发[2021]23号, 门常发2021年23号 …) is searched in its canonical form.
 */
import { docNumberToken, looksLikeDocNumber, normalizeDocNumber, partialDocNumber, withDocNumbersWritten } from '../../cms/lib/docNumber.ts'
import { ABBREVIATIONS, mergeGroups, queryVariants } from '../lib/abbreviations.ts'
import { chineseDate } from '../lib/dates.ts'
import { decodeEntities, escapeHtml } from '../lib/html.ts'
import { NUMBER_NAMED, PHRASE, WORDS_ONLY, phraseRank, quotedPhrase } from '../lib/phrase.ts'
import { queryText } from '../lib/search-text.ts'
import { TITLE_WORD_SEPARATOR, joinWords } from '../lib/segment.ts'
import { queryWordsSplitter } from './query-words.ts'
import { filterCounter } from './search-counts.ts'
import { type Hit, ResultOrder, bestPerPage, dataOf } from './search-hits.ts'
import type { PagefindInstance, PagefindModule, Partition, Partitions, SearchIndex } from './search-start.ts'

/**
 * Results shown at first, and added by each 显示更多结果: each result fetches its own fragment (its text
 * and excerpt), so the first screen of a phone costs five, not ten (Pagefind's own interface shows five).
 */
const FIRST_PAGE = 5
const PAGE = 10
/**
 * The most index bytes (Pagefind's files, as transferred) a search consults on its own: older partitions
 * are consulted while the next one, costing about what the last one did, still fits; beyond that only when
 * the reader asks (检索更早年份的文件), each time within the same budget again. A query that no page holds
 * would otherwise load every partition of the archive (1.4 MB at 10,000 documents, growing with it).
 */
const BYTE_BUDGET = 220_000

/** Bytes transferred so far for Pagefind's files (the search page's own resource timings). */
const indexBytes = () =>
  performance
    .getEntriesByType('resource')
    .filter((e) => e.name.includes('/pagefind/'))
    .reduce((sum, e) => sum + (e as PerformanceResourceTiming).transferSize, 0)

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T

/**
 * What the user typed, as the index knows it: in the index's form (site/lib/search-text.ts: traditional
 * characters, full-width digits, dates in Chinese numerals), a document number in its canonical spelling.
 */
export const searchTerm = (raw: string): string => {
  const q = queryText(raw.trim())
  return looksLikeDocNumber(q) ? normalizeDocNumber(q) : q
}

/**
 * A query that is a document number, or part of one (cms/lib/docNumber.ts): the index word its page holds
 * for it, the year it names, and whether it is the whole number (then it is searched as that word alone; a
 * part, 23号, is searched as typed too).
 */
interface NumberQuery {
  token: string
  year: number | null
  whole: boolean
}
export const numberQuery = (q: string): NumberQuery | null => {
  if (looksLikeDocNumber(q)) return { token: docNumberToken(q), year: Number(/〔(\d{4})〕/.exec(q)?.[1]), whole: true }
  const partial = partialDocNumber(q)
  return partial ? { token: docNumberToken(partial.part), year: partial.year, whole: false } : null
}

/**
 * The excerpt as DOM nodes: Pagefind marks hits with <mark>; everything else is text, so markup that
 * came from a page (or a synonym) is shown as the characters it is, never run. The index holds its text
 * split into words (site/lib/segment.ts); the spaces between them are taken out again here.
 */
export const excerptElement = (excerpt: string): HTMLParagraphElement => {
  const p = document.createElement('p')
  p.className = 'excerpt'
  let target: HTMLElement = p
  // Words hit one after another (a phrase) are marked as one: separate marks would show gaps between them.
  for (const part of joinWords(excerpt).replaceAll('</mark><mark>', '').split(/(<\/?mark>)/)) {
    if (part === '<mark>') target = p.appendChild(document.createElement('mark'))
    else if (part === '</mark>') target = p
    else if (part) target.append(decodeEntities(part))
  }
  return p
}

/** Runs the search page on the index `loading` (search-start.ts, started before this module loaded). */
export const startSearch = async (loading: Promise<SearchIndex>) => {
  const form = $<HTMLFormElement>('search-form')
  const input = $<HTMLInputElement>('search-q')
  const sortSelect = $<HTMLSelectElement>('search-sort')
  const filtersBox = $<HTMLDivElement>('search-filters')
  const status = $<HTMLParagraphElement>('search-status')
  const list = $<HTMLOListElement>('search-results')
  const more = $<HTMLButtonElement>('search-more')
  const empty = $<HTMLDivElement>('search-empty')

  // The word segmenter is made in a worker while the index downloads (query-words-worker.ts).
  const splitQueries = queryWordsSplitter()
  const params = new URLSearchParams(location.search)
  input.value = params.get('q') ?? ''
  sortSelect.value = params.get('sort') ?? ''

  /** The abbreviations and the editors' synonyms (搜索设置, printed on the page by the build). */
  const groups = mergeGroups([...ABBREVIATIONS, ...(JSON.parse(form.dataset.synonyms ?? '[]') as string[][])])

  /**
   * The spellings a query is searched in: a document number as the one word the index stores for it
   * (docNumberToken); otherwise the query as typed and with its abbreviations written out or shortened
   * (queryVariants), split into words as the index was (site/lib/segment.ts). A query in quotation marks
   * (“…” or "…") finds only pages with the exact phrase.
   */
  const spellingsOf = async (q: string, number: NumberQuery | null): Promise<Spelling[] | null> => {
    const numberSpelling = number ? [{ term: number.token, words: 1, exact: false, number: true as const }] : []
    if (number?.whole) return numberSpelling
    if (!q) return null
    const phrase = quotedPhrase(q)
    const variants = await splitQueries(queryVariants(phrase ?? q, groups))
    return [...numberSpelling, ...variants.map((words) => ({ term: words.join(' '), words: words.length, exact: phrase !== null }))]
  }

  // The opening query's words are asked for now, while the index loads: its first search gets them from
  // the same request (query-words.ts answers a batch it is already splitting once).
  const opening = searchTerm(input.value)
  void spellingsOf(opening, numberQuery(opening))

  status.textContent = '正在载入搜索索引…'
  let partitions: Partitions
  let pagefind: PagefindModule
  let download: SearchIndex['download']
  const instances = new Map<string, Promise<PagefindInstance>>()
  let lastCreated: Promise<unknown> = Promise.resolve()
  /**
   * One Pagefind instance per partition, created when first needed (its index files load then). All of
   * them live in the one WebAssembly instance Pagefind's script keeps per page: instances that start at
   * the same time would each start their own, the second replacing the first under it, so each is
   * created once the one before has finished starting; its files start downloading at once meanwhile.
   */
  const instance = ({ path, meta }: Partition) => {
    let found = instances.get(path)
    if (!found) {
      download({ path, meta })
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
    ;({ partitions, pagefind, download } = await loading)
    // The first (newest) partition and the delta are what a first search needs: load them now.
    void instance(partitions.base[0]!)
    if (partitions.delta) void instance(partitions.delta)
  } catch {
    status.textContent = '搜索索引暂时无法载入，请稍后刷新页面重试。'
    return
  }
  const removed = new Set(partitions.removed)

  // Filter checkboxes are printed by the page; restore them from the URL and search on change.
  const checkboxes = [...filtersBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
  const checked = () => checkboxes.filter((box) => box.checked)
  for (const box of checkboxes) {
    box.checked = params.getAll(box.name).includes(box.value)
    box.addEventListener('change', () => form.requestSubmit())
  }
  filtersBox.hidden = !filtersBox.querySelector('fieldset')
  // The 筛选 disclosure around them (the page keeps it invisible until the filters work).
  const filtersDisclosure = filtersBox.closest('details')
  if (filtersDisclosure) {
    filtersDisclosure.hidden = filtersBox.hidden
    // Its place was kept (invisible) from the start: showing it moves nothing.
    filtersDisclosure.classList.remove('pending')
  }
  const countsNote = $<HTMLParagraphElement>('search-counts-note')
  const countFilters = filterCounter(removed)
  /** The partitions consulted for the results on screen, the delta included, for the counts. */
  const countedPartitions = () => [...(partitions.delta ? [partitions.delta] : []), ...consultedBase()].map((p) => ({ path: p.path, index: instance(p) }))

  /** How the current query is searched: each spelling's Pagefind term and word count; null: filters only. */
  interface Spelling {
    term: string
    words: number
    /** A quoted query: only pages with the exact phrase count. */
    exact: boolean
    /** The word of a 文号 or of a part of one: its hits rank above any phrase (NUMBER_NAMED). */
    number?: true
  }
  let query: { spellings: Spelling[] | null; filters: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> } = { spellings: null, filters: {} }
  /** Base partitions still to consult, in the order the sort needs. */
  let pending: Partitions['base'] = []
  let results = new ResultOrder(null)
  let offset = 0
  let searchId = 0

  /** The hits of one partition: every spelling searched, each page in its best showing (search-hits.ts). */
  const searchIn = async (partition: Partition, delta = false): Promise<Hit[][]> => {
    const pf = await instance(partition)
    const find = async (term: string | null) =>
      ((await pf.search(term, { filters: query.filters, sort: query.sort }))?.results ?? []).filter((r) => !removed.has(r.id))
    const hitsOf = async (spelling: Spelling | null): Promise<Hit[]> => {
      const found = await find(spelling?.term ?? null)
      // Pagefind's own exact search ("…") finds the pages with the phrase; its scores are all equal, so
      // the order comes from the plain search of the same words.
      const exact = spelling?.exact ? new Set((await find(`"${spelling.term}"`)).map((r) => r.id)) : null
      const best = Math.max(...found.map((r) => r.score), Number.MIN_VALUE)
      const hits = found
        .filter((raw) => !exact || exact.has(raw.id))
        .map((raw): Hit => ({ raw, norm: raw.score / best, rank: spelling?.number ? NUMBER_NAMED : exact ? PHRASE : spelling ? phraseRank(raw.words, spelling.words) : WORDS_ONLY, delta }))
      if (delta) for (const h of hits) h.date = partitions.delta!.dates[h.raw.id] ?? null
      return hits
    }
    // All spellings at once: each loads the index chunks of its own words.
    const lists = await Promise.all((query.spellings ?? [null]).map(hitsOf))
    // By date each spelling's list keeps Pagefind's date order; by relevance they are one list.
    if (!query.sort) return [bestPerPage(lists)]
    if (delta) for (const l of lists) l.sort((x, y) => ((x.date ?? '') < (y.date ?? '') ? -1 : 1) * (query.sort?.date === 'desc' ? -1 : 1))
    return lists
  }

  /** Base partitions already consulted, newest first. */
  const consultedBase = () => partitions.base.filter((p) => !pending.includes(p))
  const yearsOf = (p: Partitions['base'][number]) => (p.from === p.to ? String(p.from) : `${String(p.from)}–${String(p.to)}`)
  /** Consults the next base partition; false when there is none left. */
  const consultNext = async () => {
    const next = pending.shift()
    if (!next) return false
    // Older partitions load their own index files: say what is being searched meanwhile.
    if (next !== partitions.base[0]) status.textContent = `正在检索 ${yearsOf(next)} 年的文件…`
    for (const hits of await searchIn(next)) results.add(hits, offset)
    return true
  }

  const years = () => checked().filter((b) => b.name === '年份').map((b) => Number(b.value))
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

  /** The cost of the partition consulted last (bytes), to judge whether the next one fits the budget. */
  let lastCost = 0
  const render = async (first = false) => {
    // Fill a page from the partitions consulted so far; consult older ones while it is not full (on the
    // first page of a document number's search, only while its own year has not answered). A clause (a
    // query of three words or more) is looked for in older partitions until a page has it as a phrase:
    // the newest ones share its words with any number of pages.
    const answered = () => first && answeredBy.length > 0 && results.total > 0 && !pending.some((p) => answeredBy.includes(p))
    const clause = first && !query.sort && (query.spellings ?? []).some((s) => s.words >= 3 && !s.exact)
    const phraseFound = () => !clause || results.ordered.some((h) => h.rank >= PHRASE)
    const size = first ? FIRST_PAGE : PAGE
    // A request for more consults at least one partition (the reader asked for older years); then, and on
    // a first search, the next only while it fits the budget (BYTE_BUDGET).
    const limit = (first ? 0 : indexBytes()) + BYTE_BUDGET
    let looked = 0
    const fits = () => (!first && looked === 0) || indexBytes() + lastCost <= limit
    while ((results.total < offset + size || !phraseFound()) && !answered() && fits()) {
      const before = indexBytes()
      if (!(await consultNext())) break
      looked++
      lastCost = indexBytes() - before
    }
    await results.fill(offset + size)
    const slice = results.ordered.slice(offset, offset + size)
    const data = await Promise.all(slice.map(dataOf))
    for (const d of data) {
      const li = document.createElement('li')
      const type = d.meta.type ?? d.filters['类型']?.[0] ?? ''
      // The title is indexed split into words, for Pagefind's title ranking (publisher/search-index.ts).
      const title = d.meta.title ? d.meta.title.replaceAll(TITLE_WORD_SEPARATOR, '') : d.url
      li.innerHTML =
        `<h2><a href="${escapeHtml(d.url)}">${escapeHtml(title)}</a></h2>` +
        `<p class="meta">${type ? `<span class="tag">${escapeHtml(type)}</span>` : ''}${d.meta.date ? `<time datetime="${escapeHtml(d.meta.date)}">${escapeHtml(d.meta.date)}</time>` : ''}</p>`
      li.append(excerptElement(withDocNumbersWritten(d.excerpt)))
      list.append(li)
    }
    offset += slice.length
    more.hidden = offset >= results.total && pending.length === 0
    more.textContent = offset >= results.total ? '检索更早年份的文件' : '显示更多结果'
  }

  /** The first day (or year) of the oldest partition consulted, newest first. */
  const searchedSince = () => {
    const oldest = consultedBase().at(-1)
    return oldest?.since ? chineseDate(oldest.since) : `${String(oldest?.from ?? '')} 年`
  }
  const statusText = () => {
    const consulted = consultedBase()
    const newestFirst = consulted.every((p) => partitions.base.indexOf(p) < consulted.length)
    const ranges = consulted.map(yearsOf).join('、')
    const newestSince = searchedSince()
    const scope = pending.length === 0 ? '' : newestFirst ? `（已检索 ${newestSince}以来的文件）` : `（已检索 ${ranges} 年的文件）`
    // A phrase typed as one (no spaces) that no result holds, not even most of it: say the results only
    // share some of its words (Pagefind also matches a word missing from the index by a shorter one).
    const loose = !/\s/.test(shownQuery) && query.spellings?.some((s) => s.words >= 2) && !results.ordered.some((h) => h.rank !== WORDS_ONLY)
    const note = loose ? '，都只含其中部分字词，没有完整包含这段文字的内容' : ''
    return `共找到 ${String(results.total)} 条结果${note}${query.sort ? '（按日期排序）' : ''}${scope}`
  }

  /**
   * Each filter value's count for the current search, worked out only while the filters are on screen
   * (always on wide screens, once 筛选 is opened on a phone) and after the results are shown: counting
   * consults every partition of the index.
   */
  let countedFor: string | null = null
  const showCounts = async () => {
    // Counts with a query cover the partitions consulted: they are counted again when more are.
    const key = `${location.search}#${String(pending.length)}`
    if (!filtersDisclosure?.open || countedFor === key || (!query.spellings && Object.keys(query.filters).length === 0)) return
    countedFor = key
    const id = searchId
    countsNote.textContent = '正在统计各项的结果数…'
    const terms = query.spellings?.map((s) => (s.exact ? `"${s.term}"` : s.term)) ?? null
    const chosen = Object.fromEntries(Object.entries(query.filters).map(([name, f]) => [name, f.any]))
    try {
      const counts = await countFilters(terms, chosen, countedPartitions())
      if (id !== searchId) return
      for (const box of checkboxes) {
        const n = counts.get(box.name)?.get(box.value) ?? 0
        box.closest('label')!.querySelector('.count')!.textContent = `（${String(n)}）`
      }
      countsNote.textContent = terms && pending.length ? `括号内为${searchedSince()}以来的文件中各项的结果数。` : '括号内为本次搜索中各项的结果数。'
    } catch {
      countedFor = null
      countsNote.textContent = ''
    }
  }
  filtersDisclosure?.addEventListener('toggle', () => void showCounts())

  let shownQuery = ''
  /** The status line for what is on screen (and the suggestions when nothing was found). */
  const announce = () => {
    const q = shownQuery
    empty.hidden = results.total > 0
    if (results.total > 0) {
      status.textContent = `${q ? `“${q}”` : '筛选结果'}：${statusText()}。`
      return
    }
    // Older years not yet consulted (the byte budget): say how far the search went and how to go further.
    const notYet = pending.length ? `在${searchedSince()}以来的文件中` : ''
    const further = pending.length ? '可点“检索更早年份的文件”继续查找。' : ''
    status.textContent = q ? `${notYet}没有找到与“${q}”相关的内容。${further}` : `${notYet}没有符合筛选条件的内容。${further}`
  }
  const run = async () => {
    const id = ++searchId
    const q = searchTerm(input.value)
    const number = numberQuery(q)
    const filters: Record<string, { any: string[] }> = {}
    for (const box of checked()) {
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
    const spellings = await spellingsOf(q, number)
    if (id !== searchId) return
    query = { spellings, filters, sort }
    // Shown as typed, but a document number in its canonical form.
    shownQuery = number?.whole ? q : input.value.trim()
    pending = plan(number?.year ?? null)
    results = new ResultOrder(sort?.date ?? null)
    offset = 0
    if (partitions.delta) for (const hits of await searchIn(partitions.delta, true)) results.add(hits, 0)
    await render(true)
    if (id !== searchId) return
    announce()
    if (results.total === 0) {
      void showCounts()
      return
    }
    list.dataset.ms = String(Math.round(performance.now() - started))
    performance.mark('search:results')
    document.title = `${q || '筛选'} - 站内搜索 - ${document.title.split(' - ').at(-1) ?? ''}`
    void showCounts()
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const next = new URLSearchParams()
    if (input.value.trim()) next.set('q', input.value.trim())
    if (sortSelect.value) next.set('sort', sortSelect.value)
    for (const box of checked()) next.append(box.name, box.value)
    history.replaceState(null, '', `?${next.toString()}`)
    void run()
  })
  sortSelect.addEventListener('change', () => form.requestSubmit())
  more.addEventListener('click', () => {
    const first = list.children.length
    void render().then(() => {
      announce()
      void showCounts()
      ;(list.children[first]?.querySelector('a') as HTMLElement | null)?.focus()
    })
  })

  await run()
}
