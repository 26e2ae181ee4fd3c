/**
 * 朗读: reads an article aloud with the browser's speech synthesis and a Chinese voice, one sentence at a
 * time (an utterance of a whole article stops midway in some browsers), the sentence being read
 * highlighted (CSS Custom Highlight API: the page's markup is not touched) and scrolled into view. Loaded
 * only when the reader presses 朗读全文 (site/components/ReadAloud.astro). It announces nothing by itself:
 * the controls are plain buttons and a select, and a screen reader keeps its own voice.
 */

/** Elements whose text is a unit of its own: a sentence never runs from one into the next. */
const BLOCK = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,caption,figcaption,blockquote,pre,address'
/** A sentence longer than this is split at its semicolons (long utterances are where voices stall). */
const LONG = 100
const RATES = [
  ['0.75', '慢'],
  ['1', '正常'],
  ['1.25', '较快'],
  ['1.5', '快'],
] as const

export interface Sentence {
  text: string
  range: Range
}

const visible = (el: Element) => !el.closest('[hidden],[data-read-skip],script,style') && (el.checkVisibility?.() ?? true)

/** The article's text as sentences, each with its range in the page, in reading order. */
export const sentencesOf = (root: HTMLElement): Sentence[] => {
  const runs: { block: Element; nodes: Text[] }[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement
    if (!parent || !node.data.trim() || !visible(parent)) continue
    const block = parent.closest(BLOCK) ?? root
    const last = runs.at(-1)
    if (last?.block === block) last.nodes.push(node)
    else runs.push({ block, nodes: [node] })
  }
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'sentence' })
  const sentences: Sentence[] = []
  for (const { nodes } of runs) {
    const text = nodes.map((n) => n.data).join('')
    /** The text node and offset of a position in the run's text. */
    const at = (pos: number): [Text, number] => {
      for (const n of nodes) {
        if (pos <= n.data.length) return [n, pos]
        pos -= n.data.length
      }
      const end = nodes.at(-1)!
      return [end, end.data.length]
    }
    for (const { segment, index } of segmenter.segment(text)) {
      const parts = segment.length > LONG ? segment.split(/(?<=[；;])/) : [segment]
      let start = index
      for (const part of parts) {
        if (part.trim()) {
          const range = document.createRange()
          range.setStart(...at(start))
          range.setEnd(...at(start + part.length))
          sentences.push({ text: part.trim(), range })
        }
        start += part.length
      }
    }
  }
  return sentences
}

/** A Chinese voice, waiting briefly for the browser to list its voices (some list them late). */
const chineseVoice = async (): Promise<SpeechSynthesisVoice | null> => {
  const pick = () => {
    const zh = speechSynthesis.getVoices().filter((v) => /^zh|^cmn/i.test(v.lang))
    return zh.find((v) => /^zh[-_]CN/i.test(v.lang)) ?? zh[0] ?? null
  }
  if (pick()) return pick()
  await new Promise((resolve) => {
    speechSynthesis.addEventListener('voiceschanged', resolve, { once: true })
    setTimeout(resolve, 1500)
  })
  return pick()
}

const button = (label: string) => {
  const b = document.createElement('button')
  b.type = 'button'
  b.className = 'button'
  b.textContent = label
  return b
}

/** Takes over the 朗读 control `box` (its start button) to read `article`. */
export const readAloud = async (box: HTMLElement, article: HTMLElement) => {
  const start = box.querySelector<HTMLButtonElement>('[data-read-start]')!
  const note = box.querySelector<HTMLParagraphElement>('[data-read-note]')!
  const voice = 'speechSynthesis' in window ? await chineseVoice() : null
  if (!voice) {
    note.textContent = '这个浏览器没有中文语音，无法朗读。可在系统的语音设置中添加中文（普通话）语音，或使用读屏软件。'
    note.hidden = false
    note.focus()
    return
  }

  const sentences = sentencesOf(article)
  const pause = button('暂停')
  const stop = button('停止')
  const speedLabel = document.createElement('label')
  const speed = document.createElement('select')
  speed.id = 'read-aloud-speed'
  speedLabel.htmlFor = speed.id
  speedLabel.textContent = '语速'
  for (const [value, label] of RATES) speed.add(new Option(label, value, value === '1', value === '1'))
  const playing = document.createElement('span')
  playing.className = 'read-aloud-controls'
  playing.hidden = true
  playing.append(pause, stop, speedLabel, speed)
  box.append(playing)

  const highlights = (CSS as { highlights?: Map<string, unknown> }).highlights
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches
  let index = 0
  let current: SpeechSynthesisUtterance | null = null

  /**
   * The highlight's style, added by the script that uses it: the page's own stylesheet is inlined into
   * every page, and the Nu HTML Checker's CSS parser does not know ::highlight() (it reports the page invalid).
   */
  if (highlights && typeof Highlight !== 'undefined') {
    const style = new CSSStyleSheet()
    style.replaceSync('::highlight(read-aloud) { background-color: var(--mark-bg); color: #000; }')
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, style]
  }

  const show = (sentence: Sentence | null) => {
    if (!highlights || typeof Highlight === 'undefined') return
    if (!sentence) return void highlights.delete('read-aloud')
    highlights.set('read-aloud', new Highlight(sentence.range))
    const rect = sentence.range.getBoundingClientRect()
    if (rect.top < 0 || rect.bottom > innerHeight) {
      sentence.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reducedMotion ? 'auto' : 'smooth' })
    }
  }
  const finish = () => {
    current = null
    speechSynthesis.cancel()
    show(null)
    index = 0
    playing.hidden = true
    start.hidden = false
    start.focus()
  }
  const speak = () => {
    const sentence = sentences[index]
    if (!sentence) return finish()
    show(sentence)
    const utterance = new SpeechSynthesisUtterance(sentence.text)
    utterance.voice = voice
    utterance.lang = voice.lang
    utterance.rate = Number(speed.value)
    // Only the utterance being read moves on: a cancelled one may still report its end.
    const next = () => {
      if (current !== utterance) return
      index++
      speak()
    }
    utterance.onend = next
    utterance.onerror = (event) => {
      if (event.error !== 'interrupted' && event.error !== 'canceled') next()
    }
    current = utterance
    speechSynthesis.speak(utterance)
  }
  /** Reads the current sentence again from its start (after a change of speed). */
  const restart = () => {
    current = null
    speechSynthesis.cancel()
    speak()
  }

  start.addEventListener('click', () => {
    start.hidden = true
    playing.hidden = false
    pause.textContent = '暂停'
    pause.focus()
    index = 0
    restart()
  })
  pause.addEventListener('click', () => {
    if (pause.textContent === '暂停') {
      speechSynthesis.pause()
      pause.textContent = '继续'
    } else {
      speechSynthesis.resume()
      pause.textContent = '暂停'
    }
  })
  stop.addEventListener('click', finish)
  speed.addEventListener('change', () => {
    if (current && pause.textContent === '暂停') restart()
  })
  addEventListener('pagehide', () => speechSynthesis.cancel())
  start.click()
}
