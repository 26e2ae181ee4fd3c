import type { TextField } from 'payload'

import { label } from './label.ts'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Lower-cases and hyphenates a slug typed by an editor; Chinese characters are not allowed in URLs. */
export const formatSlug = (value: string): string =>
  value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** A fresh default slug for documents whose editor gave none: the date and a short random tag. */
export const defaultSlug = (date = new Date()): string =>
  `${date.toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 7)}`

/** The URL slug of a public document: unique, latin, filled in automatically when left empty. */
export const slugField = (): TextField => ({
  name: 'slug',
  type: 'text',
  label: label('网址标识', 'URL slug'),
  index: true,
  unique: true,
  admin: {
    position: 'sidebar',
    description: label(
      '用于网址，只能包含小写字母、数字和连字符；留空则自动生成。',
      'Used in the URL: lower-case letters, digits and hyphens; generated when left empty.',
    ),
  },
  hooks: {
    beforeValidate: [({ value }) => (typeof value === 'string' && value.trim() ? formatSlug(value) : defaultSlug())],
  },
  validate: (value: unknown) =>
    typeof value !== 'string' || SLUG_PATTERN.test(value) ? true : '网址标识只能包含小写字母、数字和连字符',
})
