/** The middle value of `xs` (the upper one of an even count); 0 when there is none. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
