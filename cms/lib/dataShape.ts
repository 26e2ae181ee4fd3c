/**
 * Whether a request's data has the shape the database stores, field by field. Payload validates values
 * when a document is published but not when a draft is saved, and some wrong shapes (a rich text whose
 * `children` is not a list, an unparseable date, an object where text belongs) made its own hooks or the
 * database adapter throw: a 500, sometimes after the first rows were written.
 */
import type { Field, PayloadRequest, SanitizedConfig } from 'payload'

import { fieldError } from './errors.ts'
import { fieldLabel } from './fieldLabel.ts'
import { eachField, isObject } from './walkFields.ts'

/** Deeper bodies are refused: no field here nests further, and deep values exhaust recursive code. */
export const MAX_DEPTH = 60

/** Own keys that would reach an object's prototype when copied with assignment. */
const POISONED = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Why a request body cannot be a document, or null: it must be a JSON object, at most MAX_DEPTH deep.
 * Prototype-reaching keys are removed on the way (iteratively: a deep body must not overflow this check).
 */
export const bodyProblem = (data: unknown): string | null => {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return '请求内容应为一个 JSON 对象（字段名: 值），请检查后重新提交。'
  const stack: [unknown, number][] = [[data, 1]]
  while (stack.length) {
    const [value, depth] = stack.pop()!
    if (!value || typeof value !== 'object') continue
    if (depth > MAX_DEPTH) return `请求内容嵌套超过 ${String(MAX_DEPTH)} 层，无法保存。`
    for (const key of Object.keys(value)) {
      if (POISONED.has(key)) delete (value as Record<string, unknown>)[key]
      else stack.push([(value as Record<string, unknown>)[key], depth + 1])
    }
  }
  return null
}

const isText = (v: unknown) => typeof v === 'string'
const isNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
const isDate = (v: unknown) => (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) && Number.isFinite(new Date(v).getTime()) && Math.abs(new Date(v).getFullYear()) < 10_000

/** Why a Lexical rich-text value is malformed, or null: a root whose nodes each have a type, lists of children and text. */
const richTextProblem = (value: unknown): string | null => {
  const root = isObject(value) ? (value as { root?: unknown }).root : undefined
  if (!isObject(root) || (root as { type?: unknown }).type !== 'root') return '应为富文本（含 root 节点）'
  const stack: unknown[] = [root]
  while (stack.length) {
    const node = stack.pop()
    if (!isObject(node)) return '含有无效的节点'
    const { type, children, text } = node as { type?: unknown; children?: unknown; text?: unknown }
    if (typeof type !== 'string') return '含有没有类型的节点'
    if (text !== undefined && typeof text !== 'string') return '含有无效的文字节点'
    if (children !== undefined) {
      if (!Array.isArray(children)) return '节点的子节点应为列表'
      stack.push(...(children as unknown[]))
    }
  }
  return null
}

/** What a value of `field` must be, in words, when `value` is not it; null when it is (or it is empty). */
const shapeProblem = (field: Field, value: unknown, config: SanitizedConfig): string | null => {
  if (value === undefined || value === null) return null
  const many = 'hasMany' in field && field.hasMany === true
  const each = (ok: (v: unknown) => boolean, what: string) => (many ? (Array.isArray(value) && value.every(ok) ? null : `应为${what}组成的列表`) : ok(value) ? null : `应为${what}`)
  switch (field.type) {
    case 'text':
    case 'textarea': {
      // Payload's own length limit, which it checks on publishing only: a draft over it once saved, then
      // failed on publishing, or in the audit entry written after the save.
      const max = field.maxLength ?? config.defaultMaxTextLength ?? 40_000
      return each((v) => isText(v) && (v as string).length <= max, `不超过 ${String(max)} 个字符的文字`)
    }
    case 'email':
    case 'code':
    case 'radio':
      return each(isText, '文字')
    case 'select':
      return each((v) => isText(v) && field.options.some((o) => (typeof o === 'string' ? o : o.value) === v), `以下选项之一：${field.options.map((o) => (typeof o === 'string' ? o : o.value)).join('、')}`)
    case 'number':
      return each(isNumber, '数字')
    case 'checkbox':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? null : '应为是或否（true / false）'
    case 'date':
      return isDate(value) ? null : '应为有效的日期（如 2024-05-01）'
    case 'relationship':
    case 'upload':
      // Which documents they name is checked against the database (hooks/guardWrite.ts); here, one or a list.
      return many === Array.isArray(value) ? null : many ? '应为若干关联文档组成的列表' : '应为一个关联文档（而不是列表）'
    case 'point':
      return Array.isArray(value) && value.length === 2 && value.every(isNumber) ? null : '应为经纬度两个数字'
    case 'richText':
      return richTextProblem(value)
    case 'array':
      return Array.isArray(value) && value.every(isObject) ? null : '应为若干条目组成的列表'
    case 'blocks': {
      if (!Array.isArray(value) || !value.every(isObject)) return '应为若干内容块组成的列表'
      const known = new Set((field.blockReferences ?? field.blocks).map((b) => (typeof b === 'string' ? b : b.slug)))
      const unknown = value.find((row) => !known.has((row as { blockType?: string }).blockType ?? ''))
      return unknown ? `含有未知的内容块类型“${String((unknown as { blockType?: unknown }).blockType)}”` : null
    }
    case 'group':
      return 'name' in field && field.name && !isObject(value) ? '应为一组字段' : null
    default:
      return null
  }
}

/**
 * What null means for a field that holds a structure: the empty structure — a list with no rows, a group
 * with each of its fields cleared. The version writer and Payload's own hooks read into the structure
 * (null there ended in a TypeError, a 500). Other fields keep null.
 */
const emptyOf = (field: Field): unknown => {
  if (field.type === 'array' || field.type === 'blocks' || ('hasMany' in field && field.hasMany === true)) return []
  if (field.type === 'group' && 'name' in field && field.name) return Object.fromEntries(field.fields.flatMap((f) => ('name' in f && f.name ? [[f.name, null]] : [])))
  return undefined
}

/** Throws a 400 naming the first field whose value has the wrong shape. */
export const refuseWrongShapes = (fields: Field[], config: SanitizedConfig, data: unknown, slug: string, req: PayloadRequest): void => {
  eachField(fields, config, data, ({ field, value, path, parent }) => {
    const empty = value === null && 'name' in field ? emptyOf(field) : undefined
    if (empty !== undefined && 'name' in field) parent[field.name] = empty
    const problem = shapeProblem(field, value, config)
    if (problem) throw fieldError(slug, path, `“${fieldLabel(field)}”的格式不正确：${problem}。`, req)
  })
}
