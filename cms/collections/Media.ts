import type { CollectionConfig } from 'payload'

import { hasRole } from '../access/hasRole.ts'
import { mediaReadAccess } from '../access/publicMedia.ts'
import { label } from '../fields/label.ts'
import { rebuildOnChange, rebuildOnDelete } from '../hooks/publishToLive.ts'
import { validateUpload } from '../hooks/validateUpload.ts'
import { mediaDir } from '../lib/paths.ts'
import { ACCEPTED_MIME_TYPES, pasteUrlOption } from '../lib/uploads.ts'

/** 媒体: images and PDF attachments; every file carries a description for screen readers. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: label('媒体文件', 'Media file'), plural: label('媒体库', 'Media') },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'mimeType', 'filesize'], group: label('内容', 'Content') },
  access: { read: mediaReadAccess, create: hasRole('editor'), update: hasRole('editor'), delete: hasRole() },
  hooks: { beforeOperation: [validateUpload], afterChange: [rebuildOnChange], afterDelete: [rebuildOnDelete] },
  upload: {
    staticDir: mediaDir,
    mimeTypes: ACCEPTED_MIME_TYPES,
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 320, formatOptions: { format: 'webp', options: { quality: 78 } } },
      { name: 'card', width: 640, formatOptions: { format: 'webp', options: { quality: 78 } } },
      { name: 'large', width: 1280, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 80 } } },
    ],
    adminThumbnail: 'thumbnail',
    // 从网址粘贴 only for the addresses the operator allowed (validateUpload enforces the same list).
    pasteURL: pasteUrlOption(),
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: label('替代文字', 'Alt text'),
      admin: { description: label('向看不到图片的读者描述图片内容（必填）', 'Describes the image for readers who cannot see it') },
    },
    { name: 'caption', type: 'text', label: label('图片说明', 'Caption') },
    { name: 'credit', type: 'text', label: label('来源/摄影', 'Credit') },
  ],
}
