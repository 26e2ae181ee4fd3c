/**
 * The search page: reads `q`, `sort` and filters from the URL, queries the Pagefind index and renders
 * results (title, type, date, highlighted excerpt) with an announced status line. A document number in
 * any common spelling (门常发[2021]23号, 门常发2021年23号 …) is searched in its canonical form.
 */
import { looksLikeDocNumber, normalizeDocNumber } from '../../cms/lib/docNumber.ts'
import { escapeHtml } from '../lib/html.ts'

interface PagefindResultData {
  url: string
  excerpt: string
  meta: Record<string, string | undefined>
  filters: Record<string, string[]>
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>
  init: () => Promise<void>
  search: (
    q: string | null,
    o: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: { id: string; data: () => Promise<PagefindResultData> }[] } | null>
}

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
 * came from a page (or a synonym) is shown as the characters it is, never run.
 */
export const excerptElement = (excerpt: string): HTMLParagraphElement => {
  const p = document.createElement('p')
  p.className = 'excerpt'
  let target: HTMLElement = p
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') target = p.appendChild(document.createElement('mark'))
    else if (part === '</mark>') target = p
    else if (part) target.append(decodeEntities(part))
  }
  return p
}

export const startSearch = async () => {
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
  let pagefind: Pagefind
  try {
    const path = '/pagefind/pagefind.js'
    pagefind = (await import(/* @vite-ignore */ path)) as Pagefind
    // The index is small enough to search on the main thread; skipping the worker saves a download.
    await pagefind.options({ excerptLength: 40, noWorker: true })
    await pagefind.init()
  } catch {
    status.textContent = '搜索索引暂时无法载入，请稍后刷新页面重试。'
    return
  }

  // Filter checkboxes are printed by the page; restore them from the URL and search on change.
  for (const box of filtersBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = params.getAll(box.name).includes(box.value)
    box.addEventListener('change', () => form.requestSubmit())
  }
  filtersBox.hidden = filtersBox.childElementCount === 0

  let shown: { id: string; data: () => Promise<PagefindResultData> }[] = []
  let offset = 0

  const render = async () => {
    const slice = shown.slice(offset, offset + PAGE)
    const data = await Promise.all(slice.map((r) => r.data()))
    for (const d of data) {
      const li = document.createElement('li')
      const type = d.meta.type ?? d.filters['类型']?.[0] ?? ''
      li.innerHTML =
        `<h2><a href="${escapeHtml(d.url)}">${escapeHtml(d.meta.title ?? d.url)}</a></h2>` +
        `<p class="meta">${type ? `<span class="tag">${escapeHtml(type)}</span>` : ''}${d.meta.date ? `<time datetime="${escapeHtml(d.meta.date)}">${escapeHtml(d.meta.date)}</time>` : ''}</p>`
      li.append(excerptElement(d.excerpt))
      list.append(li)
    }
    offset += slice.length
    more.hidden = offset >= shown.length
  }

  const run = async () => {
    const q = searchTerm(input.value)
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
    const result = await pagefind.search(q || null, { filters, sort })
    shown = result?.results ?? []
    offset = 0
    if (shown.length === 0) {
      status.textContent = q ? `没有找到与“${q}”相关的内容。` : '没有符合筛选条件的内容。'
      empty.hidden = false
      return
    }
    await render()
    const ms = Math.round(performance.now() - started)
    status.textContent = `${q ? `“${q}”` : '筛选结果'}：共找到 ${shown.length} 条结果${sort ? '（按日期排序）' : ''}。`
    list.dataset.ms = String(ms)
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
    void render().then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus())
  })

  await run()
}
