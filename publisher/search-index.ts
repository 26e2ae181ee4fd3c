/**
 * The search index, in partitions (Pagefind, one index per partition):
 * - base partitions, newest first (partitionRanges): "recent", the RECENT_SIZE newest pages, the one a
 *   first search loads; then years, each partition of at least PARTITION_SIZE pages and at most
 *   MAX_PARTITION_SIZE (a larger year is cut between days). Built by a
 *   full build (compaction); a partition whose pages did not change is reused as is.
 * - the delta partition: every page new or changed since the last compaction, re-indexed by each fast
 *   publish (a few pages, so about a second); plus `removed`, the base entries (Pagefind fragment ids)
 *   that were unpublished, deleted or superseded. The search page drops those from base results, so a
 *   takedown is out of search as soon as its release is live, between compactions too.
 * Only `<main data-pagefind-body>` is indexed, its text in the search's form (site/lib/search-text.ts:
 * simplified characters, digits) split into words by site/lib/segment.ts, with the synonym groups of 搜索设置
 * and one word for each document number the page cites (docNumberToken) added to the copy that is indexed
 * (the published page is unchanged). Pagefind shows excerpts from the text it indexed, so the words a page
 * writes otherwise are put back into its fragment once written (withOwnWords). `/pagefind/partitions.json` tells the search
 * page what there is.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { gunzipSync, gzipSync } from 'node:zlib'

import * as pagefind from 'pagefind'

import { docNumberParts, docNumbersIn, docNumberToken } from '../cms/lib/docNumber.ts'
import { rootDir } from '../cms/lib/paths.ts'
import { type SynonymGroup, synonymsFor } from '../cms/lib/synonyms.ts'
import { decodeEntities, escapeHtml } from '../site/lib/html.ts'
import { searchText } from '../site/lib/search-text.ts'
import { INDEX_LANGUAGE, TITLE_WORD_SEPARATOR, splitWords, wordsOf } from '../site/lib/segment.ts'
import { withPromptStart } from './pagefind-script.ts'

export const PARTITION_SIZE = 500
/**
 * The newest partition, the one every first search loads, is smaller: its metadata, and the index chunk of
 * each frequent word, grow with its pages, and most searches are answered from it. It may start inside a
 * year (10,000 documents: ~1,000 a year).
 */
