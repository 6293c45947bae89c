/**
 * The report as one HTML page: the common source of the PDF (printed by Chromium) and what the
 * HTML format writes. Every text is escaped. The body (sections) is rendered first and hashed
 * (SHA-256), so the same data and options give the same hash; the cover, which carries the
 * date of generation, states that hash and is not part of it.
 */
import { createHash } from 'node:crypto'
import { MESSAGES } from '../catalogue.ts'
import type { Block, ReportDoc } from '../model.ts'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

function block(b: Block): string {
  if (b.kind === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`
  const head = b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')
  const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')
  const sum = (b.widths ?? []).reduce((a, w) => a + w, 0)
  const cols = b.widths
    ? `<colgroup>${b.widths.map((w) => `<col style="width:${((100 * w) / sum).toFixed(1)}%">`).join('')}</colgroup>`
    : ''
  return `<table${b.widths ? ' class="fixed"' : ''}><caption>${escapeHtml(b.caption)}</caption>${cols}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>`
}

/** The body alone: what the content hash covers. */
export function renderBody(doc: ReportDoc): string {
  return doc.sections
    .map(
      (s, i) =>
        `<section id="${escapeHtml(s.id)}">\n<h2>${i + 1}. ${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`,
    )
    .join('\n')
}

export const contentHash = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex')

const STYLE = `
body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC","WenQuanYi Micro Hei",sans-serif;font-size:10.5pt;line-height:1.6;color:#111;margin:0}
.cover{page-break-after:always;padding-top:30%}
.cover h1{font-size:22pt;margin-bottom:.3em}
.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;font-size:9.5pt}
.cover dd{margin:0;word-break:break-all}
h2{font-size:14pt;border-bottom:1px solid #999;margin-top:1.2em}
table{border-collapse:collapse;width:100%;font-size:8.5pt;margin:.6em 0;page-break-inside:auto}
tr{page-break-inside:avoid}
table.fixed{table-layout:fixed}
th,td{border:1px solid #999;padding:2px 4px;text-align:left;vertical-align:top}
th{background:#eee}
caption{caption-side:top;text-align:left;font-weight:bold;margin-bottom:.3em}
nav ol{padding-left:1.2em}
`

export interface RenderedHtml {
  html: string
  hash: string
}

/** The whole page: cover (title, date, data as of, run, releases, hash), contents, body. */
export function renderHtml(doc: ReportDoc, generatedOn: string): RenderedHtml {
  const m = MESSAGES[doc.lang]
  const body = renderBody(doc)
  const hash = contentHash(body)
  const lines = [
    { label: m.coverDate, value: generatedOn },
    ...doc.cover,
    { label: m.coverHash, value: hash },
  ]
  const dl = lines.map((l) => `<dt>${escapeHtml(l.label)}</dt><dd>${escapeHtml(l.value)}</dd>`).join('')
  const toc = doc.sections
    .map((s, i) => `<li><a href="#${escapeHtml(s.id)}">${i + 1}. ${escapeHtml(s.title)}</a></li>`)
    .join('')
  const html = `<!doctype html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head>
<body>
<div class="cover"><h1>${escapeHtml(doc.title)}</h1><p>${escapeHtml(doc.subtitle)}</p><dl>${dl}</dl></div>
<nav><ol>${toc}</ol></nav>
<main>
${body}
</main>
</body>
</html>
`
  return { html, hash }
}
