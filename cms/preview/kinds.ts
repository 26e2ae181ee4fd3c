/** The collections whose documents have a public page, and so a draft preview. */
export const PREVIEWABLE = ['news', 'bulletins', 'resolutions', 'figures'] as const
export type Previewable = (typeof PREVIEWABLE)[number]
export const isPreviewable = (c: string): c is Previewable => (PREVIEWABLE as readonly string[]).includes(c)
