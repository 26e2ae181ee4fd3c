/**
 * An import: read the file or text, recognise it, store its images as media items, create a draft of
 * the right kind (with a new series when the masthead names one that does not exist). Everything is
 * created as the signed-in editor, so access rules, 文号/期号 uniqueness and the content checks apply as
 * on any save; when anything fails, what this import created so far is removed again. Nothing is
 * published: the draft goes through 审核 and 核签 like any other.
 */
import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { userHasRole } from '../access/roles.ts'
import { markdownToRichText, type RichText } from '../lib/richText.ts'
import { PENDING_ALT } from '../lib/uploads.ts'
import { ImportError } from './errors.ts'
import { readDocx, readText, type Block, type ImportedImage } from './read.ts'
import { guessKind, IMPORT_KINDS, type ImportKind, type Known, recogniseBulletin, recogniseNews, recogniseResolution, type Recognition } from './recognise.ts'
import { bodyMarkdown, IMAGE_PLACEHOLDER, paragraphs } from './structure.ts'


export interface ImportInput {
  file?: { data: Buffer; name: string }
  text?: string
  kind?: string
}
export interface ImportResult {
  collection: ImportKind
  id: number | string
  recognised: string[]
  unrecognised: string[]
}

const isKind = (k: string): k is ImportKind => k in IMPORT_KINDS

type Node = { type?: string; children?: Node[]; text?: string }
/** Puts the imported pictures where their placeholders stand. */
const placeImages = (node: Node, mediaIds: Map<number, number | string>): Node => {
  const only = node.type === 'paragraph' && node.children?.length === 1 ? node.children[0]?.text : undefined
  const index = only?.startsWith(IMAGE_PLACEHOLDER) ? Number(only.slice(IMAGE_PLACEHOLDER.length)) : NaN
  if (!Number.isNaN(index)) {
    const id = mediaIds.get(index)
    return id === undefined
      ? { ...node, children: [{ ...node.children![0], text: '［此处原有一张图片，格式无法导入］' }] }
      : ({ type: 'upload', relationTo: 'media', value: id, fields: null, format: '', version: 3, id: randomUUID().replace(/-/g, '').slice(0, 24) } as Node)
  }
  return node.children ? { ...node, children: node.children.map((c) => placeImages(c, mediaIds)) } : node
}

export const importDocument = async (req: PayloadRequest, input: ImportInput): Promise<ImportResult> => {
  const { payload, user } = req
  if (!user) throw new ImportError('请先登录。', 401)
  if (!userHasRole(user, 'admin', 'editor')) throw new ImportError('只有编辑和管理员可以导入文档。', 403)
  if (input.kind && !isKind(input.kind)) throw new ImportError(`文档类型“${input.kind}”无效，可选：resolutions（政策文件）、bulletins（简报·快报）、news（工作动态）。`)
  if (!input.file && !input.text?.trim()) throw new ImportError('请上传一个 Word/WPS 文件（.docx、.doc、.wps），或粘贴文档的文字。')
  const read = input.file ? await readDocx(input.file.data, input.file.name) : readText(input.text ?? '')
  const blocks = paragraphs(read.blocks)
  const kind: ImportKind = input.kind && isKind(input.kind) ? input.kind : guessKind(blocks)

  const created: { collection: 'media' | 'bulletin-series' | ImportKind; id: number | string }[] = []
  const undo = async () => {
    for (const c of created.reverse()) await payload.delete({ collection: c.collection, id: c.id, overrideAccess: true }).catch(() => undefined)
  }
  try {
    const mediaIds = new Map<number, number | string>()
    const skipped: string[] = []
    const storeImage = async (image: ImportedImage, index: number) => {
      const ext = image.contentType.split('/')[1] ?? 'bin'
      const name = `${(input.file?.name ?? '导入').replace(/\.(docx|doc|wps|rtf|odt)$/i, '')}-图${String(index + 1)}.${ext}`
      const media = await payload
        .create({ collection: 'media', data: { alt: image.alt || PENDING_ALT }, file: { data: image.data, mimetype: image.contentType, name, size: image.data.length }, user, overrideAccess: false })
        .catch((error: unknown) => {
          skipped.push(`第${String(index + 1)}张图片（${image.contentType}）未能导入：${error instanceof Error ? error.message : String(error)}`)
          return null
        })
      if (media) {
        created.push({ collection: 'media', id: media.id })
        mediaIds.set(index, media.id)
      }
    }
    const used = new Set(blocks.flatMap((b) => ('image' in b ? [b.image] : [])))
    for (const [index, image] of read.images.entries()) if (used.has(index)) await storeImage(image, index)
    const toRichText = async (part: Block[]): Promise<RichText> => {
      const state = await markdownToRichText(bodyMarkdown(part).markdown || ' ')
      return { ...state, root: placeImages(state.root as Node, mediaIds) } as RichText
    }
    const known: Known = {
      series: (await payload.find({ collection: 'bulletin-series', depth: 0, pagination: false, overrideAccess: true })).docs as Known['series'],
      regions: (await payload.find({ collection: 'regions', depth: 0, pagination: false, overrideAccess: true })).docs as Known['regions'],
    }
    let recognition: Recognition
    try {
      recognition =
        kind === 'resolutions' ? await recogniseResolution(blocks, toRichText) : kind === 'bulletins' ? await recogniseBulletin(blocks, known, toRichText) : await recogniseNews(blocks, known, toRichText)
    } catch (error) {
      throw new ImportError(error instanceof Error ? error.message : String(error), 422)
    }
    const { data, newSeries } = recognition
    if (newSeries) {
      const series = await payload.create({ collection: 'bulletin-series', data: newSeries as never, overrideAccess: true })
      created.push({ collection: 'bulletin-series', id: series.id })
      data.series = series.id
    }
    // News takes its first picture as the cover (it stays in the body too).
    if (kind === 'news' && mediaIds.size > 0) data.cover = [...mediaIds.values()][0]
    const { signoff, ...fields } = data
    const doc = await payload.create({ collection: kind, data: { ...fields, _status: 'draft' } as never, draft: true, user, overrideAccess: false })
    created.push({ collection: kind, id: doc.id })
    // 编校/审核/核签 as the document prints them: only the workflow (at 核签) and admins write this field,
    // so the import, having read it from the file, sets it on the editor's behalf; 核签 replaces it with the chain's names.
    if (signoff) await payload.update({ collection: 'bulletins', id: doc.id, data: { signoff } as never, draft: true, overrideAccess: true })
    const pictures = mediaIds.size ? [`图片：${String(mediaIds.size)} 张已存入媒体库${[...read.images].some((i) => !i.alt) ? '（缺少替代文字的已标为“待填写”，发布前须补填）' : ''}`] : []
    return {
      collection: kind,
      id: doc.id,
      recognised: [`文档类型：${IMPORT_KINDS[kind]}${input.kind ? '' : '（自动判断）'}`, ...recognition.recognised, ...pictures],
      unrecognised: [...recognition.unrecognised, ...skipped, ...read.notes],
    }
  } catch (error) {
    await undo()
    throw error
  }
}
