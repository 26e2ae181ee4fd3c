// Every 公文 layout of tests/lib/gongwenLayouts.ts imported as a .docx and as the .doc LibreOffice saves
// from it: each fact it carries is found, every sentence of the text is in the body, no part of the
// 版头 or 版记 is, and nothing is published. The share of facts found per variant is printed.
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importDocument, type ImportResult } from '../../cms/imports/service.ts'
import { richTextToPlainText } from '../../cms/lib/richText.ts'
import { type Layout, layoutDocx, LAYOUTS } from '../lib/gongwenLayouts.ts'
import { savedAsDoc } from '../lib/libreoffice.ts'
import { cms, userWithRole } from './helpers.ts'

let payload: Payload
const files = new Map<string, { docx: Buffer; doc: Buffer }>()
const newSeries: (number | string)[] = []
const found: string[] = []

beforeAll(async () => {
  payload = await cms()
  const docx = await Promise.all(LAYOUTS.map(layoutDocx))
  const doc = await savedAsDoc(docx)
  LAYOUTS.forEach((layout, i) => files.set(layout.name, { docx: docx[i]!, doc: doc[i]! }))
}, 180_000)
afterAll(async () => {
  const quiet = {
    overrideAccess: true,
    context: { seed: true, skipRebuild: true },
  }
  for (const id of newSeries) await payload.delete({ collection: 'bulletin-series', id, ...quiet }).catch(() => undefined)
  console.log(`公文版式语料：各版式识别出的要素占比\n${found.join('\n')}`)
})

type Node = { type?: string; tag?: string; children?: Node[]; text?: string }
const nodes = (node: Node | undefined): Node[] => (node ? [node, ...(node.children ?? []).flatMap(nodes)] : [])
const textOf = (node: Node): string => node.text ?? (node.children ?? []).map(textOf).join('')

/** What the stored draft says for a fact's field. */
const read = async (
  layout: Layout,
  id: number | string,
): Promise<{
  get: (field: string) => unknown
  body: string
  status: unknown
}> => {
  if (layout.kind === 'resolutions') {
    const doc = (await payload.findByID({
      collection: 'resolutions',
      id,
      draft: true,
      overrideAccess: true,
    })) as unknown as Record<string, unknown> & { body: { root: Node } }
    const all = nodes(doc.body.root)
    return {
      status: doc._status,
      body: richTextToPlainText(doc.body as never),
      get: (field) => {
        if (field === 'headings.h2' || field === 'headings.h3') return all.filter((n) => n.type === 'heading' && n.tag === field.slice(-2)).map(textOf)
        // A nested list sits in a list item of its own: only items with text count.
        if (field === 'listItems') return all.filter((n) => n.type === 'listitem' && !n.children?.some((c) => c.type === 'list')).length
        const value = field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc)
        return /At$/.test(field) && typeof value === 'string' ? value.slice(0, 10) : value
      },
    }
  }
  const doc = (await payload.findByID({
    collection: 'bulletins',
    id,
    draft: true,
    depth: 1,
    overrideAccess: true,
  })) as unknown as Record<string, unknown> & {
    series: { id: number; name: string; issuer: string }
    sections: {
      heading?: string
      items: {
        title?: string
        source?: string
        category?: string
        body: unknown
      }[]
    }[]
  }
  if (!newSeries.includes(doc.series.id)) newSeries.push(doc.series.id)
  const items = doc.sections.flatMap((s) => s.items)
  return {
    status: doc._status,
    body: items.map((i) => `${i.title ?? ''}\n${richTextToPlainText(i.body as never)}`).join('\n'),
    get: (field) => {
      if (field === 'seriesName') return doc.series.name
      if (field === 'seriesIssuer') return doc.series.issuer
      if (field === 'sections') return doc.sections.map((s) => s.heading).filter(Boolean)
      if (field === 'firstItem') return { title: items[0]?.title, source: items[0]?.source }
      if (field === 'briefUnits') return items.filter((i) => i.category).map((i) => i.title)
      if (field === 'signoff')
        return {
          editor: (doc.signoff as Record<string, unknown>).editor,
          reviewer: (doc.signoff as Record<string, unknown>).reviewer,
          signer: (doc.signoff as Record<string, unknown>).signer,
        }
      const value = doc[field]
      return field === 'date' && typeof value === 'string' ? value.slice(0, 10) : value
    },
  }
}

