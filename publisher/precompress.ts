/**
 * Precompressed copies of a release's files, so the static server sends compressed bytes without
 * compressing per request (sirv picks `.br` by the browser's Accept-Encoding).
 * - Text files get `.br` at quality 5: ~10 % larger than the maximum (11) but about 60× faster, and within
 *   0.3 % of quality 6 at 60 % of its time (2,000 pages of the 10,000-document bench: 0.86 s against 1.42 s
 *   on 2 cores). There is no `.gz` copy: every browser takes brotli over HTTPS, and the few clients that
 *   do not (plain HTTP, scripts) get gzip made per request by the site server. A `.gz` of every page cost
 *   gzip -9 in every full build and a third more files to link into every release.
 * - Pagefind's index files are stored gzipped by Pagefind itself and served as they are; their `.br` holds
 *   the uncompressed data brotli-compressed, which Pagefind's script accepts without its own gunzip (it
 *   recognises the `pagefind_dcd` signature): a few per cent fewer bytes on index chunks, more on the
 *   metadata and the WebAssembly, for browsers that take brotli.
 * - The files a first search fetches (the newest search partition and the delta, `best`) get the
 *   maximum quality, fragments included: ~11 % fewer bytes than quality 5 on index chunks at ~25× the
 *   time, which only these few hundred files can afford (the newest partition at 10,000 documents:
 *   2.8 MB, ~3 s of one core, in parallel with the rest of the build).
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gunzipSync } from 'node:zlib'

import { sha256 } from './files.ts'

const br = promisify(brotliCompress)
const TEXT = /\.(html|css|js|mjs|json|xml|svg|txt)$/
// Fragments (one per page, fetched only for the results shown) are left as Pagefind wrote them, except
// for `best` files: compressing tens of thousands of them again would cost more build time than it saves.
const PAGEFIND_DATA = /\.(pf_meta|pf_index|pf_filter|pagefind)$/
const PAGEFIND_FRAGMENT = /\.pf_fragment$/
const BEST = 11
const brotliParams = (data: Buffer, quality: number) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })

/**
 * Copies at the best quality by their content: every fast publish makes a new search delta whose Pagefind
 * script and WebAssembly are the same bytes as the last one's (and so are the fragments of the pages it
 * carries over), and compressing those two again cost ~0.4 s of the publish. Oldest out beyond the bound.
 */
const BEST_KEPT_BYTES = 16 * 1024 * 1024
const bestKept = new Map<string, Buffer>()
let bestKeptBytes = 0
const keyOf = (data: Buffer) => createHash('sha256').update(data).digest('base64')
const keepBest = (key: string, copy: Buffer) => {
  if (bestKept.has(key)) return
  bestKept.set(key, copy)
  bestKeptBytes += copy.length
  for (const [k, v] of bestKept) {
    if (bestKeptBytes <= BEST_KEPT_BYTES) break
    bestKept.delete(k)
    bestKeptBytes -= v.length
  }
}
/** Compresses `data` at `quality`, reusing a best-quality copy already made of the same bytes. */
const compress = async (data: Buffer, quality: number) => {
  if (quality !== BEST) return br(data, brotliParams(data, quality))
  const key = keyOf(data)
  const copy = bestKept.get(key) ?? (await br(data, brotliParams(data, BEST)))
  keepBest(key, copy)
  return copy
}

export interface CompressOptions {
  /** One of the files a first search fetches: compressed at the maximum quality. */
  best?: boolean
}

/**
 * Remembers the best-quality copies already written beside the files at the top of `dir` (the live
 * release's search delta, for a publisher that starts afresh): the next delta's script and WebAssembly
 * are found compressed. Unreadable files are passed over.
 */
export const keepBestCopies = async (dir: string) => {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!(TEXT.test(name) || PAGEFIND_DATA.test(name))) continue
    const [data, copy] = await Promise.all([readFile(path.join(dir, name)).catch(() => null), readFile(path.join(dir, `${name}.br`)).catch(() => null)])
    if (!data || !copy) continue
    const raw = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data
    keepBest(keyOf(raw), copy)
  }
}

/**
 * The `.br` copy to make of `rel`: the bytes to compress, at which quality, and whether it is written only
 * when smaller than the file (Pagefind's files, already gzipped); null: none.
 */
const copyPlan = (rel: string, data: Buffer, { best = false }: CompressOptions): { raw: Buffer; quality: number; ifSmaller: boolean } | null => {
  if (TEXT.test(rel)) return data.length < 512 ? null : { raw: data, quality: best ? BEST : 5, ifSmaller: false }
  if ((PAGEFIND_DATA.test(rel) || (best && PAGEFIND_FRAGMENT.test(rel))) && data[0] === 0x1f && data[1] === 0x8b)
    // Index chunks (thousands at 10,000 pages): quality 5 is within 1 % of 9 on them at a twelfth of
    // the time (10,000 documents: ~2 s instead of ~25 s). The few metadata and WebAssembly files get 9.
    return { raw: gunzipSync(data), quality: best ? BEST : rel.endsWith('.pf_index') ? 5 : 9, ifSmaller: true }
  return null
}

/** The compressed copies to write beside `rel`, as [suffix, bytes]. */
const compressedCopies = async (rel: string, data: Buffer, options: CompressOptions = {}): Promise<[string, Buffer][]> => {
  const plan = copyPlan(rel, data, options)
  if (!plan) return []
  const copy = await compress(plan.raw, plan.quality)
  return plan.ifSmaller && copy.length >= data.length ? [] : [['.br', copy]]
}

/** Writes the compressed copies of file `rel` beside it with `put`; returns the SHA-256 of the file and of each copy. */
export const hashWithCopies = async (rel: string, data: Buffer, put: (rel: string, data: Buffer) => Promise<void>, options?: CompressOptions): Promise<Record<string, string>> => {
  const hashes: Record<string, string> = { [rel]: sha256(data) }
  for (const [suffix, copy] of await compressedCopies(rel, data, options)) {
    await put(rel + suffix, copy)
    hashes[rel + suffix] = sha256(copy)
  }
  return hashes
}

/**
 * hashWithCopies on the calling thread, for a render lane's pages (a worker thread of its own per core):
 * handing each page's compression and writes to libuv's shared threads only added their overhead there
 * (~15 % of a lane's time on a 3,000-document build, in promises, file handles and hand-overs). Pages are
 * never `best` (only the search files a first search fetches are), so no best-quality copy is kept here.
 */
export const hashWithCopiesSync = (rel: string, data: Buffer, put: (rel: string, data: Buffer) => void): Record<string, string> => {
  const hashes: Record<string, string> = { [rel]: sha256(data) }
  const plan = copyPlan(rel, data, {})
  const copy = plan && brotliCompressSync(plan.raw, brotliParams(plan.raw, plan.quality))
  if (copy && !(plan.ifSmaller && copy.length >= data.length)) {
    put(`${rel}.br`, copy)
    hashes[`${rel}.br`] = sha256(copy)
  }
  return hashes
}
