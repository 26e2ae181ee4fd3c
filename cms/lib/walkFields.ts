import type { Field, SanitizedConfig } from 'payload'

type Data = Record<string, unknown>

/** What `eachField` hands its callback: a data field, its value in the document and its path there. */
export interface FieldVisit {
  /** The field; a named tab is visited as the group it stores. */
  field: Field
  value: unknown
  /** The field's path in the data, rows numbered (`sections.0.items.2.body`), as Payload's errors name it. */
  path: string
  /** The object that holds the value (to replace it). */
  parent: Data
}

/** A JSON object (not null, not a list). */
export const isObject = (value: unknown): value is Data => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/**
 * Calls `visit` for every data field of `data` (a document or part of one) that `fields` describe, rows
 * of arrays and blocks included, depth first. Layout fields (rows, collapsibles, unnamed groups and tabs)
 * are looked through; values of the wrong shape are visited but not entered.
 */
export const eachField = (fields: Field[], config: SanitizedConfig, data: unknown, visit: (v: FieldVisit) => void, prefix = ''): void => {
  if (!isObject(data)) return
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          const value = data[tab.name]
          const path = `${prefix}${tab.name}`
          visit({ field: { type: 'group', name: tab.name, label: tab.label, fields: tab.fields } as Field, value, path, parent: data })
          eachField(tab.fields, config, value, visit, `${path}.`)
        } else eachField(tab.fields, config, data, visit, prefix)
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if ('fields' in field) eachField(field.fields, config, data, visit, prefix)
      continue
    }
    const path = `${prefix}${field.name}`
    visit({ field, value: data[field.name], path, parent: data })
    const value = data[field.name]
    if (field.type === 'group') eachField(field.fields, config, value, visit, `${path}.`)
    if ((field.type === 'array' || field.type === 'blocks') && Array.isArray(value)) {
      value.forEach((row, i) => {
        if (!isObject(row)) return
        const rowFields = field.type === 'array' ? field.fields : blockFields(field, config, row.blockType)
        if (rowFields) eachField(rowFields, config, row, visit, `${path}.${String(i)}.`)
      })
    }
  }
}

const blockFields = (field: Field & { type: 'blocks' }, config: SanitizedConfig, blockType: unknown): Field[] | undefined => {
  const block = (field.blockReferences ?? field.blocks).map((b) => (typeof b === 'string' ? config.blocks?.find((c) => c.slug === b) : b)).find((b) => b?.slug === blockType)
  return block?.fields
}

/** The data keys one level of `fields` stores (layout fields looked through, named tabs as their name). */
const keysOf = (fields: Field[]): string[] =>
  fields.flatMap((field) => {
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [tab.name] : keysOf(tab.fields)))
    if ('name' in field && field.name) return [field.name]
    return 'fields' in field ? keysOf(field.fields) : []
  })

/**
 * Removes, at every level of `data`, the keys no field describes (rows keep `id`, blocks `blockType` and
 * `blockName`; `extra` names more keys allowed at the top). Payload would ignore them when writing, but
 * hooks that read the data before then would see them.
 */
export const dropUnknownKeys = (fields: Field[], config: SanitizedConfig, data: unknown, extra: string[] = []): void => {
  if (!isObject(data)) return
  const known = new Set([...keysOf(fields), ...extra])
  for (const key of Object.keys(data)) if (!known.has(key)) delete data[key]
  eachField(fields, config, data, ({ field, value }) => {
    if (field.type === 'group' && 'name' in field && field.name && isObject(value)) {
      const allowed = new Set(keysOf(field.fields))
      for (const key of Object.keys(value)) if (!allowed.has(key)) delete value[key]
    }
    if ((field.type === 'array' || field.type === 'blocks') && Array.isArray(value)) {
      for (const row of value) {
        if (!isObject(row)) continue
        const rowFields = field.type === 'array' ? field.fields : blockFields(field, config, row.blockType)
        const allowed = new Set([...keysOf(rowFields ?? []), 'id', ...(field.type === 'blocks' ? ['blockType', 'blockName'] : [])])
        for (const key of Object.keys(row)) if (!allowed.has(key)) delete row[key]
      }
    }
  })
}
