/** A label in the admin's two languages: Chinese first, English for the English admin. */
export const label = (zh: string, en: string): { zh: string; en: string } => ({ zh, en })
