import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { RENDERER_SOURCES } from '../../publisher/renderer.ts'

const root = path.resolve(import.meta.dirname, '..', '..')

describe('the renderer key', () => {
  it('covers every module outside site/ that the pages and their scripts import', () => {
    const files = readdirSync(path.join(root, 'site'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro|mdx)$/.test(f))
    const outside = new Set<string>()
    for (const file of files) {
      // The loader runs in the publisher (it reads the CMS); the bundle never imports it.
      if (file === path.join('lib', 'load.ts')) continue
      const source = readFileSync(path.join(root, 'site', file), 'utf8')
      for (const [, spec] of source.matchAll(/^import (?!type )[^'"]*['"](\.[^'"]+)['"]/gm)) {
        const target = path.relative(root, path.resolve(path.dirname(path.join(root, 'site', file)), spec!))
        if (!target.startsWith(`site${path.sep}`)) outside.add(target)
      }
    }
    expect([...outside].filter((f) => !RENDERER_SOURCES.some((s) => f === s || f.startsWith(`${s}/`)))).toEqual([])
    expect(outside.size).toBeGreaterThan(0)
  })
})