export const RECENT_SIZE = 300
/** Part of every partition's key: a partition is reused only by the Pagefind that wrote it (the search page shares one WebAssembly file among a release's partitions). */
export const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.join(rootDir, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version

export interface IndexedPage {
  /** Hash of what is indexed (main content plus synonyms). */
  hash: string
  /** YYYY-MM-DD, or null for an undated page. */
  date: string | null
  /** Pagefind's id of the page in its partition (the fragment file's name). */
  fragment: string
}
export interface Partition {
  dir: string
  from: number | null
  to: number | null
  /** See PartitionRange. */
  since?: string | null
  pages: Record<string, IndexedPage>
  /**
   * Pagefind's metadata file (`pagefind.<hash>.pf_meta`), which the search page downloads with the
   * partition's other first files instead of after reading its entry file; read from the entry file when
   * the partition first goes into a release (search-update.ts).
   */
  meta?: string
}
export interface SearchState {
  base: Partition[]
  delta: Partition | null
  /** Fragment ids of base pages that are gone or superseded by the delta. */
  removed: string[]
  synonymsHash: string
}

const MAIN_END = '</main>'
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\.(js|css)$/

/** What Pagefind indexes of a page (its main element, plus synonyms), the hash of that, and the page's day. */
export interface IndexInput {
  input: string
  hash: string
  date: string | null
}

/** The synonym groups of 搜索设置 as indexInput takes them. */
export const indexGroups = (synonyms: string[][]): SynonymGroup[] => synonyms.map((words) => ({ words }))

/** What Pagefind indexes of a page, or null when the page is not indexed. */
export const indexInput = (html: string, groups: SynonymGroup[]): IndexInput | null => {
  const start = html.indexOf('<main')
  const end = html.indexOf(MAIN_END)
  if (start < 0 || end < start) return null
  if (!html.slice(start, html.indexOf('>', start)).includes('data-pagefind-body')) return null
  // What Pagefind ignores whole (data-pagefind-ignore="all": 朗读's controls, the related documents) is
  // not passed to it: split into words it was a fifth of the index copy, for nothing.
  let main = withoutIgnored(html.slice(start, end + MAIN_END.length), 'all')
  // Words Pagefind does not index (data-pagefind-ignore: 朗读's controls, the related documents' titles)
  // must not bring synonyms or document numbers either: a 解读 would otherwise be a hit for its policy's 文号.
  const own = withoutIgnored(main).replace(/<[^>]+>/g, '')
  const text = searchText(own)
  const extra = [...synonymsFor(text, groups), ...docNumbersIn(text).map(docNumberToken)]
  // The document a number names (data-doc-number, on its own page) outranks every page citing it.
  const number = /\sdata-doc-number="([^"]+)"/.exec(main)?.[1]
  // So do the parts of its number a reader may type alone (23号, 门常发23号, 〔2021〕23号).
  const ownWord = number ? `<p data-pagefind-weight="10">${[number, ...docNumberParts(number)].map(docNumberToken).join(' ')}</p>` : ''
  // Synonyms are editors' text: escaped, so markup in one is indexed (and shown) as text.
  if (extra.length || ownWord) main = main.replace(MAIN_END, `${ownWord}<p>${escapeHtml(extra.join(' '))}</p>${MAIN_END}`)
  // A page whose text is already in the search's form (nearly every page) is not converted run by run.
  const ownWords: OwnWords | null = text === own ? null : { title: [[], []], text: [[], []] }
  const body = splitIndexedText(main, ownWords)
  const ownAttribute = ownWords
    ? ` ${OWN_WORDS_ATTRIBUTE}="${escapeHtml(JSON.stringify({ title: ownWords.title.map((w) => w.join(' ')), text: ownWords.text.map((w) => w.join(' ')) }))}"`
    : ''
  const input = `${INPUT_START}${ownAttribute}>${body}</body></html>`
  return { input, hash: createHash('sha1').update(input).digest('hex'), date: /data-pagefind-sort="date"[^>]*>([^<]+)</.exec(main)?.[1] ?? null }
}

/**
 * The HTML without the elements marked `data-pagefind-ignore` (each with everything inside it); `all`: only
 * those marked `data-pagefind-ignore="all"`, whose filters and metadata Pagefind ignores too.
 */
