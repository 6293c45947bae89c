/**
 * Cleaning a policy text before parsing: full-width ASCII to half-width (Ｂ→B, （→(, ，→, in
 * numbering only — Chinese punctuation inside sentences is kept), page noise removed (page numbers
 * like "— 3 —", "第 3 页 共 12 页", "Page 3 of 12", running headers repeated on many pages), and
 * lines broken mid-sentence joined again. Returns the lines with their original line numbers.
 */
export interface Line {
  no: number
  text: string
}

const PAGE = [
  /^[-—–─\s]*\d{1,4}[-—–─\s]*$/,
  /^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/,
  /^page\s+\d+(\s+of\s+\d+)?$/i,
  /^\d+\s*\/\s*\d+$/,
]

/** Full-width digits, Latin letters, brackets, ．and ％ to half width; Chinese ，；：？！ are kept. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF08\uFF09\uFF0E\uFF05]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\u3000/g, ' ')
}

/**
 * Headings embedded in running text (a scraped page on one line): a numbering after a sentence
 * stop, or a bracketed number before a capitalised word, starts a new line. Whether it really is a
 * heading is decided by the sequence in tree.ts.
 */
export function splitEmbedded(text: string): string {
  return (
    text
      .replace(
        /([。；！？])[ \t]*(?=(第[一二三四五六七八九十]+[,，、]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]{1,3}[)）]|[(（]\d{1,2}[)）]))/g,
        '$1\n',
      )
      // a bracketed Chinese numeral opens a list item wherever it stands ("…崛起(一)着力构建…")
      .replace(/([^\n\s(（])[ \t]*(?=[(（][一二三四五六七八九十]{1,3}[)）][\u4e00-\u9fff])/g, '$1\n')
      .replace(
        /([.;:!?])[ \t]+(?=(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(ly)?,)/g,
        '$1\n',
      )
      .replace(/[ \t]+(?=\((\d{1,2}|[a-h])\)\s+[A-Z])/g, '\n')
  )
}

export function cleanLines(text: string, isHeading: (s: string) => boolean): Line[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n')
  const lines = raw.map((t, i) => ({ no: i + 1, text: t.replace(/\s+$/, '').trimStart() }))
  // running headers/footers: short identical lines repeated three times or more
  const count = new Map<string, number>()
  for (const l of lines) if (l.text && l.text.length <= 40) count.set(l.text, (count.get(l.text) ?? 0) + 1)
  const kept = lines.filter(
    (l) =>
      l.text !== '' &&
      !PAGE.some((re) => re.test(l.text)) &&
      !((count.get(l.text) ?? 0) >= 3 && !isHeading(l.text)),
  )
  // join a line to the previous one when the previous stops mid-sentence and this one is not a heading
  const out: Line[] = []
  for (const l of kept) {
    const prev = out.at(-1)
    // a page number printed into the text ("…发展的 12、新动能…") breaks a sentence: a plain
    // "N、"/"N." after an unfinished sentence is page noise, not a heading
    const marker = /^\d{1,3}[、.．]\s*/.exec(l.text)
    if (
      prev &&
      marker &&
      !(isHeading(prev.text) && prev.text.length < 60) &&
      prev.text.length >= 4 &&
      !/[。！？；：.!?;:"”’)）】]$/.test(prev.text)
    ) {
      const rest = l.text.slice(marker[0].length)
      const cjk = /[\u4e00-\u9fff]$/.test(prev.text) && /^[\u4e00-\u9fff]/.test(rest)
      prev.text = cjk ? prev.text + rest : `${prev.text} ${rest}`
      continue
    }
    const prevIsHeading = prev ? isHeading(prev.text) && prev.text.length < 60 : false
    if (
      prev &&
      !prevIsHeading &&
      !isHeading(l.text) &&
      !/[。！？；：.!?;:"”’)）】]$/.test(prev.text) &&
      prev.text.length >= 6
    ) {
      const cjk = /[\u4e00-\u9fff]$/.test(prev.text) && /^[\u4e00-\u9fff]/.test(l.text)
      prev.text = cjk ? prev.text + l.text : `${prev.text} ${l.text}`
    } else out.push({ ...l })
  }
  return out
}