describe.each(['docx', 'doc'] as const)('公文 layouts imported as .%s', (form) => {
  it.each(LAYOUTS.filter((l) => form === 'docx' || !l.docxOnly).map((l) => [l.name, l] as const))(
    '%s',
    async (_, layout) => {
      const req = await createLocalReq({ user: await userWithRole(payload, 'editor') }, payload)
      const file = files.get(layout.name)![form]
      const result = await importDocument(req, {
        file: { data: file, name: `版式.${form}` },
      })
      try {
        await check(layout, result, form)
      } finally {
        // Deleted now: the next form imports the same 文号 and 期号.
        await payload.delete({
          collection: result.collection,
          id: result.id,
          overrideAccess: true,
          context: { seed: true, skipRebuild: true },
        })
      }
    },
    60_000,
  )
})

const check = async (layout: Layout, result: ImportResult, form: string) => {
  expect(result.collection).toBe(layout.kind)
  const stored = await read(layout, result.id)
  expect(stored.status).toBe('draft')
  const missed = layout.facts.filter((f) => JSON.stringify(stored.get(f.field)) !== JSON.stringify(f.value))
  found.push(
    `  .${form} ${layout.name}：${String(layout.facts.length - missed.length)}/${String(layout.facts.length)}（${String(Math.round((100 * (layout.facts.length - missed.length)) / layout.facts.length))}%）`,
  )
  expect(
    missed.map((f) => ({
      fact: f.name,
      expected: f.value,
      got: stored.get(f.field),
    })),
  ).toEqual([])
  for (const sentence of layout.inBody) expect(stored.body, sentence).toContain(sentence)
  for (const part of layout.notInBody) expect(stored.body, part).not.toContain(part)
}

describe('what the 公文 parts allow', () => {
  const quiet = { overrideAccess: true, context: { seed: true, skipRebuild: true } }
  const imported = async (index: number) => {
    const req = await createLocalReq({ user: await userWithRole(payload, 'editor') }, payload)
    return importDocument(req, { file: { data: files.get(LAYOUTS[index]!.name)!.docx, name: '版式.docx' } })
  }

  it('a document marked 秘密 cannot be published, by anyone', async () => {
    const result = await imported(0)
    try {
      const error = await payload.update({ collection: 'resolutions', id: result.id, data: { _status: 'published' }, ...quiet }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toContain('文件标有密级“秘密★1年”，不得在互联网公开发布')
    } finally {
      await payload.delete({ collection: 'resolutions', id: result.id, ...quiet })
    }
  })

  it('published, its 主送, 落款 and 版记 are public; its 份号, 紧急程度 and 签发人 are not', async () => {
    const result = await imported(1)
    try {
      await payload.update({ collection: 'resolutions', id: result.id, data: { _status: 'published', gongwen: { copyNumber: '000009', urgency: '加急' } }, ...quiet })
      const anonymous = (await payload.findByID({ collection: 'resolutions', id: result.id, overrideAccess: false })) as { gongwen?: Record<string, unknown> }
      expect(anonymous.gongwen).toMatchObject({ mainRecipients: '区委、区政府', signatory: '门头沟区精神文明建设委员会办公室' })
      for (const internal of ['copyNumber', 'urgency', 'signedBy', 'secrecy']) expect(anonymous.gongwen?.[internal], internal).toBeUndefined()
    } finally {
      await payload.delete({ collection: 'resolutions', id: result.id, ...quiet })
    }
  })
})