export const withoutIgnored = (html: string, which: 'any' | 'all' = 'any'): string => {
  const open = which === 'all' ? /<([a-z][\w-]*)\b[^>]*\sdata-pagefind-ignore="all"[^>]*>/gi : /<([a-z][\w-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/gi
  let out = ''
  let from = 0
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const name = m[1]!.toLowerCase()
    const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi')
    tags.lastIndex = m.index + m[0].length
    let depth = 1
    let end = html.length
    for (let t = tags.exec(html); t; t = tags.exec(html)) {
      depth += t[1] ? -1 : 1
      if (depth === 0) {
        end = t.index + t[0].length
        break
      }
    }
    out += html.slice(from, m.index)
    from = end
    open.lastIndex = end
  }
  return out + html.slice(from)
}

/** The end of the tag that starts at `lt` (its `>` outside quoted attribute values). */
const tagEnd = (html: string, lt: number) => {
  let quote = ''
  for (let i = lt + 1; i < html.length; i++) {
    const c = html[i]!
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i
  }
  return html.length - 1
}

/**
 * The words of a page's index copy in order — its title's and its text's — each as indexed and as
 * the page writes it: [indexed words, the page's words]. Kept for a page that the search's form changes.
 */
interface OwnWords {
  title: [string[], string[]]
  text: [string[], string[]]
}

/**
 * Text in the search's form split into words (splitWords), character references (&amp; …) kept whole;
 * each word is also noted in `words` as indexed and as the page writes it (the search's form keeps every
 * character in its place, so the page's word is at the same offsets); null: the page's text is in that
 * form already.
 */
const splitText = (text: string, separator: string, words: [string[], string[]] | null) =>
  text
    .split(/(&#?\w+;)/)
    .map((part, i) => {
      if (i % 2) return part
      if (!words) return splitWords(part, separator)
      const indexed = searchText(part)
      for (const { word, at } of wordsOf(indexed)) {
        words[0].push(word)
        words[1].push(part.slice(at, at + word.length))
      }
      return splitWords(indexed, separator)
    })
    .join('')

/** The index copy up to its body's attributes; the attribute that carries its OwnWords (each list joined by spaces). */
const INPUT_START = '<!doctype html><html lang="zh-CN"><body'
const OWN_WORDS_ATTRIBUTE = 'data-own-words'
const OWN_WORDS_IN_INPUT = new RegExp(`^${INPUT_START} ${OWN_WORDS_ATTRIBUTE}="([^"]*)"`)

/** An element that only declares the page's title to Pagefind. */
const TITLE_META = /^<\w+(?![^>]*\sdata-pagefind-(?:filter|sort)=)[^>]*\sdata-pagefind-meta="title"/

/**
 * The index copy's text split into words (see site/lib/segment.ts). Pagefind reads a page's metadata and
 * filter values from the text of the elements that declare them, and those elements are left out of the
 * indexed words (the page's own header shows its title, date and 镇街). Their text stays whole, except
 * the title's: Pagefind also indexes the words of the title (split at spaces) and ranks pages whose title
 * has the query's words higher, so the title is split like the text, at TITLE_WORD_SEPARATOR (the search
 * page takes those out again).
 */
const splitIndexedText = (html: string, ownWords: OwnWords | null) => {
  let out = ''
  let keepWhole = false
  let inTitle = false
  for (let i = 0; i < html.length; ) {
    const lt = html.indexOf('<', i)
    const text = html.slice(i, lt < 0 ? html.length : lt)
    out += keepWhole ? text : inTitle ? splitText(text, TITLE_WORD_SEPARATOR, ownWords?.title ?? null) : splitText(text, ' ', ownWords?.text ?? null)
    if (lt < 0) break
    const gt = tagEnd(html, lt)
    const tag = html.slice(lt, gt + 1)
    const declares = /\sdata-pagefind-(meta|filter|sort)=/.test(tag)
    inTitle = TITLE_META.test(tag)
    keepWhole = declares && !inTitle
    out += declares ? tag.replace(/^<(\w+)/, '<$1 data-pagefind-ignore') : tag
    i = gt + 1
  }
  return out
}

export const synonymsHash = (groups: string[][]) => createHash('sha1').update(JSON.stringify(groups)).digest('hex').slice(0, 12)

export interface PartitionRange {
  /** Oldest and newest year of its pages (null: an index of undated pages only). */
  from: number | null
  to: number | null
  /**
   * The partition's first day when it starts inside its oldest year: the newest partition (it holds the
   * RECENT_SIZE newest pages), and every part of a year with more than MAX_PARTITION_SIZE pages but its oldest.
   */
  since: string | null
}

/**
 * The most pages a partition holds (a day's pages are never split): what one search loads from a partition
 * (its metadata, the chunk of each of its words) and what Pagefind needs to write it grow with its pages,
 * so a city's archive (12,000 pages a year) is cut into parts of a year. At 2,000 pages the two Pagefind
 * processes of a full build (one writing, one adding) took ~800 MB together, a quarter of the build's
 * memory at 100,000 documents.
 */
export const MAX_PARTITION_SIZE = 1000

/**
 * Groups the pages' days, newest first: the newest partition holds the RECENT_SIZE newest pages (and every
 * page of the last day it reaches); the rest of its first year is a partition of its own (it changes with
 * every compaction, so it is kept small); the rest go by years, each partition of at least PARTITION_SIZE
 * pages (a year with fewer joins the next older ones) and at most MAX_PARTITION_SIZE (a larger year is cut
 * between days). Undated pages go with the newest.
 */
export const partitionRanges = (dates: (string | null)[]): PartitionRange[] => {
  const sorted = dates.filter((d): d is string => Boolean(d)).sort().reverse()
  if (sorted.length === 0) return [{ from: null, to: null, since: null }]
  const yearOf = (d: string) => Number(d.slice(0, 4))
  const since = sorted[Math.min(RECENT_SIZE, sorted.length) - 1]!
  type Open = PartitionRange & { n: number; oldest: string; joinsOlderYears: boolean }
  const ranges: Open[] = [{ from: yearOf(since), to: yearOf(sorted[0]!), since, n: RECENT_SIZE, oldest: since, joinsOlderYears: false }]
  for (const date of sorted) {
    if (date >= since) continue
    const year = yearOf(date)
    const last = ranges.at(-1)!
    const sameYear = last.from === year
    const fits = ranges.length > 1 && (sameYear ? last.n < MAX_PARTITION_SIZE || date === last.oldest : last.joinsOlderYears && last.n < PARTITION_SIZE)
    if (fits) Object.assign(last, { from: year, n: last.n + 1, oldest: date })
    else {
      // Cut inside a year: the newer part starts on its oldest day.
      if (sameYear && ranges.length > 1) last.since = last.oldest
      ranges.push({ from: year, to: year, since: null, n: 1, oldest: date, joinsOlderYears: ranges.length > 1 || year !== yearOf(since) })
    }
  }
  return ranges.map(({ from, to, since }) => ({ from, to, since }))
}

export const partitionOf = (date: string | null, ranges: PartitionRange[]) => {
  if (!date) return 0
  const year = Number(date.slice(0, 4))
  const i = ranges.findIndex((r) => r.from === null || (r.since ? date >= r.since : year >= r.from))
  return i < 0 ? ranges.length - 1 : i
}

/**
 * Indexes `pages` into `outDir`; returns each page's fragment id. `beforeWrite` is awaited between adding
 * the pages and writing the index: see indexLanes.
 */
export const writePartition = async (outDir: string, pages: Map<string, string>, beforeWrite = async () => undefined): Promise<Map<string, string>> => {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE })
  if (!index || errors.length) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`)
  const list = [...pages]
  for (let i = 0; i < list.length; i += 64) {
    await Promise.all(
      list.slice(i, i + 64).map(async ([url, content]) => {
        const added = await index.addHTMLFile({ url, content })
        if (added.errors.length) throw new Error(`Pagefind 无法索引 ${url}：${added.errors.join('; ')}`)
      }),
    )
  }
  await beforeWrite()
  const written = await index.writeFiles({ outputPath: outDir })
  if (written.errors.length) throw new Error(`Pagefind 写入索引失败：${written.errors.join('; ')}`)
  await index.deleteIndex()
  // Pagefind's ready-made search interfaces and its web worker: the search page uses neither (it drives
  // pagefind.js on the main thread), and each partition would carry and precompress its own copy.
  for (const name of await readdir(outDir)) if (UNUSED_BUNDLE_FILE.test(name)) await rm(path.join(outDir, name))
  const script = path.join(outDir, 'pagefind.js')
  await writeFile(script, withPromptStart(await readFile(script, 'utf8')))
  const fragments = new Map<string, string>()
  const dir = path.join(outDir, 'fragment')
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name)
    const data = gunzipSync(await readFile(file))
    // A fragment file: Pagefind's 12-byte signature, then the page's JSON.
    const fragment = JSON.parse(data.subarray(12).toString()) as Fragment
    fragments.set(fragment.url, name.replace(/\.pf_fragment$/, ''))
    const ownWords = ownWordsOf(pages.get(fragment.url) ?? '')
    if (ownWords) await writeFile(file, gzipSync(Buffer.concat([data.subarray(0, 12), Buffer.from(JSON.stringify(withOwnWords(fragment, ownWords)))])))
  }
  return fragments
}

/** What the search page reads of a page's fragment file (Pagefind keeps more in it, kept as it is). */
interface Fragment {
  url: string
  content: string
  meta: Record<string, string>
}

/** A page's words as indexed and as written (indexInput), each list joined by spaces; null for most pages. */
type StoredOwnWords = Record<keyof OwnWords, [string, string]>
export const ownWordsOf = (input: string): StoredOwnWords | null => {
  const json = OWN_WORDS_IN_INPUT.exec(input)?.[1]
  return json ? (JSON.parse(decodeEntities(json)) as StoredOwnWords) : null
}

/**
 * `text` (Pagefind's copy of the indexed words, in order) with each word as the page writes it:
 * matched in order against the page's words, each from where the last one was found (the words of parts
 * Pagefind leaves out — 朗读's controls, related documents — are passed over).
 */
const inOwnWords = (text: string, [indexed, written]: [string, string]) => {
  const from = indexed.split(' ')
  const to = written.split(' ')
  let next = 0
  return text.replace(/\p{Script=Han}+|[\p{L}\p{N}]+/gu, (word) => {
    const at = from.indexOf(word, next)
    if (at < 0) return word
    next = at + 1
    return to[at] ?? word
  })
}

/** A fragment with the page's own words in its text and title. */
export const withOwnWords = <F extends Fragment>(fragment: F, ownWords: StoredOwnWords): F => {
  const meta = { ...fragment.meta }
  if (meta.title) meta.title = inOwnWords(meta.title, ownWords.title)
  return { ...fragment, content: inOwnWords(fragment.content, ownWords.text), meta }
}

export const closeIndexer = () => pagefind.close()

/** A turn-taking lock: each call waits for the holders before it, in the order asked, and resolves with its release. */
const mutex = () => {
  let tail: Promise<void> = Promise.resolve()
  return (): Promise<() => void> => {
    const previous = tail
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    tail = previous.then(() => held)
    return previous.then(() => release)
  }
}

/**
 * Indexes one partition in a worker thread (its own Pagefind process); resolves with its fragment ids.
 * The worker asks before Pagefind writes the index and holds the write turn until its Pagefind process
 * has exited: writing takes about four times the memory of adding (1,250 pages: ~170 MB while adding,
 * ~720 MB while writing), so two partitions writing at once were most of a 10,000-document build's peak.
 */
const indexInWorker = (job: { outDir: string; pages: Map<string, string> }, writeTurn: () => Promise<() => void>) =>
  new Promise<Map<string, string>>((resolve, reject) => {
    const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: { outDir: job.outDir, pages: [...job.pages] } })
    let release: (() => void) | null = null
    const done = () => {
      release?.()
      release = null
    }
    worker.on('message', (m: { write?: true; fragments?: [string, string][]; error?: string }) => {
      if (m.write) {
        void writeTurn().then((free) => {
          release = free
          worker.postMessage({ write: true })
        })
        return
      }
      done()
      if (m.error) reject(new Error(m.error))
      else resolve(new Map(m.fragments))
    })
    worker.once('error', (error) => {
      done()
      reject(error)
    })
    worker.once('exit', (code) => {
      done()
      if (code !== 0) reject(new Error(`索引进程异常退出（${String(code)}）`))
    })
  })

/**
 * Indexes one small partition (a fast publish's delta) with this process's own Pagefind, which stays
 * running between publishes: a worker and a Pagefind process of its own cost ~0.3 s a publish, more than
 * indexing a delta of 20 pages (~0.1 s). A failure stops that Pagefind, so the next publish starts a new one.
 */
export const indexHere = async (job: { outDir: string; pages: Map<string, string> }): Promise<Map<string, string>> => {
  try {
    return await writePartition(job.outDir, job.pages)
  } catch (error) {
    await closeIndexer().catch(() => undefined)
    throw error
  }
}

/**
 * Index lanes: partitions handed in are indexed as they come, one per CPU core at a time, so a full build
 * indexes the partitions already complete while it still renders the rest; one lane writes at a time.
 */
export const indexLanes = (lanes = availableParallelism()) => {
  let running = 0
  const waiting: (() => void)[] = []
  const writeTurn = mutex()
  return async (job: { outDir: string; pages: Map<string, string> }): Promise<Map<string, string>> => {
    // A lane is taken at once when one is free, or handed over by the job that frees it.
    if (running < lanes) running++
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await indexInWorker(job, writeTurn)
    } finally {
      const next = waiting.shift()
      if (next) next()
      else running--
    }
  }
}

/** The metadata file of the Pagefind index in `dir`, named in its entry file (see Partition); undefined when that cannot be read. */
export const metaFileOf = async (dir: string): Promise<string | undefined> => {
  try {
    const entry = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> }
    const hash = Object.values(entry.languages)[0]?.hash
    return hash ? `pagefind.${hash}.pf_meta` : undefined
  } catch {
    return undefined
  }
}

/** `/pagefind/partitions.json`: what the search page loads (see site/scripts/search.ts). */
export const partitionsFile = (state: SearchState) =>
  JSON.stringify({
    base: state.base.map((p) => ({ path: `/pagefind/${p.dir}/`, meta: p.meta, from: p.from, to: p.to, since: p.since ?? null, pages: Object.keys(p.pages).length })),
    delta: state.delta
      ? { path: `/pagefind/${state.delta.dir}/`, meta: state.delta.meta, dates: Object.fromEntries(Object.values(state.delta.pages).map((p) => [p.fragment, p.date])) }
      : null,
    removed: state.removed,
  })
