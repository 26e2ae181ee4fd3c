import type { Field } from 'payload'

/** A field's Chinese label as editors see it in the admin, or its name when it has none. */
export const fieldLabel = (field: Field | { name?: string; label?: unknown }): string => {
  const label = 'label' in field ? field.label : undefined
  if (typeof label === 'string' && label) return label
  if (label && typeof label === 'object' && typeof (label as Record<string, unknown>).zh === 'string') return (label as { zh: string }).zh
  return 'name' in field && typeof field.name === 'string' && field.name ? field.name : '字段'
}
