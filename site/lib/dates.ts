/** Dates as the site shows them: Beijing time, Chinese style. */

/**
 * Made when first used: the first formatter with a time zone loads the zone's data (~100 ms at a phone's
 * speed), and the search page, which imports this module for chineseDate, formats no timestamps.
 */
let dayFormat: Intl.DateTimeFormat | undefined
let timeFormat: Intl.DateTimeFormat | undefined

/** `YYYY-MM-DD` of an ISO timestamp in Beijing time. */
export const beijingDay = (iso: string): string =>
  (dayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })).format(new Date(iso))

/** `HH:mm` of an ISO timestamp in Beijing time. */
export const beijingTime = (iso: string): string =>
  (timeFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })).format(new Date(iso))

/** `2022年4月13日` from `2022-04-13`. */
export const chineseDate = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number)
  return `${String(y)}年${String(m)}月${String(d)}日`
}
