/**
 * Cleaning a policy text before parsing. Pure: text in, numbered lines out.
 *
 * - Width: full-width digits, Latin letters, brackets, ．and ％ become half width (Ｂ→B, （→(); the
 *   ideographic space becomes a space. Chinese ，；：、。 are kept: they carry meaning in headings.
 * - Page noise: page-number lines ("— 3 —", "- 3 -", "第 3 页 共 12 页", "共12页 第3页", "Page 3 of 12",
 *   "3 / 12", a bare number), running headers and footers (a short line repeated three times or more,
 *   or twice next to page numbers), and page numbers printed at the start of the next page's first
 *   line ("…发展的\n12、新动能…": a run of consecutive "N、" markers that break sentences, or a
 *   single marker other than 1 that continues an unfinished sentence).
 * - Broken lines: a line is joined to the previous one when the previous stops mid-sentence, the
 *   line is not a numbered heading, and only a line break or page noise lies between (a blank line
 *   is a paragraph break). A numbered heading is joined to its next line only when it fills the
 *   line width of a hard-wrapped text (it wrapped); see wrapWidth.
 * - Embedded headings: a numbering after a sentence stop ("…体系。（三）加快…") starts a new line;
 *   whether it is a heading is decided by the numbering sequence (tree.ts).
 * Every line keeps the number of the source line where it starts.
 */
export interface Line {
  no: number
  text: string
}

const PAGE = [
  /^[-—–─_~\s]*\d{1,4}[-—–─_~\s]*$/,
  /^[-—–\s]*第\s*\d+\s*页\s*(?:[,，/／]?\s*共\s*\d+\s*页)?[-—–\s]*$/,
  /^共\s*\d+\s*页\s*[,，/／]?\s*第\s*\d+\s*页$/,
  /^page\s+\d+(?:\s*(?:of|\/)\s*\d+)?$/i,
  /^\d+\s*\/\s*\d+$/,
  /^-\s*\d+\s*-$/,
]

export const isPageNumber = (s: string): boolean => PAGE.some((re) => re.test(s.trim()))

