import type { CollectionBeforeOperationHook } from 'payload'

import { fieldError } from '../lib/errors.ts'

import { inspectUpload } from '../lib/uploads.ts'

/** Refuses, before anything is stored or resized, an upload whose bytes are not an accepted type. */
export const validateUpload: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const result = await inspectUpload(file)
  if (!result.ok) {
    throw fieldError(collection.slug, 'file', result.message, req)
  }
  return args
}
