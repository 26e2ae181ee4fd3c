/** The id of a relationship value, whether it arrived populated (`{ id, … }`) or as the bare id. */
export const idOf = (value: unknown): number | string | null | undefined =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: number | string }).id : (value as number | string | null | undefined)
