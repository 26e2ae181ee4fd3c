// 朗读 on article pages, driven by keyboard, with a stand-in speech engine that records what it was asked
// to say and finishes an utterance only when the test says so (Chromium here has no voices).
import { expect, type Page, test } from '@playwright/test'

declare global {
  interface Window {
    spoken: string[]
    speechCalls: string[]
    finishUtterance: () => boolean
  }
}

const stubSpeech = (page: Page, voices: { lang: string }[]) =>
  page.addInitScript((voiceList) => {
    window.spoken = []
    window.speechCalls = []
    let current: { text: string; onend?: (() => void) | null; onerror?: ((e: { error: string }) => void) | null } | null = null
    class Utterance {
      text: string
      lang = ''
      rate = 1
      voice: unknown = null
      onend: (() => void) | null = null
      onerror: ((e: { error: string }) => void) | null = null
      constructor(text: string) {
        this.text = text
      }
    }
    const engine = {
      getVoices: () => voiceList.map((v) => ({ ...v, name: `stub ${v.lang}`, default: true, localService: true, voiceURI: v.lang })),
      speak: (u: Utterance) => {
        window.spoken.push(u.text)
        current = u
      },
      pause: () => window.speechCalls.push('pause'),
      resume: () => window.speechCalls.push('resume'),
      cancel: () => {
        window.speechCalls.push('cancel')
        const u = current
        current = null
        u?.onerror?.({ error: 'interrupted' })
      },
      addEventListener: () => undefined,
    }
    Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true })
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true })
    window.finishUtterance = () => {
      const u = current
      current = null
      u?.onend?.()
      return Boolean(u)
    }
  }, voices)

const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('read-aloud')
    return h ? [...h].map((r) => r.toString()).join('') : ''
  })

for (const path of ['/resolutions/mentougou-2021-23/', '/bulletins/mentougou-kuaibao/673/', '/news/mentougou-lizu-shoushan/', '/about/']) {
  test(`朗读 reads the whole article of ${path} sentence by sentence, by keyboard`, async ({ page }) => {
    await stubSpeech(page, [{ lang: 'en-US' }, { lang: 'zh-CN' }])
    await page.goto(path)
    const start = page.getByRole('button', { name: '朗读全文' })
    await start.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => window.spoken.length)).toBe(1)
    const first = await page.evaluate(() => window.spoken[0]!)
    expect(await highlighted(page)).toBe(first)

    // Pause and resume by keyboard: focus is on 暂停 once reading starts.
    const pause = page.getByRole('button', { name: '暂停' })
    await expect(pause).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('button', { name: '继续' })).toBeFocused()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => window.speechCalls.filter((c) => c !== 'cancel'))).toEqual(['pause', 'resume'])

    // Read to the end: every sentence in order makes up the article's text, nothing from around it.
    while (await page.evaluate(() => window.finishUtterance())) {
      /* next sentence */
    }
    const spoken = await page.evaluate(() => window.spoken)
    expect(spoken.length).toBeGreaterThan(3)
    const article = await page.locator('main article').innerText()
    const squeeze = (s: string) => s.replace(/\s+/g, '')
    expect(squeeze(spoken.join(''))).toBe(squeeze(article))
    for (const outside of ['搜索全站', '跳到正文', '订阅工作动态', '朗读全文']) expect(spoken.join('')).not.toContain(outside)
    // At the end the control is back to its start, and nothing stays highlighted.
    await expect(start).toBeFocused()
    expect(await highlighted(page)).toBe('')
  })
}

test('停止 ends reading at once, by keyboard, and 语速 applies to what is read next', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'zh-CN' }])
  await page.goto('/resolutions/mentougou-2021-23/')
  await page.getByRole('button', { name: '朗读全文' }).click()
  await expect.poll(() => page.evaluate(() => window.spoken.length)).toBe(1)
  await page.evaluate(() => window.finishUtterance())
  await page.getByLabel('语速').selectOption({ label: '快' })
  await expect.poll(() => page.evaluate(() => window.spoken.length)).toBe(3)
  // The changed speed re-reads the current sentence.
  const spoken = await page.evaluate(() => window.spoken)
  expect(spoken[2]).toBe(spoken[1])
  await page.getByRole('button', { name: '停止' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: '朗读全文' })).toBeFocused()
  expect(await page.evaluate(() => window.speechCalls.at(-1))).toBe('cancel')
  expect(await highlighted(page)).toBe('')
  expect(await page.evaluate(() => window.finishUtterance())).toBe(false)
})

test('without a Chinese voice 朗读 says so instead of reading', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'en-US' }])
  await page.goto('/news/mentougou-lizu-shoushan/')
  await page.getByRole('button', { name: '朗读全文' }).click()
  await expect(page.locator('[data-read-note]')).toContainText('没有中文语音')
  await expect(page.locator('[data-read-note]')).toBeFocused()
  expect(await page.evaluate(() => window.spoken.length)).toBe(0)
})

test('朗读 never starts by itself, and its code loads only when pressed', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'zh-CN' }])
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url())
  })
  await page.goto('/resolutions/mentougou-2021-23/')
  await page.waitForLoadState('networkidle')
  const before = scripts.length
  expect(await page.evaluate(() => window.spoken.length)).toBe(0)
  await page.getByRole('button', { name: '朗读全文' }).click()
  await expect.poll(() => page.evaluate(() => window.spoken.length)).toBe(1)
  expect(scripts.length).toBeGreaterThan(before)
})
