/** A report document in one of its formats, with the content hash of its body (the same in every format). */
import type { Browser } from 'playwright-core'
import type { ReportDoc } from '../model.ts'
import { renderHtml } from './html.ts'

export const FORMATS = ['html', 'pdf', 'docx'] as const
export type Format = (typeof FORMATS)[number]

export async function renderReport(
  doc: ReportDoc,
  format: Format,
  generatedOn: string,
  browser?: Browser,
): Promise<{ bytes: Buffer; hash: string }> {
  const { html, hash } = renderHtml(doc, generatedOn)
  if (format === 'html') return { bytes: Buffer.from(html, 'utf8'), hash }
  if (format === 'pdf') {
    const { htmlToPdf } = await import('./pdf.ts')
    return { bytes: await htmlToPdf(html, doc.title, browser), hash }
  }
  const { renderDocx } = await import('./docx.ts')
  return { bytes: await renderDocx(doc, generatedOn, hash), hash }
}