/** A line ends a sentence (or a clause that may end a line). */
const STOP = /[。！？；：.!?;:"”’)）】》]$/

/** Full-width digits, Latin letters, brackets, ．and ％ to half width; Chinese ，；：？！ are kept. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF08\uFF09\uFF0E\uFF05\uFF0F]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\u3000\u00A0]/g, ' ')
    .replace(/\uFEFF/g, '')
}

const CN_NUM = '[一二三四五六七八九十]'
/**
 * Headings embedded in running text (a scraped page on one line): a numbering after a sentence
 * stop, or a bracketed Chinese numeral before a Chinese word, starts a new line.
 */
export function splitEmbedded(text: string): string {
  return (
    text
      .replace(
        new RegExp(
          `([。；！？：:])[ \\t]*(?=(第${CN_NUM}+(?:[,，、]|篇|章|节|部分)|${CN_NUM}+、|${CN_NUM}是|[(（]${CN_NUM}{1,3}[)）]|[(（]\\d{1,2}[)）]|[①-⑳]))`,
          'g',
        ),
        '$1\n',
      )
      // a bracketed Chinese numeral opens a list item wherever it stands ("…崛起(一)着力构建…")
      .replace(new RegExp(`([^\\n\\s(（])[ \\t]*(?=[(（]${CN_NUM}{1,3}[)）][\\u4e00-\\u9fff])`, 'g'), '$1\n')
      .replace(
        /([.;:!?])[ \t]+(?=(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)(?:ly)?,)/g,
        '$1\n',
      )
      .replace(/([.;:!?])[ \t]+(?=(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.\s+[A-Z])/g, '$1\n')
      .replace(/[ \t]+(?=\((?:\d{1,2}|[a-h])\)\s+[A-Z])/g, '\n')
  )
}

interface Raw {
  no: number
  text: string
  /** a blank line lies between this line and the previous kept one */
  gap: boolean
  /** page noise was removed between this line and the previous kept one */
  noise: boolean
}

/** Lines without page numbers and running headers, each knowing what lay before it. */
function dropNoise(text: string, isHeading: (s: string) => boolean): Raw[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((t, i) => ({ no: i + 1, text: t.replace(/\s+$/, '').trimStart() }))
  const page = lines.map((l) => l.text !== '' && isPageNumber(l.text))
  const count = new Map<string, number>()
  const besidePage = new Map<string, number>()
  lines.forEach((l, i) => {
    if (!l.text || l.text.length > 40 || page[i]) return
    count.set(l.text, (count.get(l.text) ?? 0) + 1)
    const near = [i - 2, i - 1, i + 1, i + 2].some((j) => page[j] === true)
    if (near) besidePage.set(l.text, (besidePage.get(l.text) ?? 0) + 1)
  })
  const header = (s: string) => !isHeading(s) && ((count.get(s) ?? 0) >= 3 || (besidePage.get(s) ?? 0) >= 2)
  const out: Raw[] = []
  let gap = false
  let noise = false
  lines.forEach((l, i) => {
    if (l.text === '') gap = true
    else if (page[i] || header(l.text)) noise = true
    else {
      out.push({ ...l, gap, noise })
      gap = false
      noise = false
    }
  })
  return out
}

const MARKER = /^(\d{1,3})(?:、|[.．](?!\d))\s*/

/**
 * Page numbers printed at the start of each page's first line (a document rendered as text): a
 * run of three or more successive lines starting with consecutive "N、" whose lines are long and
 * mostly continue an unfinished sentence. The markers are removed and the lines marked as page
 * breaks, so the broken sentences are joined again.
 */
function dropPageMarkers(lines: Raw[]): void {
  let i = 0
  while (i < lines.length) {
    let j = i
    while (j + 1 < lines.length) {
      const a = MARKER.exec(lines[j]!.text)
      const b = MARKER.exec(lines[j + 1]!.text)
      if (!a || !b || Number(b[1]) !== Number(a[1]) + 1) break
      j++
    }
    const run = lines.slice(i, j + 1)
    if (run.length >= 3 && MARKER.test(run[0]!.text)) {
      const broken = run.filter((_, k) => {
        const prev = k === 0 ? lines[i - 1] : run[k - 1]
        return prev !== undefined && !STOP.test(prev.text)
      }).length
      const long = [...run].map((l) => l.text.length).sort((x, y) => x - y)[run.length >> 1]! >= 40
      if (long && broken >= (run.length - 1) / 2)
        for (const l of run) {
          l.text = l.text.replace(MARKER, '')
          l.noise = true
        }
    }
    i = j + 1
  }
}

/**
 * The line width of a hard-wrapped text: the median length of the lines that stop mid-sentence,
 * when there are at least three and most of them are within 15% of it; otherwise none (Infinity).
 */
function wrapWidth(lines: readonly Raw[], isHeading: (s: string) => boolean): number {
  const open = lines
    .filter((l) => !STOP.test(l.text) && !isHeading(l.text))
    .map((l) => l.text.length)
    .sort((a, b) => a - b)
  if (open.length < 3) return Number.POSITIVE_INFINITY
  const median = open[open.length >> 1]!
  const near = open.filter((n) => Math.abs(n - median) <= 0.15 * median).length
  return near >= 0.6 * open.length ? median : Number.POSITIVE_INFINITY
}

const joinText = (a: string, b: string) =>
  /[\u3000-\u9fff\uff00-\uffef]$/.test(a) || /^[\u3000-\u9fff\uff00-\uffef]/.test(b) ? a + b : `${a} ${b}`

interface Logical {
  text: string
  heading: boolean
  /** where each source line starts in `text` */
  starts: { at: number; no: number }[]
}

/**
 * The cleaned lines of a text (already half-width). `isHeading` tells a numbered heading: it is
 * never joined to the line before it, and a short one never takes the next line.
 */
export function cleanLines(text: string, isHeading: (s: string) => boolean): Line[] {
  const lines = dropNoise(text, isHeading)
  dropPageMarkers(lines)
  const width = wrapWidth(lines, isHeading)
  const out: Logical[] = []
  const append = (prev: Logical, t: string, no: number) => {
    const joined = joinText(prev.text, t)
    prev.starts.push({ at: joined.length - t.length, no })
    prev.text = joined
  }
  for (const l of lines) {
    const prev = out.at(-1)
    const open = prev !== undefined && !STOP.test(prev.text) && (!l.gap || l.noise)
    // a lone page number printed into the text ("…发展的\n12、新动能…"): a marker other than 1
    // that continues an unfinished sentence (a list's first item is 1; page 1 has no marker)
    const marker = MARKER.exec(l.text)
    if (open && marker && Number(marker[1]) >= 2 && !prev.heading) {
      append(prev, l.text.slice(marker[0].length), l.no)
      continue
    }
    const heading = isHeading(l.text)
    if (open && !heading && (!prev.heading || prev.text.length >= 0.9 * width)) {
      append(prev, l.text, l.no)
      continue
    }
    out.push({ text: l.text, heading, starts: [{ at: 0, no: l.no }] })
  }
  return out.flatMap(splitLogical)
}

/** A logical line cut at its embedded headings, each piece with the source line where it starts. */
function splitLogical(l: Logical): Line[] {
  const pieces = splitEmbedded(l.text).split('\n')
  let cursor = 0
  return pieces
    .map((p) => {
      const t = p.trim()
      const at = Math.max(cursor, l.text.indexOf(t, cursor))
      cursor = at + t.length
      const no = [...l.starts].reverse().find((s) => s.at <= at)?.no ?? l.starts[0]!.no
      return { no, text: t }
    })
    .filter((x) => x.text !== '')
}
