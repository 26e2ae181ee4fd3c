/**
 * A release's manifest as the bytes of `release.json`, made from pieces kept between publishes. At
 * 100,000 documents the manifest is 60 MB of JSON (330,000 files, 107,000 routes, the search partitions'
 * pages), and serialising it whole took 1–2 s of every publish, before the switch. Here the two big maps
 * are cut by folder, and a folder's piece is serialised again only when one of its entries changed since
 * the manifest this process wrote last; a search partition's piece is kept while the partition is (a fast
 * publish carries the live release's partitions over as they are). The bytes parse to the same manifest;
 * only the order of keys differs, and nothing reads meaning into it.
 */
import { open } from 'node:fs/promises'

import type { Partition, SearchState } from './search-index.ts'

type FlatMap = Record<string, string>
/** A flat map as the manifest holds it: an object, or a Map (the routes, looked up and set 107,000 times a publish). */
type AnyMap = FlatMap | Map<string, string>
const entriesOf = (map: AnyMap): Iterable<[string, string]> => (map instanceof Map ? map : Object.entries(map))

interface MapPieces {
  /** The manifest these pieces are of. */
  id: string
  /** Folder → its entries as JSON members (`"path":"hash",…`). */
  folders: Map<string, Buffer>
}

const lastPieces = new Map<'files' | 'routes', MapPieces>()
const partitionPieces = new WeakMap<Partition, Buffer>()

const folderOf = (key: string) => key.slice(0, key.lastIndexOf('/') + 1)
const json = (value: unknown) => Buffer.from(JSON.stringify(value))
const COMMA = Buffer.from(',')

/**
 * The members of a flat map, by folder. `changed`: the keys added, changed or removed since manifest
 * `since`; with it (and pieces kept of that manifest) only the folders they fall in are made again, from
 * their kept piece and the changes (O(changes)); otherwise every folder is serialised.
 */
const mapMembers = (name: 'files' | 'routes', id: string, map: AnyMap, since: string | null, changed: Iterable<string> | null): Buffer[] => {
  const last = lastPieces.get(name)
  let folders: Map<string, Buffer>
  if (last && changed && since !== null && last.id === since) {
    folders = last.folders
    const dirty = new Map<string, string[]>()
    for (const key of changed) {
      const folder = folderOf(key)
      const keys = dirty.get(folder) ?? dirty.set(folder, []).get(folder)!
      keys.push(key)
    }
    for (const [folder, keys] of dirty) {
      const kept = folders.get(folder)
      const members = kept ? (JSON.parse(`{${kept.toString()}}`) as FlatMap) : {}
      for (const key of keys) {
        const value = map instanceof Map ? map.get(key) : map[key]
        if (value !== undefined) members[key] = value
        else delete members[key]
      }
      const text = JSON.stringify(members).slice(1, -1)
      if (text) folders.set(folder, Buffer.from(text))
      else folders.delete(folder)
    }
  } else {
    const byFolder = new Map<string, FlatMap>()
    for (const [key, value] of entriesOf(map)) {
      const folder = folderOf(key)
      const members = byFolder.get(folder) ?? byFolder.set(folder, {}).get(folder)!
      members[key] = value
    }
    folders = new Map([...byFolder].map(([folder, members]) => [folder, Buffer.from(JSON.stringify(members).slice(1, -1))]))
  }
  lastPieces.set(name, { id, folders })
  return [...folders.values()]
}

const joined = (open: string, items: Buffer[], close: string): Buffer[] => {
  const pieces: Buffer[] = [Buffer.from(open)]
  for (const [i, item] of items.entries()) {
    if (i > 0) pieces.push(COMMA)
    pieces.push(item)
  }
  pieces.push(Buffer.from(close))
  return pieces
}

const searchBytes = (search: SearchState): Buffer[] => {
  const { base, ...rest } = search
  const partitions = base.map((p) => partitionPieces.get(p) ?? partitionPieces.set(p, json(p)).get(p)!)
  return [...joined('{"base":[', partitions, ']'), Buffer.from(`,${JSON.stringify(rest).slice(1)}`)]
}

export interface ManifestChanges {
  /** The manifest the changes are against (the live release's). */
  since: string | null
  /** Files added, changed or removed since it. */
  files: Iterable<string>
  /** Routes whose hash is new, changed or gone since it. */
  routes: Iterable<string>
}

/** The manifest's JSON, in pieces (at 100,000 documents, 110,000 of them: copied into one buffer, 60 MB more to write). */
export const manifestBytes = <M extends { id: string; files: FlatMap; routes: AnyMap; search: SearchState }>(
  manifest: M,
  changes: ManifestChanges | null,
): Buffer[] => {
  const { files, routes, search, ...rest } = manifest
  return [
    ...joined('{"files":{', mapMembers('files', manifest.id, files, changes?.since ?? null, changes?.files ?? null), '}'),
    ...joined(',"routes":{', mapMembers('routes', manifest.id, routes, changes?.since ?? null, changes?.routes ?? null), '}'),
    Buffer.from(',"search":'),
    ...searchBytes(search),
    Buffer.from(`,${JSON.stringify(rest).slice(1)}`),
  ]
}

/** Writes pieces to a new file, as many at a time as one system call takes. */
export const writePieces = async (file: string, pieces: Buffer[]) => {
  const handle = await open(file, 'w')
  try {
    for (let i = 0; i < pieces.length; i += 1024) {
      const batch = pieces.slice(i, i + 1024)
      const { bytesWritten } = await handle.writev(batch)
      // A regular file takes a whole batch or fails; anything else is not a manifest to leave behind.
      if (bytesWritten !== batch.reduce((n, b) => n + b.length, 0)) throw new Error(`写入发布清单不完整：${file}`)
    }
  } finally {
    await handle.close()
  }
}
