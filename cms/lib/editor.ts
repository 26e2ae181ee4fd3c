import { lexicalEditor } from '@payloadcms/richtext-lexical'

/** The rich-text editor of every field; converters that write rich text (cms/lib/richText.ts) use its features too. */
export const richTextEditor = lexicalEditor()
