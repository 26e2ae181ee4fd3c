import type { DateField } from 'payload'

import { label } from './label.ts'

/**
 * A calendar-day field. The admin's day picker stores noon UTC, so the stored day is the same day in
 * every time zone from UTC−11 to UTC+11, including China's UTC+8.
 */
export const dayField = (name: string, zh: string, en: string, extra: Partial<DateField> = {}): DateField => ({
  name,
  type: 'date',
  label: label(zh, en),
  ...extra,
  admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' }, ...extra.admin },
})
